/*
 * mkdir: create directories. -p creates missing parents and accepts
 * directories that already exist; -m MODE (octal) sets the mode of the
 * directories named (parents get the default, as in GNU).
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define USAGE "mkdir [-p] [-m mode] directory..."

static int is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Creates every missing ancestor of path (which is modified and restored). */
static int make_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		int failed = mkdir(path, 0777) < 0 && errno != EEXIST;
		if (!failed && !is_directory(path)) {
			failed = 1;
			errno = ENOTDIR;
		}
		if (failed)
			cmd_error("cannot create directory '%s': %s", path, strerror(errno));
		*p = '/';
		if (failed)
			return -1;
	}
	return 0;
}

static int make_directory(char *path, int parents, mode_t mode, int mode_given)
{
	if (parents && make_parents(path) < 0)
		return 1;
	if (mkdir(path, mode) < 0) {
		if (parents && errno == EEXIST && is_directory(path))
			return 0;
		cmd_error("cannot create directory '%s': %s", path, strerror(errno));
		return 1;
	}
	if (mode_given && chmod(path, mode) < 0) {
		cmd_error("cannot set permissions of '%s': %s", path, strerror(errno));
		return 1;
	}
	return 0;
}

static mode_t parse_mode(const char *text)
{
	char *end;
	long mode = strtol(text, &end, 8);
	if (*text == '\0' || *end || mode < 0 || mode > 07777) {
		cmd_error("invalid mode '%s'", text);
		cmd_exit(1);
	}
	return (mode_t)mode;
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, parents = 0, mode_given = 0, status = 0;
	mode_t mode = 0777;
	cmd_init("mkdir");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "pm:")) != -1) {
		if (option == 'p') {
			parents = 1;
		} else if (option == 'm') {
			mode = parse_mode(opts.arg);
			mode_given = 1;
		} else {
			cmd_usage(1, USAGE);
		}
	}
	if (opts.index == argc) {
		cmd_error("missing operand");
		cmd_usage(1, USAGE);
	}
	for (int i = opts.index; i < argc; i++)
		status |= make_directory(argv[i], parents, mode, mode_given);
	cmd_exit(status);
}
