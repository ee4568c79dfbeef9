/*
 * pwd: print the working directory. -P (the default, as for GNU's
 * standalone pwd) prints the physical path from getcwd; -L prints $PWD when
 * it is absolute, free of "." and ".." components and names this directory.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* getcwd into a buffer that grows until the path fits. */
static char *current_directory(void)
{
	size_t size = 256;
	for (;;) {
		char *buf = cmd_malloc(size);
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}

/* Whether $PWD is a usable logical name for the working directory. */
static int pwd_is_valid(const char *pwd)
{
	struct stat here, there;
	if (!pwd || pwd[0] != '/' || strstr(pwd, "/./") || strstr(pwd, "/../"))
		return 0;
	size_t len = strlen(pwd);
	if ((len >= 2 && strcmp(pwd + len - 2, "/.") == 0) || (len >= 3 && strcmp(pwd + len - 3, "/..") == 0))
		return 0;
	if (stat(pwd, &there) < 0 || stat(".", &here) < 0)
		return 0;
	return here.st_ino == there.st_ino && here.st_dev == there.st_dev;
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, logical = 0;
	cmd_init("pwd");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "LP")) != -1) {
		if (option == '?')
			cmd_usage(1, "pwd [-L|-P]");
		logical = option == 'L';
	}
	const char *pwd = getenv("PWD");
	if (logical && pwd_is_valid(pwd)) {
		out_str(pwd);
		out_char('\n');
		cmd_exit(0);
	}
	char *cwd = current_directory();
	if (!cwd) {
		cmd_error("error retrieving current directory: %s", strerror(errno));
		cmd_exit(1);
	}
	out_str(cwd);
	out_char('\n');
	free(cwd);
	cmd_exit(0);
}
