/*
 * rmdir: remove empty directories. -p also removes each parent named in
 * the path, as long as it becomes empty.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

#define USAGE "rmdir [-p] directory..."

static int remove_one(const char *path)
{
	if (rmdir(path) == 0)
		return 0;
	cmd_error("failed to remove '%s': %s", path, strerror(errno));
	return 1;
}

/* Removes path, then its parents from the innermost out (path is modified). */
static int remove_with_parents(char *path)
{
	if (remove_one(path))
		return 1;
	for (;;) {
		size_t len = strlen(path);
		while (len > 0 && path[len - 1] == '/')
			len--;
		while (len > 0 && path[len - 1] != '/')
			len--;
		while (len > 0 && path[len - 1] == '/')
			len--;
		if (len == 0)
			return 0;
		path[len] = '\0';
		if (remove_one(path))
			return 1;
	}
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, parents = 0, status = 0;
	cmd_init("rmdir");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "p")) != -1) {
		if (option == '?')
			cmd_usage(1, USAGE);
		parents = 1;
	}
	if (opts.index == argc) {
		cmd_error("missing operand");
		cmd_usage(1, USAGE);
	}
	for (int i = opts.index; i < argc; i++)
		status |= parents ? remove_with_parents(argv[i]) : remove_one(argv[i]);
	cmd_exit(status);
}
