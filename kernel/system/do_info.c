/* KC_INFO(what, arg, addr): uptime, clock rate, own endpoint, a process table row, a label's endpoint. */
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
		row.waiting_for = p->block & BLOCK_SENDING ? p->send_to
				: p->block & BLOCK_RECEIVING ? p->recv_from : NONE;
		row.priv_id = p->priv ? (uint32_t)p->priv->id : 0;
		strlcpy(row.name, p->name, sizeof(row.name));
		strlcpy(row.label, p->priv ? p->priv->label : "", sizeof(row.label));
	}
	return copy_to_user(caller, addr, &row, sizeof(row));
}

static int find_label(struct proc *caller, vir_addr_t addr)
{
	char label[LABEL_MAX];
	if (copy_from_user(caller, label, addr, sizeof(label)) < 0)
		return -EFAULT;
	label[sizeof(label) - 1] = '\0';
	if (!label[0])
		return -EINVAL;
	for (int slot = 0; slot < NR_PROCS; slot++) {
		const struct proc *p = proc_slot(slot);
		if (proc_is_live(p) && strcmp(p->priv->label, label) == 0)
			return p->endpoint;
	}
	return -ESRCH;
}

int do_info(struct proc *caller, const struct kcall_args *args)
{
	switch (args->a[0]) {
	case KINFO_UPTIME: return (int)clock_ticks;
	case KINFO_HZ: return CONFIG_HZ;
	case KINFO_SELF: return caller->endpoint;
	case KINFO_FREE_PAGES: return (int)memory_free_pages();
	case KINFO_PROC: return info_proc(caller, args->a[1], args->a[2]);
	case KINFO_FIND_LABEL: return find_label(caller, args->a[2]);
	default: return -EINVAL;
	}
}
