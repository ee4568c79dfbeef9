/*
 * KC_EXEC(ep, struct kc_exec *): replace ep's image (SELF, or a process the
 * caller manages) with the ELF executable in the caller's memory, and place
 * the given bytes (argument and environment strings, prepared by the caller
 * for their final address) at the top of the new stack. ep then runs from
 * the ELF entry point. Grants die with the old image.
 */
#include "system.h"

int do_exec(struct proc *caller, const struct kcall_args *args)
{
	struct proc *target;
	struct kc_exec req;
	int r = proc_lookup_checked((endpoint_t)args->a[0], caller, &target);
	if (r < 0)
		return r;
	if (target != caller && !may_manage(caller, target))
		return -EPERM;
	if (copy_from_user(caller, &req, args->a[1], sizeof(req)) < 0)
		return -EFAULT;
	req.name[sizeof(req.name) - 1] = '\0';
	r = exec_load(target, caller->pagedir, req.elf_addr, req.elf_len, req.stack_addr, req.stack_len);
	if (r < 0)
		return r;
	strlcpy(target->name, req.name, sizeof(target->name));
	if (target != caller && target->block & BLOCK_RECEIVING) {
		/* it was waiting for a reply to its exec request: it starts afresh */
		target->sendrec = false;
		proc_set_runnable_flags(target, 0, BLOCK_RECEIVING);
	}
	return target == caller ? KCALL_NO_RETURN : 0;
}
