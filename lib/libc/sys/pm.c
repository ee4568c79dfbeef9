/*
 * The process system calls, as requests to PM: fork, _exit, waitpid,
 * getpid, getppid, kill, setpgid, setsid, getuid/getgid, the heap break,
 * time, sleep and alarm, and starting a program from the boot image.
 */
#include <libsys.h>
#include "server.h"
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <libc_private.h>
#include <signal.h>
#include <time.h>
#include <sys/utsname.h>
#include <procinfo.h>

/* Sends m to PM; returns the reply's status, or -1 with errno set. */
static int pm_call(int type, message *m)
{
	return __libc_call(&__libc_pm, type, m);
}

/* Numbers fork, waitpid and sleep so that PM knows one sent again after it
 * restarted (msg_pm.seq); a child starts from its parent's count. */
static uint32_t next_seq(void)
{
	static uint32_t seq;
	seq = seq == 0xffffffffu ? 1 : seq + 1;   /* 0 means "no number" */
	return seq;
}

pid_t fork(void)
{
	message m = { 0 };
	m.pm.seq = next_seq();
	return pm_call(PM_FORK, &m);
}

void _exit(int status)
{
	message m = { 0 };
	m.pm.status = status;
	pm_call(PM_EXIT, &m);
	sys_exit(status);            /* only if PM could not be reached */
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	message m = { 0 };
	m.pm.pid = pid;
	m.pm.options = options;
	m.pm.seq = next_seq();
	int r = pm_call(PM_WAITPID, &m);
	if (r > 0 && status)
		*status = m.pm.status;
	return r;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

pid_t getpid(void)
{
	message m = { 0 };
	return pm_call(PM_GETPID, &m);
}

pid_t getppid(void)
{
	message m = { 0 };
	return pm_call(PM_GETPID, &m) < 0 ? -1 : m.pm.ppid;
}

pid_t getpgrp(void)
{
	message m = { 0 };
	return pm_call(PM_GETPID, &m) < 0 ? -1 : m.pm.pgrp;
}

int kill(pid_t pid, int sig)
{
	message m = { 0 };
	m.pm.pid = pid;
	m.pm.sig = sig;
	return pm_call(PM_KILL, &m);
}

int setpgid(pid_t pid, pid_t pgrp)
{
	message m = { 0 };
	m.pm.pid = pid;
	m.pm.pgrp = pgrp;
	return pm_call(PM_SETPGID, &m);
}

pid_t setsid(void)
{
	message m = { 0 };
	return pm_call(PM_SETSID, &m);
}

uid_t getuid(void)
{
	message m = { 0 };
	return (uid_t)pm_call(PM_GETUID, &m);
}

gid_t getgid(void)
{
	message m = { 0 };
	return pm_call(PM_GETUID, &m) < 0 ? (gid_t)-1 : (gid_t)m.pm.gid;
}

static int set_ids(uint32_t which, uid_t uid, gid_t gid)
{
	message m = { 0 };
	m.pm.options = (int32_t)which;
	m.pm.uid = (uint16_t)uid;
	m.pm.gid = (uint16_t)gid;
	return pm_call(PM_SETUID, &m) < 0 ? -1 : 0;
}

int setuid(uid_t uid) { return set_ids(PM_SET_UID, uid, 0); }
int setgid(gid_t gid) { return set_ids(PM_SET_GID, 0, gid); }

uid_t geteuid(void) { return getuid(); }
gid_t getegid(void) { return getgid(); }

/* The heap for malloc: PM moves the break; (void *)-1 on failure. */
void *__libc_sbrk(intptr_t increment)
{
	message m = { 0 };
	int now = pm_call(PM_BRK, &m);
	if (now < 0)
		return (void *)-1;
	if (increment == 0)
		return (void *)now;
	m = (message){ 0 };
	m.pm.addr = (uint32_t)now + (uint32_t)increment;
	if (pm_call(PM_BRK, &m) < 0)
		return (void *)-1;
	return (void *)now;
}


time_t time(time_t *out)
{
	message m = { 0 };
	if (pm_call(PM_TIME, &m) < 0)
		return (time_t)-1;
	if (out)
		*out = m.pm.addr;
	return m.pm.addr;
}

/* Sleeps for at least ticks clock ticks; if a signal's handler ends the
 * sleep early, fails with EINTR and puts the ticks not slept in *left. */
static int sleep_ticks(uint32_t ticks, uint32_t *left)
{
	message m = { 0 };
	m.pm.len = ticks;
	m.pm.seq = next_seq();
	int r = pm_call(PM_SLEEP, &m);
	*left = r < 0 && errno == EINTR ? m.pm.len : 0;
	return r;
}

static uint32_t ticks_per_second(void)
{
	static uint32_t hz;
	if (!hz)
		hz = (uint32_t)sys_info(KINFO_HZ, 0, NULL);
	return hz;
}

int clock_gettime(clockid_t clock, struct timespec *now)
{
	message m = { 0 };
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
		errno = EINVAL;
		return -1;
	}
	if (pm_call(PM_TIME, &m) < 0)
		return -1;
	uint32_t hz = ticks_per_second();
	if (clock == CLOCK_REALTIME) {
		now->tv_sec = m.pm.addr;
		now->tv_nsec = 0;
	} else {
		now->tv_sec = m.pm.len / hz;
		now->tv_nsec = (long)(m.pm.len % hz * (1000000000u / hz));
	}
	return 0;
}

