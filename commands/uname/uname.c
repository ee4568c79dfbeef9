/*
 * uname: print system information. -s system name (the default), -n node
 * name, -r release, -v version, -m machine, -a all of them; the fields come
 * out in that order whatever the order of the options.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>

#define USAGE "uname [-asnrvm]"

enum { SYSNAME = 1, NODENAME = 2, RELEASE = 4, VERSION = 8, MACHINE = 16, ALL = 31 };

int main(int argc, char **argv)
{
	struct options opts;
	struct utsname u;
	int fields = 0, option;
	cmd_init("uname");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "asnrvm")) != -1) {
		switch (option) {
		case 'a': fields |= ALL; break;
		case 's': fields |= SYSNAME; break;
		case 'n': fields |= NODENAME; break;
		case 'r': fields |= RELEASE; break;
		case 'v': fields |= VERSION; break;
		case 'm': fields |= MACHINE; break;
		default: cmd_usage(1, USAGE);
		}
	}
	if (opts.index != argc) {
		cmd_error("extra operand '%s'", argv[opts.index]);
		cmd_usage(1, USAGE);
	}
	if (fields == 0)
		fields = SYSNAME;
	if (uname(&u) < 0) {
		cmd_error("cannot get system name: %s", strerror(errno));
		cmd_exit(1);
	}
	const char *values[] = { u.sysname, u.nodename, u.release, u.version, u.machine };
	const char *separator = "";
	for (int i = 0; i < 5; i++) {
		if (fields & (1 << i)) {
			out_str(separator);
			out_str(values[i]);
			separator = " ";
		}
	}
	out_char('\n');
	cmd_exit(0);
}
