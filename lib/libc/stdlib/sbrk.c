/*
 * The default heap hook: there is no memory service yet, so the heap cannot
 * grow and malloc fails with ENOMEM. libsys overrides it once it can.
 */
#include <libc_private.h>
#include <errno.h>

__attribute__((weak)) void *__libc_sbrk(intptr_t increment)
{
	(void)increment;
	errno = ENOMEM;
	return (void *)-1;
}
