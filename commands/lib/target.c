/* Operands of cp, mv and ln: sources and a destination file or directory. */
#include "cmd.h"
#include "target.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Each source goes into directory dir under its own last component. */
static int into_directory(char **sources, int count, const char *dir,
	int (*act)(const char *, const char *, void *), void *context)
{
	int status = 0;
	for (int i = 0; i < count; i++) {
		char *base = path_base(sources[i]);
		char *destination = path_join(dir, base);
		status |= act(sources[i], destination, context);
		free(destination);
		free(base);
	}
	return status;
}

int for_each_target(int argc, char **argv, int first, int allow_single,
	int (*act)(const char *source, const char *destination, void *context), void *context,
	const char *usage)
{
	int operands = argc - first;
	if (operands == 0) {
		cmd_error("missing file operand");
		cmd_usage(1, usage);
	}
	if (operands == 1) {
		if (allow_single)
			return into_directory(argv + first, 1, ".", act, context);
		cmd_error("missing destination file operand after '%s'", argv[first]);
		cmd_usage(1, usage);
	}
	const char *last = argv[argc - 1];
	if (is_directory(last))
		return into_directory(argv + first, operands - 1, last, act, context);
	if (operands > 2) {
		struct stat st;
		if (stat(last, &st) < 0)
			cmd_error("target '%s': %s", last, strerror(errno));
		else
			cmd_error("target '%s' is not a directory", last);
		cmd_exit(1);
	}
	return act(argv[first], last, context);
}
