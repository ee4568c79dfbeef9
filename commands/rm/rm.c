/*
 * rm: remove files. -r removes directories and their contents, -f ignores
 * missing files and never prompts, -i asks before each removal (the answer
 * is read from standard input; "y" or "Y" means yes).
 */
#include "../lib/cmd.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "rm [-fiRr] file..."

struct rm_options {
	int recursive, force, interactive;
};

static int remove_path(const struct rm_options *ro, const char *path);

/* Asks "rm: <question> '<path>'? " and reads the answer. */
static int confirm(const char *question, const char *path)
{
	cmd_prompt("%s '%s'? ", question, path);
	return cmd_answer_yes();
}

static const char *describe(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return "remove directory";
	if (S_ISLNK(st->st_mode))
		return "remove symbolic link";
	if (S_ISREG(st->st_mode))
		return st->st_size == 0 ? "remove regular empty file" : "remove regular file";
	return "remove file";
}

/* One entry of a directory being emptied; never descends through a link. */
static int remove_entry(const char *child, const struct dirent *entry, void *ctx)
{
	const struct rm_options *ro = ctx;
	if (entry->d_type != DT_LNK)
		return remove_path(ro, child);
	if (unlink(child) == 0)
		return 0;
	cmd_error("cannot remove '%s': %s", child, strerror(errno));
	return 1;
}

/* Removes every entry of a directory; nonzero if one could not be. */
static int remove_contents(const struct rm_options *ro, const char *path)
{
	return for_each_entry(path, "remove", remove_entry, (void *)ro);
}

static int remove_directory(const struct rm_options *ro, const char *path)
{
	if (!ro->recursive) {
		cmd_error("cannot remove '%s': Is a directory", path);
		return 1;
	}
	if (ro->interactive && !confirm("descend into directory", path))
		return 0;
	if (remove_contents(ro, path))
		return 1;
	if (ro->interactive && !confirm("remove directory", path))
		return 0;
	if (rmdir(path) < 0) {
		cmd_error("cannot remove '%s': %s", path, strerror(errno));
		return 1;
	}
	return 0;
}

static int remove_path(const struct rm_options *ro, const char *path)
{
	struct stat st;
	if (cmd_lstat(path, &st) < 0) {
		if (ro->force && errno == ENOENT)
			return 0;
		cmd_error("cannot remove '%s': %s", path, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return remove_directory(ro, path);
	if (ro->interactive && !confirm(describe(&st), path))
		return 0;
	if (unlink(path) < 0) {
		cmd_error("cannot remove '%s': %s", path, strerror(errno));
		return 1;
	}
	return 0;
}

/* Whether the last component of path is "." or "..". */
static int is_dot_or_dotdot(const char *path)
{
	char *base = path_base(path);
	int dots = strcmp(base, ".") == 0 || strcmp(base, "..") == 0;
	free(base);
	return dots;
}

int main(int argc, char **argv)
{
	struct rm_options ro = { 0, 0, 0 };
	struct options opts;
	int option, status = 0;
	cmd_init("rm");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "fiRr")) != -1) {
		if (option == 'f')
			ro.force = 1, ro.interactive = 0;
		else if (option == 'i')
			ro.interactive = 1, ro.force = 0;
		else if (option == 'r' || option == 'R')
			ro.recursive = 1;
		else
			cmd_usage(1, USAGE);
	}
	if (opts.index == argc && !ro.force) {
		cmd_error("missing operand");
		cmd_usage(1, USAGE);
	}
	for (int i = opts.index; i < argc; i++) {
		if (is_dot_or_dotdot(argv[i])) {
			cmd_error("refusing to remove '.' or '..' directory: skipping '%s'", argv[i]);
			status = 1;
			continue;
		}
		status |= remove_path(&ro, argv[i]);
	}
	cmd_exit(status);
}
