/* Process exit through the kernel. */
#include <libsys.h>

void sys_exit(int status)
{
	kcall5(KC_EXIT, (uint32_t)status, 0, 0, 0, 0);
	for (;;)
		__asm__ volatile("ud2");  /* unreachable: the kernel does not return */
}
