/* exit: the functions given to atexit (last first), then every stream is
 * flushed, then the process ends with status. _exit does none of that. */
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <libc_private.h>

#define ATEXIT_MAX 32  /* POSIX wants at least 32 */

static void (*at_exit[ATEXIT_MAX])(void);
static int registered;

int atexit(void (*function)(void))
{
	if (registered == ATEXIT_MAX) {
		errno = ENOMEM;
		return -1;
	}
	at_exit[registered++] = function;
	return 0;
}

void exit(int status)
{
	while (registered > 0)  /* a function may register more: they run too */
		at_exit[--registered]();
	__libc_stdio_exit();
	_exit(status);
}
