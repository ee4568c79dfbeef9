/*
 * umount: unmounts the file systems mounted on the directories (or from
 * the devices) named. Root only; a file system in use stays mounted
 * ("Device or resource busy").
 *
 * Differs from util-linux: no -a, -f, -l, -r or -t.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>
#include <sys/mount.h>

#define USAGE "umount dir|device..."

int main(int argc, char **argv)
{
	struct options opts;
	int status = 0;
	cmd_init("umount");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1 || opts.index == argc)
		cmd_usage(1, USAGE);
	for (int i = opts.index; i < argc; i++) {
		if (umount(argv[i]) < 0) {
			cmd_error("cannot unmount %s: %s", argv[i], strerror(errno));
			status = 1;
		}
	}
	cmd_exit(status);
}
