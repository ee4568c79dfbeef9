/*
 * hostname: print the name of this machine (uname's nodename). Setting it
 * is not supported: there is no sethostname.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	struct options opts;
	struct utsname u;
	cmd_init("hostname");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1 || opts.index != argc)
		cmd_usage(1, "hostname");
	if (uname(&u) < 0) {
		cmd_error("cannot determine hostname: %s", strerror(errno));
		cmd_exit(1);
	}
	out_str(u.nodename);
	out_char('\n');
	cmd_exit(0);
}
