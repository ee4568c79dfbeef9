/*
 * KC_GRANT(grantee, addr, len, access) and KC_REVOKE(id): publish and
 * withdraw a window of the caller's memory for another process's safecopy.
 * A grant id carries the slot's generation, so a revoked id stays dead even
 * after its slot is reused.
 */
#include "system.h"

#define GRANT_INDEX_BITS 8
_Static_assert(CONFIG_NR_GRANTS <= (1 << GRANT_INDEX_BITS), "grant ids hold the index in 8 bits");

int do_grant(struct proc *caller, const struct kcall_args *args)
{
	endpoint_t grantee = (endpoint_t)args->a[0];
	vir_addr_t addr = args->a[1];
	uint32_t len = args->a[2], access = args->a[3];
	if (grantee != ANY && !endpoint_is_process(grantee))
		return -EBADEPT;
	if (!access || (access & ~(GRANT_READ | GRANT_WRITE)))
		return -EINVAL;
	if (!len || addr < USER_BASE || addr >= USER_TOP || len > USER_TOP - addr)
		return -EFAULT;
	for (int i = 0; i < CONFIG_NR_GRANTS; i++) {
		struct grant *g = &caller->grants[i];
		if (g->access)
			continue;
		g->grantee = grantee;
		g->base = addr;
		g->len = len;
		g->access = (uint16_t)access;
		if (!g->generation)
			g->generation = 1;
		return (g->generation << GRANT_INDEX_BITS) | i;
	}
	return -ENOSPC;
}

/* The live grant named by id in owner's table, or NULL. */
struct grant *grant_lookup(struct proc *owner, grant_id_t id)
{
	uint32_t index = (uint32_t)id & ((1u << GRANT_INDEX_BITS) - 1);
	if (id <= 0 || index >= CONFIG_NR_GRANTS)
		return NULL;
	struct grant *g = &owner->grants[index];
	if (!g->access || g->generation != ((uint32_t)id >> GRANT_INDEX_BITS))
		return NULL;
	return g;
}

int do_revoke(struct proc *caller, const struct kcall_args *args)
{
	struct grant *g = grant_lookup(caller, (grant_id_t)args->a[0]);
	if (!g)
		return -EBADGRANT;
	g->access = 0;
	g->generation = (uint16_t)(g->generation + 1 ? g->generation + 1 : 1);
	return 0;
}
