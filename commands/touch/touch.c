/*
 * touch: create files that do not exist and set the access and
 * modification times of every file named to now. -c creates nothing; -a
 * and -m are accepted for compatibility (both times are set).
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#define USAGE "touch [-acm] file..."

static int touch_one(const char *path, int no_create)
{
	struct stat st;
	if (no_create && stat(path, &st) < 0)
		return 0;
	int fd = open(path, O_WRONLY | O_CREAT, 0666);
	if (fd < 0 && errno != EISDIR) {  /* a directory exists: only its times change */
		cmd_error("cannot touch '%s': %s", path, strerror(errno));
		return 1;
	}
	if (fd >= 0)
		close(fd);
	if (utime(path, NULL) < 0) {
		cmd_error("cannot touch '%s': %s", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, no_create = 0, status = 0;
	cmd_init("touch");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "acm")) != -1) {
		if (option == '?')
			cmd_usage(1, USAGE);
		if (option == 'c')
			no_create = 1;
	}
	if (opts.index == argc) {
		cmd_error("missing file operand");
		cmd_usage(1, USAGE);
	}
	for (int i = opts.index; i < argc; i++)
		status |= touch_one(argv[i], no_create);
	cmd_exit(status);
}
