/* The clock: ticks, quantum accounting, and alarms delivered as CLOCK notifications. */
#include "kernel.h"

volatile uint32_t clock_ticks;
static uint32_t next_alarm;  /* earliest pending alarm tick, 0 = none */

void clock_tick(void)
{
	clock_ticks++;
	sched_tick();
	if (!next_alarm || clock_ticks < next_alarm)
		return;
	next_alarm = 0;
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *p = proc_slot(slot);
		if (!p->alarm_tick || !proc_is_live(p))
			continue;
		if (p->alarm_tick <= clock_ticks) {
			p->alarm_tick = 0;
			p->clock_pending = true;
			ipc_notify_kernel(p);
		} else if (!next_alarm || p->alarm_tick < next_alarm) {
			next_alarm = p->alarm_tick;
		}
	}
}

/* Arms (or with ticks == 0, cancels) p's alarm. */
void clock_set_alarm(struct proc *p, uint32_t ticks)
{
	p->alarm_tick = ticks ? clock_ticks + ticks : 0;
	if (ticks && (!next_alarm || p->alarm_tick < next_alarm))
		next_alarm = p->alarm_tick;
}
