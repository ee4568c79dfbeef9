/*
 * mv: move (rename) files. Across file systems (EXDEV) the source is
 * copied, keeping mode and owner, and then removed. -f is accepted (mv
 * never prompts unless -i); -i asks before overwriting.
 */
#include "../lib/cmd.h"
#include "../lib/target.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define USAGE "mv [-fi] source... target"

static int move_one(const char *source, const char *destination, void *context)
{
	const int *interactive = context;
	struct stat st, target;
	if (cmd_lstat(source, &st) < 0) {
		cmd_error("cannot stat '%s': %s", source, strerror(errno));
		return 1;
	}
	if (*interactive && cmd_lstat(destination, &target) == 0) {
		cmd_prompt("overwrite '%s'? ", destination);
		if (!cmd_answer_yes())
			return 0;
	}
	if (rename(source, destination) == 0)
		return 0;
	if (errno != EXDEV) {
		cmd_error("cannot move '%s' to '%s': %s", source, destination, strerror(errno));
		return 1;
	}
	struct copy_options co = { 1, 1 };
	if (copy_path(&co, source, destination))
		return 1;
	return remove_tree(source);
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, interactive = 0;
	cmd_init("mv");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "fi")) != -1) {
		if (option == '?')
			cmd_usage(1, USAGE);
		interactive = option == 'i';
	}
	cmd_exit(for_each_target(argc, argv, opts.index, 0, move_one, &interactive, USAGE));
}
