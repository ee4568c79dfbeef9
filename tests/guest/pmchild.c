/*
 * pmchild: a program pmtest starts through PM from the boot image. It checks
 * its arguments and environment and exits with status 7, or 1 if they are
 * not what pmtest passed.
 */
#include <string.h>

int main(int argc, char **argv, char **envp)
{
	if (argc != 2 || strcmp(argv[0], "pmchild") != 0 || strcmp(argv[1], "from-pmtest") != 0)
		return 1;
	if (!envp[0] || strcmp(envp[0], "SAMSARA=yes") != 0 || envp[1])
		return 1;
	return 7;
}
