/*
 * dirname: print each NAME without its last component (and the slashes
 * before it); "." when there is no directory part.
 */
#include "../lib/cmd.h"
#include <string.h>

/* Writes the directory part of path. */
static void put_dirname(const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	while (len > 0 && path[len - 1] != '/')
		len--;
	if (len == 0) {
		out_str(path[0] == '/' ? "/" : ".");
		return;
	}
	while (len > 1 && path[len - 1] == '/')
		len--;
	out_write(path, len);
}

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("dirname");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, "dirname name...");
	if (opts.index == argc) {
		cmd_error("missing operand");
		cmd_usage(1, "dirname name...");
	}
	for (int i = opts.index; i < argc; i++) {
		put_dirname(argv[i]);
		out_char('\n');
	}
	cmd_exit(0);
}
