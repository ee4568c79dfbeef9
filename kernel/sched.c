/*
 * Scheduling: one FIFO per priority (runqueue.h); the highest non-empty
 * queue runs, round-robin within it, preempted when its quantum runs out.
 * The running process stays at the head of its queue while it runs.
 */
#include "kernel.h"
#include "priv.h"

struct runqueue sched_ready;
#define proc_of(link) ((struct proc *)((char *)(link) - offsetof(struct proc, rq)))
struct proc *sched_current;
const struct priv *sched_io_loaded;   /* whose port ranges the TSS bitmap opens */


/* Called on every clock tick: charge the running process, rotate on expiry. */
void sched_tick(void)
{
	struct proc *p = sched_current;
	if (!p || p->block)
		return;
	p->user_ticks++;
	if (--p->ticks_left == 0) {
		p->ticks_left = p->quantum_ticks;
		sched_dequeue(p);
		sched_enqueue(p);
	}
}

/* Opens next's port ranges in the TSS bitmap and closes the previous ones. */
void sched_switch_io_permissions(const struct priv *next)
{
	if (sched_io_loaded == next)
		return;
	for (int i = 0; sched_io_loaded && i < PRIV_MAX_IO_RANGES; i++)
		arch_io_permit(sched_io_loaded->io[i].base, sched_io_loaded->io[i].count, false);
	for (int i = 0; next && i < PRIV_MAX_IO_RANGES; i++)
		arch_io_permit(next->io[i].base, next->io[i].count, true);
	sched_io_loaded = next;
}

void sched_switch_to_none(void)
{
	sched_current = NULL;
	arch_load_kernel_space();
}

void schedule_and_return(void)
{
	struct rq_link *next = rq_first(&sched_ready);
	while (!next) {
		if (sched_current)
			sched_switch_to_none();
		arch_idle();
		next = rq_first(&sched_ready);
	}
	struct proc *p = proc_of(next);
	if (p != sched_current)
		sched_switch_to(p);
	arch_return_to_user(&p->frame);
}
