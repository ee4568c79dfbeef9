/* chgrp: change the group of files (see commands/lib/ownership.c). */
#include "../lib/cmd.h"
#include "../lib/ownership.h"

int main(int argc, char **argv)
{
	cmd_init("chgrp");
	cmd_exit(ownership_main(argc, argv, 1, "chgrp [-R] group file..."));
}
