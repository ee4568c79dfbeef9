/*
 * date: print the current date and time, by default as
 * "Thu Nov 26 15:03:26 UTC 2026", or in the strftime format after a "+".
 * -u is accepted: Samsara's clock is always UTC. Setting the date is not
 * supported.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define USAGE "date [-u] [+format]"
#define MAX_OUTPUT 65536

int main(int argc, char **argv)
{
	struct options opts;
	struct tm tm;
	int option;
	const char *format = "%a %b %e %H:%M:%S %Z %Y";
	cmd_init("date");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "u")) != -1)
		if (option == '?')
			cmd_usage(1, USAGE);
	if (opts.index < argc) {
		if (argv[opts.index][0] != '+') {
			cmd_error("invalid date '%s'", argv[opts.index]);
			cmd_usage(1, USAGE);
		}
		if (opts.index + 1 < argc) {
			cmd_error("extra operand '%s'", argv[opts.index + 1]);
			cmd_usage(1, USAGE);
		}
		format = argv[opts.index] + 1;
	}
	time_t now = time(NULL);
	if (now == (time_t)-1 || !localtime_r(&now, &tm)) {
		cmd_error("cannot read the clock: %s", strerror(errno));
		cmd_exit(1);
	}
	/* strftime returns 0 both when the buffer is short and for "": grow. */
	size_t len = 0;
	char *text = NULL;
	if (*format) {
		for (size_t size = 256; size <= MAX_OUTPUT; size *= 4) {
			text = cmd_realloc(text, size);
			len = strftime(text, size, format, &tm);
			if (len > 0)
				break;
		}
	}
	if (text)
		out_write(text, len);
	out_char('\n');
	free(text);
	cmd_exit(0);
}
