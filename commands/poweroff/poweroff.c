/*
 * poweroff, reboot, halt: one program under three names. Flushes the file
 * systems (PM asks VFS to sync) and stops the machine the way its name says.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/reboot.h>

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	int how = strcmp(name, "reboot") == 0 ? RB_AUTOBOOT : strcmp(name, "halt") == 0 ? RB_HALT : RB_POWEROFF;
	if (argc > 1) {
		printf("usage: %s\n", name);
		return 2;
	}
	sync();
	reboot(how);
	printf("%s: %s\n", name, strerror(errno));
	return 1;
}
