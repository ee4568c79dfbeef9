/*
 * sleep: wait for a whole number of seconds. Several operands add up, as in
 * GNU; fractions and suffixes are not supported.
 */
#include "../lib/cmd.h"
#include <unistd.h>

#define USAGE "sleep seconds..."

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("sleep");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, USAGE);
	if (opts.index == argc) {
		cmd_error("missing operand");
		cmd_usage(1, USAGE);
	}
	long long total = 0;
	for (int i = opts.index; i < argc; i++) {
		long long seconds;
		if (parse_count(argv[i], &seconds) < 0) {
			cmd_error("invalid time interval '%s'", argv[i]);
			cmd_usage(1, USAGE);
		}
		total += seconds;
		if (total > 0x7fffffffLL)
			total = 0x7fffffffLL;
	}
	/* sleep() may return early on a signal; go on until the time is up. */
	unsigned left = (unsigned)total;
	while (left > 0)
		left = sleep(left);
	cmd_exit(0);
}
