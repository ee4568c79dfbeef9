/* KC_KILL(ep): tear down a process the caller manages, waking its peers with EDEADSRCDST. */
#include "system.h"

int do_kill(struct proc *caller, const struct kcall_args *args)
{
	struct proc *target;
	int r = proc_lookup_checked((endpoint_t)args->a[0], caller, &target);
	if (r < 0)
		return r;
	if (target == caller)
		return -EINVAL;
	if (!may_manage(caller, target))
		return -EPERM;
	proc_destroy(target);
	return 0;
}
