/* exit: ends the program with status. */
#include <stdlib.h>
#include <libsys.h>

void exit(int status)
{
	sys_exit(status);
}
