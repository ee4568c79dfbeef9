/*
 * which: print the path of the program each name would run, searching the
 * directories of $PATH in order (an empty entry is the current directory)
 * for a regular file that access() says is executable. A name with a "/"
 * is checked as it stands. -a prints every match, not just the first.
 * The status is 1 if any name was not found; nothing is printed for it.
 */
#include "../lib/cmd.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int executable(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Prints the matches for name; 0 if there was one. */
static int which(const char *name, const char *search, int all)
{
	if (strchr(name, '/')) {
		if (!executable(name))
			return 1;
		out_format("%s\n", name);
		return 0;
	}
	int found = 0;
	const char *dir = search;
	for (;;) {
		const char *end = strchr(dir, ':');
		size_t len = end ? (size_t)(end - dir) : strlen(dir);
		char *prefix = cmd_malloc(len + 1);
		memcpy(prefix, dir, len);
		prefix[len] = '\0';
		char *path = len ? path_join(prefix, name) : path_join(".", name);
		free(prefix);
		if (executable(path)) {
			out_format("%s\n", path);
			found = 1;
		}
		free(path);
		if ((found && !all) || !end)
			break;
		dir = end + 1;
	}
	return !found;
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, all = 0, status = 0;
	cmd_init("which");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "a")) != -1) {
		if (option == 'a')
			all = 1;
		else if (option == '?')
			cmd_usage(2, "which [-a] name...");
	}
	const char *search = getenv("PATH");
	if (!search)
		search = "/bin";
	for (int i = opts.index; i < argc; i++)
		status |= which(argv[i], search, all);
	cmd_exit(opts.index == argc ? 1 : status);
}
