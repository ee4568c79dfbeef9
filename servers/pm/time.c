/*
 * Time for programs: the wall clock (the CMOS clock read once at start, plus
 * the kernel's ticks since), sleeping (a deferred reply) and alarm (SIGALRM),
 * all woken by PM's one kernel alarm, set for the earliest event of any
 * process; the system's name, process times.
 */
#include <string.h>
#include <ds.h>
#include "pm.h"

static uint32_t boot_seconds, boot_ticks, hz;

void time_init(void)
{
	hz = (uint32_t)sys_info(KINFO_HZ, 0, NULL);
	boot_ticks = (uint32_t)sys_uptime();
	boot_seconds = cmos_time();
}

void time_base(uint32_t *seconds, uint32_t *ticks)
{
	*seconds = boot_seconds;
	*ticks = boot_ticks;
}

void time_set_base(uint32_t seconds, uint32_t ticks)
{
	if (seconds == 0)
		return;   /* never saved: keep the CMOS reading */
	boot_seconds = seconds;
	boot_ticks = ticks;
}

int do_time(message *m)
{
	uint32_t ticks = (uint32_t)sys_uptime();
	m->pm.addr = boot_seconds + (ticks - boot_ticks) / hz;
	m->pm.len = ticks;
	return 0;
}

/* The earliest tick at which p needs PM: its sleep ends, its alarm rings,
 * or (next tick) a signal it was too busy to take is tried again; 0 if none. */
static uint32_t next_event(const struct mproc *p, uint32_t now)
{
	if (p->state != MP_ALIVE)
		return 0;
	uint32_t first = 0;
	uint32_t events[] = { p->wake_tick, p->alarm_tick, (p->pending & ~p->blocked) ? now + 1 : 0 };
	for (size_t i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		if (events[i] && (!first || events[i] < first))
			first = events[i];
	}
	return first;
}

/* Sets PM's alarm for the earliest event of any process (or cancels it). */
void time_arm(void)
{
	uint32_t now = (uint32_t)sys_uptime(), first = 0;
	for (int i = 0; i < PM_PROCS; i++) {
		uint32_t t = next_event(&mproc[i], now);
		if (t && (!first || t < first))
			first = t;
	}
	sys_alarm(first ? (first > now ? first - now : 1) : 0);
}

uint32_t time_ticks_left(uint32_t tick)
{
	uint32_t now = (uint32_t)sys_uptime();
	return tick > now ? tick - now : 0;
}

int do_sleep(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	if (m->pm.len == 0)
		return 0;
	uint32_t now = (uint32_t)sys_uptime();
	if (!m->pm.seq || m->pm.seq != p->sleep_seq) {  /* else: sent again after a restart */
		p->sleep_seq = m->pm.seq;
		p->sleep_until = now + m->pm.len;
	}
	mirror_mark(p);
	if (p->sleep_until <= now)
		return 0;
	p->wake_tick = p->sleep_until;
	time_arm();
	return -EDONTREPLY;
}

/* Alarms further away than this are shortened to it, so that tick sums cannot wrap. */
#define ALARM_MAX_SECONDS 1000000u

/* One alarm per process: a new one replaces the old, whose time left is the answer. */
int do_alarm(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	uint32_t seconds = m->pm.len < ALARM_MAX_SECONDS ? m->pm.len : ALARM_MAX_SECONDS;
	uint32_t left = p->alarm_tick ? time_ticks_left(p->alarm_tick) : 0;
	uint32_t left_seconds = (left + hz - 1) / hz;
	if (p->alarm_tick && left_seconds == 0)
		left_seconds = 1;  /* it is due but has not rung yet: never say "none" */
	p->alarm_tick = seconds ? (uint32_t)sys_uptime() + seconds * hz : 0;
	mirror_mark(p);
	time_arm();
	m->pm.len = left_seconds;
	return (int)left_seconds;
}

/* PM's alarm went off: answer every sleeper whose time has come, ring the
 * alarms that are due, retry signals that found their process busy. */
void time_alarm(void)
{
	uint32_t now = (uint32_t)sys_uptime();
	for (int i = 0; i < PM_PROCS; i++) {
		struct mproc *p = &mproc[i];
		if (p->state != MP_ALIVE || !p->wake_tick || p->wake_tick > now)
			continue;
		p->wake_tick = 0;
		mirror_mark(p);
		message reply = { 0 };
		pm_reply(p->endpoint, &reply, 0);
	}
	for (int i = 0; i < PM_PROCS; i++) {
		struct mproc *p = &mproc[i];
		if (p->state == MP_ALIVE && p->alarm_tick && p->alarm_tick <= now) {
			p->alarm_tick = 0;
			mirror_mark(p);
			signal_send(p, SIGALRM);
		}
	}
	for (int i = 0; i < PM_PROCS; i++) {
		if (mproc[i].state == MP_ALIVE && (mproc[i].pending & ~mproc[i].blocked))
			signal_deliver_pending(&mproc[i]);
	}
	time_arm();
}

int do_uname(message *m)
{
	struct utsname u;
	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Samsara", sizeof(u.sysname));
	strlcpy(u.nodename, "samsara", sizeof(u.nodename));
	strlcpy(u.release, "0.1", sizeof(u.release));
	strlcpy(u.version, "a self-healing microkernel", sizeof(u.version));
	strlcpy(u.machine, "i686", sizeof(u.machine));
	return sys_safecopy_to(m->source, m->pm.grant, 0, &u, sizeof(u));
}

int do_times(message *m)
{
	struct kinfo_proc row;
	if (sys_proc_info((uint32_t)endpoint_slot(m->source), &row) < 0 || row.endpoint != m->source)
		return -ESRCH;
	m->pm.addr = row.user_ticks;
	m->pm.len = row.sys_ticks;
	return 0;
}

/* Power off, reboot or halt: the file systems are flushed and unmounted first. */
int do_reboot(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	int how = m->pm.options;
	if (!p)
		return -ESRCH;
	if (p->uid != 0)
		return -EPERM;
	if (how != SHUTDOWN_POWEROFF && how != SHUTDOWN_REBOOT && how != SHUTDOWN_HALT)
		return -EINVAL;
	endpoint_t vfs = ds_lookup("vfs");
	if (vfs != NONE) {
		message down = { .type = VFS_PM_SHUTDOWN };  /* flushed and unmounted */
		ipc_sendrec(vfs, &down);
	}
	service_log("%s", how == SHUTDOWN_REBOOT ? "rebooting" : how == SHUTDOWN_HALT ? "halting" : "powering off");
	return sys_shutdown((uint32_t)how, 0);
}
