/*
 * KC_SPAWN(index): start boot module index again, as a restarted instance
 * (argv[1] = "restart"): a new process with a new endpoint, the module's
 * boot-table privileges and label, managed by the caller. This is how RS
 * restarts a system service from the image the kernel keeps in memory, even
 * when the disk or the file system is what died. -EBUSY while the old
 * instance still holds its privilege record (kill it first).
 */
#include "system.h"

int do_spawn(struct proc *caller, const struct kcall_args *args)
{
	return boot_spawn(args->a[0], caller->endpoint);
}
