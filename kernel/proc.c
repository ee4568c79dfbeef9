/*
 * Process lifecycle: slots and endpoints, exit and teardown, faults, and the
 * reports a process's manager receives about them.
 */
#include "kernel.h"
#include "priv.h"

struct proc proc_table[NR_PROCS];

int proc_lookup_checked(endpoint_t ep, struct proc *caller, struct proc **out)
{
	if (ep == SELF) {
		*out = caller;
		return 0;
	}
	if (!endpoint_is_process(ep) || endpoint_slot(ep) >= NR_PROCS)
		return -EBADEPT;
	*out = proc_lookup(ep);
	return *out ? 0 : -EDEADSRCDST;
}

/* A fresh slot, stopped, with a new endpoint; NULL if the table is full. */
struct proc *proc_alloc(const char *name)
{
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *p = proc_slot(slot);
		if (!(p->block & BLOCK_FREE))
			continue;
		int generation = endpoint_next_generation(p->generation);
		memset(p, 0, sizeof(*p));
		p->generation = generation;
		p->endpoint = endpoint_make(slot, generation);
		p->block = BLOCK_STOPPED;
		p->manager = NONE;
		p->send_to = p->recv_from = NONE;
		strlcpy(p->name, name, sizeof(p->name));
		return p;
	}
	return NULL;
}

static void free_slot(struct proc *p)
{
	p->block = BLOCK_FREE;
	p->endpoint = NONE;
}

/* Everything but the slot itself: queues, waiters, memory, privileges. */
static void proc_teardown(struct proc *p)
{
	if (p->block == 0)
		sched_dequeue(p);
	p->block |= BLOCK_ZOMBIE;
	ipc_wake_all_waiting_on(p);
	irq_release_all(p);
	if (p->pagedir) {
		if (current_proc() == p)
			sched_switch_to_none();
		arch_pagedir_destroy(p->pagedir, true);
		p->pagedir = NULL;
	}
	priv_release(p->priv);
	p->alarm_tick = 0;
	int heir = keep_release(p);
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *q = proc_slot(slot);
		if (q->manager != p->endpoint || (q->block & BLOCK_FREE))
			continue;
		q->manager = NONE;
		q->heir = heir;
		if (heir)
			continue;  /* its report, if any, waits for p's next instance */
		if (q->block & BLOCK_ZOMBIE)
			free_slot(q);
		else if (q->report_kind == KREPORT_FAULT)
			proc_destroy(q);  /* stopped, and nobody left to decide */
	}
}

/* Ends p at once, with no report: its manager asked for it. */
void proc_destroy(struct proc *p)
{
	proc_teardown(p);
	free_slot(p);
}

/* Whether the kernel itself starts p again when it dies (RS: nobody else can). */
static bool kernel_restarts(const struct proc *p)
{
	unsigned index;
	const struct boot_entry *e = p->boot_module ? boot_entry_find(p->name, &index) : NULL;
	return e && e->kernel_restarts;
}

static void report_to_manager(struct proc *p, uint32_t kind)
{
	p->report_kind = kind;
	struct proc *manager = proc_lookup(p->manager);
	if (!manager && p->heir)
		return;    /* the manager's next instance takes the report (keep.c) */
	if (!manager) {
		int again = kernel_restarts(p) ? p->boot_module : 0;
		if (kind == KREPORT_EXIT)
			free_slot(p);
		else
			proc_destroy(p);
		if (again)
			boot_respawn_rs((unsigned)again - 1);
		return;
	}
	manager->report_pending = true;
	ipc_kick(manager);
}

void proc_exit(struct proc *p, int32_t status)
{
	proc_teardown(p);
	p->exit_status = status;
	report_to_manager(p, KREPORT_EXIT);
}

void proc_fault(struct proc *p, uint32_t vector, uint32_t error, uint32_t address)
{
	kprintf("kernel: %s (endpoint %d) %s: %s at %08x, eip %08x\n", p->name, p->endpoint,
		proc_lookup(p->manager) || p->heir ? "stopped" : "killed", arch_exception_name(vector),
		address, p->frame.eip);
	p->fault_vector = vector;
	p->fault_error = error;
	p->fault_address = address;
	p->fault_eip = p->frame.eip;
	proc_set_runnable_flags(p, BLOCK_STOPPED, 0);
	report_to_manager(p, KREPORT_FAULT);
}

/* Fills m with the next report owed to manager; false if there is none. */
bool proc_take_report(struct proc *manager, message *m)
{
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *q = proc_slot(slot);
		if (q->manager != manager->endpoint || q->report_kind == REPORT_NONE ||
		    (q->block & BLOCK_FREE))
			continue;
		memset(m, 0, sizeof(*m));
		m->source = KERNEL;
		m->type = KREPORT_MESSAGE;
		m->kreport.who = q->endpoint;
		m->kreport.kind = q->report_kind;
		m->kreport.vector = q->fault_vector;
		m->kreport.error_code = q->fault_error;
		m->kreport.address = q->fault_address;
		m->kreport.eip = q->fault_eip;
		m->kreport.status = q->exit_status;
		strlcpy(m->kreport.name, q->name, sizeof(m->kreport.name));
		q->report_kind = REPORT_NONE;
		if (q->block & BLOCK_ZOMBIE)
			free_slot(q);
		return true;
	}
	manager->report_pending = false;
	return false;
}
