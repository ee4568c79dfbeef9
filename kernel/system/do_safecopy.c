/*
 * KC_SAFECOPY_FROM / KC_SAFECOPY_TO(owner, grant, offset, addr, len): copy
 * between the caller's memory and a window that owner granted to it. Every
 * field is checked before a byte moves: the owner is alive, the grant is
 * live and names the caller, it allows the direction, and [offset, offset +
 * len) lies inside it.
 */
#include "system.h"

struct grant *grant_lookup(struct proc *owner, grant_id_t id);

static int safecopy(struct proc *caller, const struct kcall_args *args, bool to_owner)
{
	struct proc *owner;
	int r = proc_lookup_checked((endpoint_t)args->a[0], caller, &owner);
	if (r < 0)
		return r;
	uint32_t offset = args->a[2], len = args->a[4];
	vir_addr_t addr = args->a[3];
	struct grant *g = grant_lookup(owner, (grant_id_t)args->a[1]);
	if (!g)
		return -EBADGRANT;
	if (g->grantee != ANY && g->grantee != caller->endpoint)
		return -EPERM;
	if (!(g->access & (to_owner ? GRANT_WRITE : GRANT_READ)))
		return -EPERM;
	if (offset > g->len || len > g->len - offset)
		return -EINVAL;
	if (to_owner)
		return vm_copy(owner->pagedir, g->base + offset, caller->pagedir, addr, len);
	return vm_copy(caller->pagedir, addr, owner->pagedir, g->base + offset, len);
}

int do_safecopy_from(struct proc *caller, const struct kcall_args *args)
{
	return safecopy(caller, args, false);
}

int do_safecopy_to(struct proc *caller, const struct kcall_args *args)
{
	return safecopy(caller, args, true);
}
