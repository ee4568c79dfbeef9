/*
 * basename: print NAME without its directory part and, when given, a
 * trailing SUFFIX (unless that is all there is).
 */
#include "../lib/cmd.h"
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("basename");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, "basename name [suffix]");
	int operands = argc - opts.index;
	if (operands < 1 || operands > 2) {
		cmd_error(operands < 1 ? "missing operand" : "extra operand '%s'", argv[argc - 1]);
		cmd_usage(1, "basename name [suffix]");
	}
	char *base = path_base(argv[opts.index]);
	if (operands == 2) {
		const char *suffix = argv[opts.index + 1];
		size_t len = strlen(base), suffix_len = strlen(suffix);
		if (suffix_len < len && strcmp(base + len - suffix_len, suffix) == 0)
			base[len - suffix_len] = '\0';
	}
	out_str(base);
	out_char('\n');
	free(base);
	cmd_exit(0);
}
