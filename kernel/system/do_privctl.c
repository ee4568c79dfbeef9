/*
 * KC_PRIVCTL(ep, op, arg): change the privileges or the manager of a process
 * the caller manages. PRIVCTL_SET gives it a system record of its own from
 * the struct priv_spec at arg; PRIVCTL_SET_USER drops it to the shared user
 * record; PRIVCTL_SET_MANAGER names the endpoint that gets its reports.
 */
#include "system.h"
#include "../priv.h"

static int check_spec(const struct priv_spec *spec)
{
	if (spec->priority >= NR_PRIORITIES || (spec->kcalls & ~KC_ALL))
		return -EINVAL;
	if (spec->ipc_calls & ~((1u << IPC_NR_CALLS) - 2))
		return -EINVAL;
	return 0;
}

static int set_spec(struct proc *caller, struct proc *target, vir_addr_t addr)
{
	struct priv_spec spec;
	if (copy_from_user(caller, &spec, addr, sizeof(spec)) < 0)
		return -EFAULT;
	int r = check_spec(&spec);
	if (r < 0)
		return r;
	struct priv *priv = target->priv->id == PRIV_ID_USER ? priv_alloc_dynamic() : target->priv;
	if (!priv)
		return -ENOMEM;
	priv_set_from_spec(priv, &spec);
	target->priv = priv;
	target->priority = spec.priority;
	if (target->block == 0) {  /* requeue at the new priority */
		proc_set_runnable_flags(target, BLOCK_STOPPED, 0);
		proc_set_runnable_flags(target, 0, BLOCK_STOPPED);
	}
	return 0;
}

int do_privctl(struct proc *caller, const struct kcall_args *args)
{
	struct proc *target;
	int r = proc_lookup_checked((endpoint_t)args->a[0], caller, &target);
	if (r < 0)
		return r;
	if (target == caller || !may_manage(caller, target))
		return -EPERM;
	switch (args->a[1]) {
	case PRIVCTL_SET_USER:
		irq_release_all(target);
		priv_release(target->priv);
		target->priv = &priv_table[PRIV_ID_USER];
		return 0;
	case PRIVCTL_SET:
		return set_spec(caller, target, args->a[2]);
	case PRIVCTL_SET_MANAGER: {
		endpoint_t manager = (endpoint_t)args->a[2];
		if (manager != NONE && !proc_lookup(manager))
			return -EDEADSRCDST;
		target->manager = manager;
		return 0;
	}
	default:
		return -EINVAL;
	}
}
