/*
 * ps: list the processes PM knows, one line each: PID, PPID, state and
 * command name, sorted by pid. -e and -f are accepted (every process is
 * always listed; -f adds the user id).
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdlib.h>
#include <procinfo.h>

#define USAGE "ps [-ef]"

static int by_pid(const void *a, const void *b)
{
	return ((const struct procinfo *)a)->pid - ((const struct procinfo *)b)->pid;
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, full = 0;
	cmd_init("ps");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "ef")) != -1) {
		if (option == '?')
			cmd_usage(1, USAGE);
		full |= option == 'f';
	}
	if (opts.index != argc)
		cmd_usage(1, USAGE);
	struct procinfo rows[256];
	size_t count = 0;
	for (int index = 0; count < sizeof(rows) / sizeof(rows[0]); index++) {
		if (procinfo(index, &rows[count]) == 0)
			count++;
		else if (errno != ENOENT)
			break;  /* past the end of PM's table */
	}
	qsort(rows, count, sizeof(rows[0]), by_pid);
	out_str(full ? "  UID   PID  PPID S CMD\n" : "  PID  PPID S CMD\n");
	for (size_t i = 0; i < count; i++) {
		if (full)
			out_format("%5u ", (unsigned)rows[i].uid);
		out_format("%5d %5d %c %s\n", rows[i].pid, rows[i].ppid, rows[i].state, rows[i].name);
	}
	cmd_exit(0);
}
