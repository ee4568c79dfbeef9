/* Counts for head and tail, with the obsolete "-N" form ("head -5"). */
#include "cmd.h"
#include "count.h"
#include <string.h>

static void parse_value(struct count_option *count, const char *text, int bytes)
{
	count->bytes = bytes;
	count->from_start = text[0] == '+';
	count->negative = text[0] == '-';
	const char *digits = (text[0] == '+' || text[0] == '-') ? text + 1 : text;
	if (parse_count(digits, &count->value) < 0) {
		cmd_error("invalid number of %s: '%s'", bytes ? "bytes" : "lines", text);
		cmd_exit(1);
	}
}

int parse_count_options(int argc, char **argv, struct count_option *count,
	int *quiet, int *verbose, int allow_follow, const char *usage)
{
	struct options opts;
	int option;
	memset(count, 0, sizeof(*count));
	count->value = 10;
	*quiet = *verbose = 0;
	options_init(&opts);
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
		parse_value(count, argv[1] + 1, 0);
		opts.index = 2;
	}
	while ((option = options_next(&opts, argc, argv, allow_follow ? "c:fn:qv" : "c:n:qv")) != -1) {
		if (option == 'f')
			count->follow = 1;
		else if (option == 'c' || option == 'n')
			parse_value(count, opts.arg, option == 'c');
		else if (option == 'q')
			*quiet = 1, *verbose = 0;
		else if (option == 'v')
			*verbose = 1, *quiet = 0;
		else
			cmd_usage(1, usage);
	}
	return opts.index;
}
