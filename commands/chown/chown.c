/* chown: change the owner and group of files (see commands/lib/ownership.c). */
#include "../lib/cmd.h"
#include "../lib/ownership.h"

int main(int argc, char **argv)
{
	cmd_init("chown");
	cmd_exit(ownership_main(argc, argv, 0, "chown [-R] owner[:group] file..."));
}
