/*
 * tally: the client of the demo service started from a file
 * (servers/tally). `tally LABEL [AMOUNT]` adds AMOUNT (default 0: just
 * read) to the service's total and prints it with the number of times the
 * service has started. While the service is being restarted the request
 * is sent again, for up to 5 seconds.
 *
 *   $ tally counter 5
 *   counter: total 5, started 1 time
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libsys.h>
#include "../lib/cmd.h"

#define USAGE "tally LABEL [AMOUNT]"
#define RETRY_MS 5000
#define PAUSE_MS 50

static int ask(const char *label, uint32_t amount, message *m)
{
	int r = -ESRCH;
	for (int waited = 0; waited <= RETRY_MS; waited += PAUSE_MS) {
		endpoint_t ep = sys_find_label(label);
		if (ep != NONE) {
			memset(m, 0, sizeof(*m));
			m->type = TALLY_ADD;
			m->tally.amount = amount;
			r = ipc_sendrec(ep, m);
			r = r < 0 ? r : m->type;
			if (r != -EDEADSRCDST)
				return r;
		}
		usleep(PAUSE_MS * 1000);   /* not there, or just died: RS brings it back */
	}
	return r;
}

int main(int argc, char **argv)
{
	cmd_init("tally");
	if (argc < 2 || argc > 3)
		cmd_usage(2, USAGE);
	long long amount = 0;
	if (argc == 3 && (parse_count(argv[2], &amount) < 0 || amount < 0 || amount > TALLY_MAX_AMOUNT)) {
		cmd_error("not an amount: '%s'", argv[2]);
		cmd_exit(2);
	}
	message m;
	int r = ask(argv[1], (uint32_t)amount, &m);
	if (r == -ESRCH) {
		cmd_error("%s: no such service", argv[1]);
		cmd_exit(1);
	}
	if (r < 0) {
		cmd_error("%s: %s", argv[1], strerror(-r));
		cmd_exit(1);
	}
	out_format("%s: total %u, started %u time%s\n", argv[1], (unsigned)m.tally.total,
		   (unsigned)m.tally.starts, m.tally.starts == 1 ? "" : "s");
	cmd_exit(0);
}
