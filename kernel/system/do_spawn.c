/*
 * KC_SPAWN(index, flags): start boot module index again, as a restarted
 * instance (argv[1] = "restart"), or, for an index from KC_IMAGE (at least
 * IMAGE_INDEX_BASE), the service image the kernel keeps (a first start with
 * SPAWN_FRESH). The new process has a new endpoint, its label and
 * privileges (the boot-table row, or a file service's), and the caller as
 * its manager. This is how RS restarts a system service from memory the
 * kernel holds, even when the disk or the file system is what died.
 * -EBUSY while the old instance still runs (kill it first).
 */
#include "system.h"

int do_spawn(struct proc *caller, const struct kcall_args *args)
{
	uint32_t index = args->a[0], flags = args->a[1];
	if (flags & ~SPAWN_FRESH)
		return -EINVAL;
	if (index >= IMAGE_INDEX_BASE)
		return image_spawn(index, caller->endpoint, flags & SPAWN_FRESH);
	if (flags)
		return -EINVAL;
	return boot_spawn(index, caller->endpoint);
}
