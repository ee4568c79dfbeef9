/*
 * sync: write all buffered file system data to the disks. Operands are not
 * supported (GNU's per-file fsync).
 */
#define _DEFAULT_SOURCE 1  /* glibc declares sync() only outside strict POSIX */
#include "../lib/cmd.h"
#include <unistd.h>

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("sync");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1 || opts.index != argc)
		cmd_usage(1, "sync");
	sync();
	cmd_exit(0);
}
