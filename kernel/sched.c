/*
 * Scheduling: one FIFO per priority (runqueue.h); the highest non-empty
 * queue runs, round-robin within it, preempted when its quantum runs out.
 * The running process stays at the head of its queue while it runs.
 */
#include "kernel.h"
#include "priv.h"

static struct runqueue ready;
static struct proc *current;
static const struct priv *io_loaded;   /* whose port ranges the TSS bitmap opens */

#define proc_of(link) ((struct proc *)((char *)(link) - offsetof(struct proc, rq)))

struct proc *current_proc(void)
{
	return current;
}

void sched_enqueue(struct proc *p)
{
	rq_push_back(&ready, &p->rq, p->priority);
}

void sched_dequeue(struct proc *p)
{
	rq_remove(&ready, &p->rq, p->priority);
}

/* Called on every clock tick: charge the running process, rotate on expiry. */
void sched_tick(void)
{
	struct proc *p = current;
	if (!p || p->block)
		return;
	p->user_ticks++;
	if (--p->ticks_left == 0) {
		p->ticks_left = p->quantum_ticks;
		sched_dequeue(p);
		sched_enqueue(p);
	}
}

static void switch_io_permissions(const struct priv *next)
{
	if (io_loaded == next)
		return;
	for (int i = 0; io_loaded && i < PRIV_MAX_IO_RANGES; i++)
		arch_io_permit(io_loaded->io[i].base, io_loaded->io[i].count, false);
	for (int i = 0; next && i < PRIV_MAX_IO_RANGES; i++)
		arch_io_permit(next->io[i].base, next->io[i].count, true);
	io_loaded = next;
}

/* Makes p the running process (NULL: none, kernel address space only). */
void sched_switch_to(struct proc *p)
{
	current = p;
	if (!p) {
		arch_load_kernel_space();
		return;
	}
	arch_set_kernel_entry(&p->frame + 1);
	arch_load_address_space(p->pagedir);
	const struct priv *io = p->priv->io[0].count ? p->priv : NULL;
	if (io != io_loaded)
		switch_io_permissions(io);
}

void schedule_and_return(void)
{
	struct rq_link *next = rq_first(&ready);
	while (!next) {
		if (current)
			sched_switch_to(NULL);
		arch_idle();
		next = rq_first(&ready);
	}
	struct proc *p = proc_of(next);
	if (p != current)
		sched_switch_to(p);
	arch_return_to_user(&p->frame);
}