unsigned sleep(unsigned seconds)
{
	uint32_t hz = ticks_per_second(), left;
	if (sleep_ticks(seconds * hz, &left) == 0)
		return 0;
	return errno == EINTR ? (left + hz - 1) / hz : seconds;
}

int nanosleep(const struct timespec *want, struct timespec *left)
{
	if (want->tv_nsec < 0 || want->tv_nsec >= 1000000000L || want->tv_sec < 0) {
		errno = EINVAL;
		return -1;
	}
	uint32_t hz = ticks_per_second(), ticks_left;
	uint32_t ticks = (uint32_t)want->tv_sec * hz + (uint32_t)((want->tv_nsec / 1000) * hz / 1000000);
	int r = sleep_ticks(ticks ? ticks : 1, &ticks_left);
	if (left) {
		uint32_t nanoseconds = (ticks_left % hz) * (1000000000u / hz);  /* below 10^9 */
		left->tv_sec = ticks_left / hz;
		left->tv_nsec = (long)nanoseconds;
	}
	return r < 0 ? -1 : 0;
}

/* One alarm per process, kept by PM: SIGALRM after seconds (0 cancels). */
unsigned alarm(unsigned seconds)
{
	message m = { 0 };
	m.pm.len = seconds;
	return pm_call(PM_ALARM, &m) < 0 ? 0 : m.pm.len;
}

int usleep(unsigned microseconds)
{
	struct timespec t = { microseconds / 1000000, (long)(microseconds % 1000000) * 1000 };
	return nanosleep(&t, NULL);
}

int uname(struct utsname *u)
{
	message m = { 0 };
	const struct __libc_lend lend = { u, sizeof(*u), GRANT_WRITE, &m.pm.grant };
	return __libc_call_lending(&__libc_pm, PM_UNAME, &m, &lend, 1) < 0 ? -1 : 0;
}

int reboot(int how)
{
	message m = { 0 };
	m.pm.options = how;
	return pm_call(PM_REBOOT, &m) < 0 ? -1 : 0;
}

/* One row of PM's process list (Samsara's own call, for ps): index 0, 1, ... */
int procinfo(int index, struct procinfo *out)
{
	message m = { 0 };
	m.pm.pid = index;
	if (pm_call(PM_PROCINFO, &m) < 0)
		return -1;
	out->pid = m.pm.pid;
	out->ppid = m.pm.ppid;
	out->pgrp = m.pm.pgrp;
	out->uid = m.pm.uid;
	out->state = (char)m.pm.state;
	memcpy(out->name, m.pm.name, sizeof(out->name));
	out->name[sizeof(out->name) - 1] = '\0';
	return 0;
}
