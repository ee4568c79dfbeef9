/*
 * mount: without operands, the mount table as VFS keeps it (/proc/mounts:
 * "device dir type options 0 0" per line); with DEVICE DIR, mounts the ext2
 * file system on the block device DEVICE (from /dev) on the directory DIR,
 * read-only with -r. Root only.
 *
 * Differs from util-linux: no -t (ext2 is the only type), -o, -a or fstab.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>
#include <sys/mount.h>

#define USAGE "mount [-rw] [device dir]"
#define MOUNT_TABLE "/proc/mounts"

static int list_mounts(void)
{
	struct input in;
	char *line;
	ssize_t len;
	if (input_open(&in, MOUNT_TABLE) < 0) {
		cmd_error("%s: %s", MOUNT_TABLE, strerror(errno));
		return 1;
	}
	while ((len = input_line(&in, &line)) > 0)
		out_write(line, (size_t)len);
	input_close(&in);
	return 0;
}

int main(int argc, char **argv)
{
	struct options opts;
	unsigned long flags = 0;
	int option;
	cmd_init("mount");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "rw")) != -1) {
		switch (option) {
		case 'r': flags |= MS_RDONLY; break;
		case 'w': flags &= ~(unsigned long)MS_RDONLY; break;
		default: cmd_usage(1, USAGE);
		}
	}
	int operands = argc - opts.index;
	if (operands == 0 && !flags)
		cmd_exit(list_mounts());
	if (operands != 2)
		cmd_usage(1, USAGE);
	const char *device = argv[opts.index], *dir = argv[opts.index + 1];
	if (mount(device, dir, "ext2", flags, NULL) < 0) {
		cmd_error("cannot mount %s on %s: %s", device, dir, strerror(errno));
		cmd_exit(1);
	}
	cmd_exit(0);
}
