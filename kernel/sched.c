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
const struct priv *sched_io_loaded;   /* whose ports the running process may use (NULL: none) */
/* The TSS bitmap keeps the port ranges of the last process with any, in
 * bitmap_opens; bitmap_holder is that process's record while the record
 * still has those ranges (NULL once they change). */
const struct priv *sched_io_bitmap_holder;
static struct priv_io_range bitmap_opens[PRIV_MAX_IO_RANGES];

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

/*
 * A switch between a server with ports (PM, for the CMOS clock) and a
 * client without any costs one store: the bitmap is switched off for the
 * client and on again for the server (see sched_switch_to). The bitmap
 * itself is rewritten only here, for a process with other ranges.
 */
void sched_io_bitmap_load(const struct priv *next)
{
	for (int i = 0; i < PRIV_MAX_IO_RANGES; i++)
		arch_io_permit(bitmap_opens[i].base, bitmap_opens[i].count, false);
	memcpy(bitmap_opens, next->io, sizeof(bitmap_opens));
	for (int i = 0; i < PRIV_MAX_IO_RANGES; i++)
		arch_io_permit(bitmap_opens[i].base, bitmap_opens[i].count, true);
	sched_io_bitmap_holder = next;
}

void sched_io_ranges_changed(const struct priv *p)
{
	if (p == sched_io_bitmap_holder)
		sched_io_bitmap_holder = NULL;
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
