/*
 * whoami: print the name of the effective user, from /etc/passwd, or its
 * number when it has no entry there.
 */
#include "../lib/cmd.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("whoami");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, "whoami");
	if (opts.index != argc) {
		cmd_error("extra operand '%s'", argv[opts.index]);
		cmd_usage(1, "whoami");
	}
	unsigned long uid = (unsigned long)geteuid();
	char *name = cmd_account_name("/etc/passwd", uid);
	if (name)
		out_format("%s\n", name);
	else
		out_format("%lu\n", uid);
	free(name);
	cmd_exit(0);
}
