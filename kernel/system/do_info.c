/* KC_INFO(what, arg, addr): uptime, clock rate, own endpoint, a process table row. */
#include "system.h"
#include "../priv.h"

static int info_proc(struct proc *caller, uint32_t slot, vir_addr_t addr)
{
	if (slot >= NR_PROCS)
		return -EINVAL;
	const struct proc *p = proc_slot((int)slot);
	struct kinfo_proc row = { .endpoint = NONE };
	if (!(p->block & BLOCK_FREE)) {
		row.endpoint = p->endpoint;
		row.manager = p->manager;
		row.flags = p->block;
		row.priority = p->priority;
		row.user_ticks = p->user_ticks;
		row.sys_ticks = p->sys_ticks;
		row.priv_id = p->priv ? (uint32_t)p->priv->id : 0;
		strlcpy(row.name, p->name, sizeof(row.name));
	}
	return copy_to_user(caller, addr, &row, sizeof(row));
}

int do_info(struct proc *caller, const struct kcall_args *args)
{
	switch (args->a[0]) {
	case KINFO_UPTIME: return (int)clock_ticks;
	case KINFO_HZ: return CONFIG_HZ;
	case KINFO_SELF: return caller->endpoint;
	case KINFO_FREE_PAGES: return (int)memory_free_pages();
	case KINFO_PROC: return info_proc(caller, args->a[1], args->a[2]);
	default: return -EINVAL;
	}
}
