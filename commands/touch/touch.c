/*
 * touch: create files that do not exist. Samsara has no utime call yet,
 * so existing files are opened and left as they are (their times are not
 * updated). -c creates nothing; -a and -m are accepted for compatibility.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define USAGE "touch [-acm] file..."

static int touch_one(const char *path, int no_create)
{
	struct stat st;
	if (no_create && stat(path, &st) < 0)
		return 0;
	int fd = open(path, O_WRONLY | O_CREAT, 0666);
	if (fd < 0) {
		if (errno == EISDIR)  /* a directory exists: nothing to create */
			return 0;
		cmd_error("cannot touch '%s': %s", path, strerror(errno));
		return 1;
	}
	close(fd);
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
