/*
 * KC_IMAGE(op, arg): the service images the kernel keeps (kernel/image.c).
 * IMAGE_KEEP(struct kc_image *): copy the ELF file that req.owner granted
 * to the caller into kernel-held memory, under a new, unique label (EEXIST
 * when a boot service, a kept image or a live process has it; ENOEXEC when
 * it is not an executable the loader accepts); returns its KC_SPAWN index.
 * IMAGE_DROP(index): free it; -EBUSY while a process runs it.
 */
#include "system.h"

int do_image(struct proc *caller, const struct kcall_args *args)
{
	struct kc_image req;
	switch (args->a[0]) {
	case IMAGE_KEEP:
		if (copy_from_user(caller, &req, args->a[1], sizeof(req)) < 0)
			return -EFAULT;
		req.label[sizeof(req.label) - 1] = '\0';
		req.args[sizeof(req.args) - 1] = '\0';
		return image_keep(caller, &req);
	case IMAGE_DROP:
		return image_drop(args->a[1]);
	default:
		return -EINVAL;
	}
}
