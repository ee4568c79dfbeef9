/*
 * Time for programs: the wall clock (the CMOS clock read once at start, plus
 * the kernel's ticks since), sleeping (a deferred reply, woken by PM's own
 * alarm for the earliest sleeper), the system's name, process times.
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

int do_time(message *m)
{
	uint32_t ticks = (uint32_t)sys_uptime();
	m->pm.addr = boot_seconds + (ticks - boot_ticks) / hz;
	m->pm.len = ticks;
	return 0;
}

/* Sets PM's alarm for the earliest sleeper (or cancels it). */
void time_arm(void)
{
	uint32_t now = (uint32_t)sys_uptime(), first = 0;
	for (int i = 0; i < PM_PROCS; i++) {
		uint32_t t = mproc[i].state == MP_ALIVE ? mproc[i].wake_tick : 0;
		if (mproc[i].state == MP_ALIVE && (mproc[i].pending & ~mproc[i].blocked))
			t = now + 1;  /* retry a signal its process was too busy to take */
		if (t && (!first || t < first))
			first = t;
	}
	sys_alarm(first ? (first > now ? first - now : 1) : 0);
}

int do_sleep(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	if (m->pm.len == 0)
		return 0;
	p->wake_tick = (uint32_t)sys_uptime() + m->pm.len;
	time_arm();
	return -EDONTREPLY;
}

/* PM's alarm went off: answer every sleeper whose time has come. */
void time_alarm(void)
{
	uint32_t now = (uint32_t)sys_uptime();
	for (int i = 0; i < PM_PROCS; i++) {
		struct mproc *p = &mproc[i];
		if (p->state != MP_ALIVE || !p->wake_tick || p->wake_tick > now)
			continue;
		p->wake_tick = 0;
		message reply = { 0 };
		service_reply(p->endpoint, &reply, 0);
	}
	for (int i = 0; i < PM_PROCS; i++) {  /* signals that found their process busy */
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
