/* Scheduling, the clock, alarms and IRQ delivery. */
#include "ktest.h"

#define MSG_COUNT 400
#define SPIN_TICKS 30

/* Counts loop iterations until the common deadline, then reports the count. */
static int spin_until(uint32_t deadline)
{
	uint32_t count = 0;
	while ((uint32_t)sys_uptime() < deadline)
		count++;
	message m = { .type = MSG_COUNT };
	m.words.w[0] = count;
	ipc_send(self_ep, &m);
	return 0;
}

static void cpu_bound_processes_share_the_cpu(void)
{
	uint32_t deadline = (uint32_t)sys_uptime() + SPIN_TICKS;
	endpoint_t a = spawn(spin_until, deadline), b = spawn(spin_until, deadline);
	message m;
	uint32_t counts[2] = { 0, 0 };
	endpoint_t spinners[2] = { a, b };
	for (int i = 0; i < 2; i++) {
		if (ipc_receive(spinners[i], &m) == 0 && m.type == MSG_COUNT)
			counts[i] = m.words.w[0];
	}
	uint32_t total = counts[0] + counts[1];
	check(counts[0] > total / 4 && counts[1] > total / 4,
	      "two CPU-bound processes at one priority both make progress",
	      "counts %u and %u", counts[0], counts[1]);
	wait_report(a, NULL);
	wait_report(b, NULL);
}

static void alarm_arrives_from_clock(void)
{
	uint32_t start = (uint32_t)sys_uptime();
	sys_alarm(5);
	message m;
	int r = ipc_receive(CLOCK, &m);
	uint32_t waited = (uint32_t)sys_uptime() - start;
	check(r == 0 && m.type == NOTIFY_MESSAGE && m.source == CLOCK && waited >= 5,
	      "an alarm arrives as a notification from CLOCK after the ticks asked for",
	      "r=%d source=%d waited=%u", r, m.source, waited);
}

static void timer_irq_becomes_notify(void)
{
	int r = sys_irqctl(IRQCTL_SUBSCRIBE, 0);
	message m;
	uint32_t stamps[3] = { 0 };
	bool all = r == 0;
	for (int i = 0; i < 3 && all; i++) {
		all = ipc_receive(HARDWARE, &m) == 0 && m.type == NOTIFY_MESSAGE && (m.notify.irqs & 1);
		stamps[i] = m.notify.timestamp;
		sys_irqctl(IRQCTL_ENABLE, 0);
	}
	sys_irqctl(IRQCTL_RELEASE, 0);
	check(all && stamps[1] > stamps[0] && stamps[2] > stamps[1],
	      "the timer IRQ is delivered as a HARDWARE notification, again after each re-enable",
	      "subscribe=%d stamps %u %u %u", r, stamps[0], stamps[1], stamps[2]);
	CHECK_EQ(sys_irqctl(IRQCTL_SUBSCRIBE, 5), -EPERM, "an IRQ line outside the privileges is refused");
}

void sched_tests(void)
{
	cpu_bound_processes_share_the_cpu();
	alarm_arrives_from_clock();
	timer_irq_becomes_notify();
}
