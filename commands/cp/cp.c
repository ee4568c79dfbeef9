/*
 * cp: copy files. -r/-R copies directories recursively (symbolic links as
 * links once lstat exists), -p preserves mode and ownership (not times:
 * there is no utime yet), -f is accepted (files are always truncated).
 */
#include "../lib/cmd.h"
#include "../lib/target.h"

#define USAGE "cp [-fpRr] source... target"

static int copy_one(const char *source, const char *destination, void *context)
{
	return copy_path(context, source, destination);
}

int main(int argc, char **argv)
{
	struct copy_options co = { 0, 0 };
	struct options opts;
	int option;
	cmd_init("cp");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "fpRr")) != -1) {
		if (option == 'r' || option == 'R')
			co.recursive = 1;
		else if (option == 'p')
			co.preserve = 1;
		else if (option == '?')
			cmd_usage(1, USAGE);
	}
	cmd_exit(for_each_target(argc, argv, opts.index, 0, copy_one, &co, USAGE));
}
