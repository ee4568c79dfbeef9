/*
 * vfschild: vfstest execs it to check what survives an exec: argv[1] names a
 * descriptor marked close-on-exec (must be closed), argv[2] one that is not
 * (must still be open). Exit status 0 if both hold.
 */
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	struct stat st;
	if (argc != 3)
		return 2;
	int closed = atoi(argv[1]), kept = atoi(argv[2]);
	if (fstat(closed, &st) == 0 || errno != EBADF)
		return 3;
	if (fstat(kept, &st) != 0)
		return 4;
	return write(kept, "child was here", 14) == 14 ? 0 : 5;
}
