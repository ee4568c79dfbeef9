/*
 * KC_BOOTIMAGE(index, offset, addr, len, name): copy len bytes from offset of
 * boot module index into the caller's memory, and its name (16 bytes) to
 * name. Returns the module's size; -ENOENT past the last module. PM starts
 * programs from the boot image with it before a file system is mounted.
 */
#include "system.h"

int do_bootimage(struct proc *caller, const struct kcall_args *args)
{
	phys_addr_t start;
	uint32_t size, offset = args->a[1], len = args->a[3];
	char name[16];
	int r = boot_module(args->a[0], &start, &size, name);
	if (r < 0)
		return r;
	if (offset > size || len > size - offset)
		return -EINVAL;
	if (args->a[4] && copy_to_user(caller, args->a[4], name, sizeof(name)) < 0)
		return -EFAULT;
	if (len && vm_copy(caller->pagedir, args->a[2], NULL, start + offset, len) < 0)
		return -EFAULT;
	return (int)size;
}
