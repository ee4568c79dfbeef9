/* KC_SHUTDOWN(how, code): power off, reboot or halt the machine. */
#include "system.h"

int do_shutdown(struct proc *caller, const struct kcall_args *args)
{
	uint32_t how = args->a[0];
	if (how != SHUTDOWN_POWEROFF && how != SHUTDOWN_REBOOT && how != SHUTDOWN_HALT)
		return -EINVAL;
	kprintf("kernel: shutdown requested by %s\n", caller->name);
	arch_shutdown((int)how, (int)args->a[1]);
}
