/*
 * clear: clear the terminal, with the ANSI (VT100) sequences for "cursor
 * home" and "erase the whole screen"; there is no terminfo.
 */
#include "../lib/cmd.h"

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("clear");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1 || opts.index != argc)
		cmd_usage(1, "clear");
	out_str("\033[H\033[2J");
	cmd_exit(0);
}
