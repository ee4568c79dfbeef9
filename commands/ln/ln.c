/*
 * ln: make links. Hard links by default, symbolic with -s; -f removes an
 * existing destination first. "ln TARGET" links into the current directory.
 */
#include "../lib/cmd.h"
#include "../lib/target.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

#define USAGE "ln [-fs] target... link_name"

struct ln_options {
	int symbolic, force;
};

static int link_one(const char *target, const char *name, void *context)
{
	const struct ln_options *lo = context;
	struct stat st;
	if (!lo->symbolic && stat(target, &st) < 0) {
		cmd_error("failed to access '%s': %s", target, strerror(errno));
		return 1;
	}
	if (lo->force && cmd_lstat(name, &st) == 0 && !S_ISDIR(st.st_mode) && unlink(name) < 0) {
		cmd_error("cannot remove '%s': %s", name, strerror(errno));
		return 1;
	}
	int result = lo->symbolic ? symlink(target, name) : link(target, name);
	if (result == 0)
		return 0;
	if (lo->symbolic)
		cmd_error("failed to create symbolic link '%s': %s", name, strerror(errno));
	else if (errno == EEXIST)
		cmd_error("failed to create hard link '%s': %s", name, strerror(errno));
	else
		cmd_error("failed to create hard link '%s' => '%s': %s", name, target, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	struct ln_options lo = { 0, 0 };
	struct options opts;
	int option;
	cmd_init("ln");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "fs")) != -1) {
		if (option == 's')
			lo.symbolic = 1;
		else if (option == 'f')
			lo.force = 1;
		else
			cmd_usage(1, USAGE);
	}
	cmd_exit(for_each_target(argc, argv, opts.index, 1, link_one, &lo, USAGE));
}
