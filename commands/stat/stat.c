/*
 * stat: show the status of files. Without -c, GNU's layout: name, size,
 * blocks, I/O block, type, device, inode, links, mode, owner, group and
 * the three times; -c FORMAT prints FORMAT for each file instead (see
 * directives.c: %n %N %s %b %B %o %a %A %f %F %h %i %u %U %g %G %d %D
 * %Hd %Ld %r %R %Hr %Lr %t %T %x %X %y %Y %z %Z %w %W), -t the terse
 * line, and -L describes what symbolic links point to. "-" is standard input.
 *
 * Differs from GNU: times have no fraction of a second (Samsara keeps
 * whole seconds: ".000000000"), there is no birth time ("-"), no -f
 * (file systems), --printf or %m and %C, and a file that is not there is
 * reported as "cannot stat" where GNU on Linux says "cannot statx".
 */
#include "../lib/cmd.h"
#include "stat.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

#define USAGE "stat [-L] [-t] [-c format] file..."

#define LAYOUT_HEAD "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
#define LAYOUT_DEVICE "Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
#define LAYOUT_SPECIAL "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
#define LAYOUT_TAIL "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n" \
	"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
#define TERSE "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o"

/* Describes one file: with format and a newline, or in the default layout. */
static int describe(const char *name, const char *format, int follow)
{
	struct stat_file file = { .name = name, .quote_names = format && strstr(format, "%N") != NULL };
	int r = strcmp(name, "-") == 0 ? fstat(STDIN_FILENO, &file.st)
		: follow ? stat(name, &file.st) : cmd_lstat(name, &file.st);
	if (r < 0) {
		cmd_error("cannot stat '%s': %s", name, strerror(errno));
		return 1;
	}
	if (format) {
		stat_print(format, &file);
		out_char('\n');
		return 0;
	}
	stat_print(LAYOUT_HEAD, &file);
	int special = S_ISCHR(file.st.st_mode) || S_ISBLK(file.st.st_mode);
	stat_print(special ? LAYOUT_SPECIAL : LAYOUT_DEVICE, &file);
	stat_print(LAYOUT_TAIL, &file);
	return 0;
}

int main(int argc, char **argv)
{
	struct options opts;
	const char *format = NULL;
	int option, follow = 0, terse = 0, status = 0;
	cmd_init("stat");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "c:Lt")) != -1) {
		switch (option) {
		case 'c': format = opts.arg; break;
		case 'L': follow = 1; break;
		case 't': terse = 1; break;
		default: cmd_usage(1, USAGE);
		}
	}
	if (opts.index == argc) {
		cmd_error("missing operand");
		cmd_usage(1, USAGE);
	}
	if (terse && !format)
		format = TERSE;
	for (int i = opts.index; i < argc; i++)
		status |= describe(argv[i], format, follow);
	cmd_exit(status);
}
