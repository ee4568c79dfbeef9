/*
 * pmtest: proves the process manager from a program's side, running as init
 * would (pid 1, managed by PM): fork, exit and wait statuses, faults becoming
 * signals, kill, exec from the boot image, the heap, orphans, signal
 * handlers, alarm and SIGCHLD, bad requests.
 */
#include <libsys.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/utsname.h>
#include <time.h>
#include <signal.h>
#include "common/tap.h"

static void identity(void)
{
	CHECK_EQ(getpid(), 1, "the first program gets pid 1");
	CHECK_EQ(getppid(), 0, "pid 1 has no parent");
}

static void fork_and_wait(void)
{
	int me = getpid();
	pid_t child = fork();
	if (child == 0)
		_exit(getppid() == me ? 42 : 1);
	int status = -1;
	pid_t got = waitpid(child, &status, 0);
	check(child > 1 && got == child, "fork gives the parent the child's pid, and waitpid collects it",
	      "child=%d got=%d", child, got);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "the child sees its parent's pid and its exit status reaches the parent", "status=%x", status);
	CHECK_EQ(waitpid(-1, &status, 0), -1, "waitpid with no children fails");
	CHECK_EQ(errno, ECHILD, "... with ECHILD");
}

static void wait_variants(void)
{
	pid_t a = fork();
	if (a == 0) {
		for (;;)
			;
	}
	int status = 0;
	CHECK_EQ(waitpid(a, &status, WNOHANG), 0, "WNOHANG returns 0 while the child runs");
	CHECK_EQ(waitpid(a, &status, 77), -1, "waitpid refuses unknown options");
	kill(a, SIGKILL);
	CHECK_EQ(wait(&status), a, "wait collects any child");
	CHECK_EQ(WTERMSIG(status), SIGKILL, "... with its status");
}

static void faults_become_signals(void)
{
	pid_t child = fork();
	if (child == 0) {
		volatile int *p = NULL;
		_exit(*p);  // cppcheck-suppress nullPointer ; NOLINT: the fault is the point
	}
	int status = 0;
	waitpid(child, &status, 0);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "a NULL dereference ends the program with SIGSEGV",
	      "status=%x", status);
	child = fork();
	if (child == 0) {
		volatile int seven = 7, zero = 0;
		_exit(seven / zero);  // cppcheck-suppress zerodiv ; NOLINT: the fault is the point
	}
	waitpid(child, &status, 0);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGFPE, "a division by zero ends the program with SIGFPE",
	      "status=%x", status);
}

static void kill_ends_processes(void)
{
	pid_t child = fork();
	if (child == 0) {
		for (;;)
			;
	}
	CHECK_EQ(kill(child, 0), 0, "kill with signal 0 finds a live process");
	CHECK_EQ(kill(child, SIGTERM), 0, "kill sends SIGTERM");
	int status = 0;
	waitpid(child, &status, 0);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "the killed process ends with SIGTERM",
	      "status=%x", status);
	CHECK_EQ(kill(29999, SIGTERM), -1, "kill of a pid that does not exist fails");
	CHECK_EQ(errno, ESRCH, "... with ESRCH");
	CHECK_EQ(kill(child, 99), -1, "kill with an impossible signal fails");
}

static void exec_from_boot_image(void)
{
	pid_t child = fork();
	if (child == 0) {
		char *argv[] = { "pmchild", "from-pmtest", NULL };
		char *envp[] = { "SAMSARA=yes", NULL };
		execve_boot("pmchild", argv, envp);
		_exit(errno == 0 ? 98 : 99);
	}
	int status = 0;
	waitpid(child, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "exec runs a program from the boot image with its arguments and environment", "status=%x", status);
	char *argv[] = { "nothing", NULL };
	CHECK_EQ(execve_boot("no-such-program", argv, argv + 1), -1, "exec of a program that is not there fails");
	CHECK_EQ(errno, ENOENT, "... with ENOENT, and the caller goes on");
}

static void heap_grows_and_shrinks(void)
{
	size_t size = 3 * 1024 * 1024;
	unsigned char *block = malloc(size);
	bool ok = block != NULL;
	for (size_t i = 0; ok && i < size; i += 4096)
		block[i] = (unsigned char)i;
	for (size_t i = 0; ok && i < size; i += 4096)
		ok = block[i] == (unsigned char)i;
	check(ok, "malloc gets 3 MiB of usable memory from PM", "block=%p", (void *)block);
	free(block);
	pid_t child = fork();
	if (child == 0) {
		char *copy = malloc(64);  /* the heap was copied with the process */
		_exit(copy ? 0 : 1);
	}
	int status = 0;
	waitpid(child, &status, 0);
	CHECK_EQ(status, 0, "a forked child allocates from its own copy of the heap");
}

static void orphans_go_to_init(void)
{
	pid_t middle = fork();
	if (middle == 0) {
		pid_t grandchild = fork();
		if (grandchild == 0) {
			for (int tries = 0; tries < 1000 && getppid() != 1; tries++)
				;
			_exit(getppid() == 1 ? 5 : 6);
		}
		_exit(0);
	}
	int status = 0;
	waitpid(middle, &status, 0);
	pid_t got = wait(&status);
	check(got > 0 && WEXITSTATUS(status) == 5, "an orphan is adopted by init, which collects it",
	      "got=%d status=%x", got, status);
}

static void process_groups(void)
{
	CHECK_EQ(getpgrp(), 1, "init leads its own process group");
	CHECK_EQ(setsid(), -1, "a group leader cannot start a new session");
	pid_t child = fork();
	if (child == 0) {
		pid_t sid = setsid();
		_exit(sid == getpid() && getpgrp() == getpid() ? 0 : 1);
	}
	int status = -1;
	waitpid(child, &status, 0);
	CHECK_EQ(status, 0, "a child starts its own session and process group");
}

static void time_and_names(void)
{
	time_t now = time(NULL);
	check(now > 1600000000, "time() gives the wall clock from the CMOS clock", "now=%lld", now);
	uint32_t before = (uint32_t)sys_uptime();
	struct timespec t = { 0, 150 * 1000 * 1000 };
	int r = nanosleep(&t, NULL);
	uint32_t slept = (uint32_t)sys_uptime() - before;
	uint32_t hz = (uint32_t)sys_info(KINFO_HZ, 0, NULL);
	check(r == 0 && slept >= hz * 15 / 100, "nanosleep sleeps at least as long as asked",
	      "r=%d slept=%u ticks", r, slept);
	struct utsname u;
	check(uname(&u) == 0 && strcmp(u.sysname, "Samsara") == 0 && strcmp(u.machine, "i686") == 0,
	      "uname names the system", "sysname=%s", u.sysname);
}

static volatile int caught;

static void on_usr1(int sig)
{
	caught = sig;
}

/* Spins (with short sleeps) until a handler has run; false after about a second. */
static bool wait_for_handler(void)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	for (int i = 0; i < 100 && !caught; i++)
		nanosleep(&tick, NULL);
	return caught != 0;
}

static void signal_handlers(void)
{
	struct sigaction act = { .sa_handler = on_usr1 };
	CHECK_EQ(sigaction(SIGUSR1, &act, NULL), 0, "sigaction installs a handler");
	volatile uint32_t sum = 0;
	for (uint32_t i = 1; i <= 1000; i++)
		sum += i;
	caught = 0;
	kill(getpid(), SIGUSR1);
	bool ran = wait_for_handler();
	for (uint32_t i = 1001; i <= 2000; i++)
		sum += i;
	check(ran && caught == SIGUSR1 && sum == 2001000,
	      "a handler runs for a signal sent to itself, and the program goes on where it was",
	      "caught=%d sum=%u", caught, sum);

	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	caught = 0;
	kill(getpid(), SIGUSR1);
	struct timespec moment = { 0, 50 * 1000 * 1000 };
	nanosleep(&moment, NULL);
	int while_blocked = caught;
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	check(while_blocked == 0 && wait_for_handler(), "a blocked signal waits until it is unblocked",
	      "while blocked=%d after=%d", while_blocked, caught);

	pid_t child = fork();
	if (child == 0) {
		caught = 0;
		struct timespec nap = { 10, 0 };
		int r = nanosleep(&nap, NULL);
		_exit(r == -1 && errno == EINTR && caught == SIGUSR1 ? 0 : 1);
	}
	struct timespec settle = { 0, 100 * 1000 * 1000 };
	nanosleep(&settle, NULL);
	kill(child, SIGUSR1);
	int status = -1;
	waitpid(child, &status, 0);
	CHECK_EQ(status, 0, "a handler interrupts a sleep, which fails with EINTR");

	signal(SIGTERM, SIG_IGN);
	kill(getpid(), SIGTERM);
	CHECK_EQ(getpid(), 1, "an ignored SIGTERM leaves the process running");
	signal(SIGTERM, SIG_DFL);
}

static volatile int alarms, children_ended;

static void on_alarm(int sig)
{
	if (sig == SIGALRM)
		alarms++;
}

static void on_child(int sig)
{
	if (sig == SIGCHLD)
		children_ended++;
}

static void alarm_rings(void)
{
	signal(SIGALRM, on_alarm);
	alarms = 0;
	CHECK_EQ(alarm(5), 0, "alarm with none set returns 0");
	CHECK_EQ(alarm(1), 5, "a new alarm returns the seconds left of the old one");
	unsigned left = sleep(10);
	check(alarms == 1 && left >= 8 && left <= 10, "SIGALRM runs its handler and interrupts a sleep, which returns the seconds left",
	      "alarms=%d left=%u", alarms, left);
	alarm(1);
	int r = pause();
	check(r == -1 && errno == EINTR && alarms == 2, "pause returns with EINTR after the alarm's handler ran",
	      "r=%d errno=%d alarms=%d", r, errno, alarms);
	alarm(1);
	CHECK_EQ(alarm(0), 1, "alarm(0) returns what was left, rounded up");
	struct timespec nap = { 1, 300 * 1000 * 1000 };
	check(nanosleep(&nap, NULL) == 0 && alarms == 2, "alarm(0) cancels the alarm", "alarms=%d", alarms);
	signal(SIGALRM, SIG_DFL);
	pid_t child = fork();
	if (child == 0) {
		alarm(1);
		for (;;)
			pause();
	}
	int status = 0;
	waitpid(child, &status, 0);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM, "an alarm without a handler ends the process with SIGALRM",
	      "status=%x", status);
}

static void child_ends_with_sigchld(void)
{
	children_ended = 0;
	pid_t child = fork();
	if (child == 0)
		_exit(3);
	int status = 0;
	check(waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 3 && children_ended == 0,
	      "SIGCHLD is ignored by default", "ended=%d", children_ended);
	signal(SIGCHLD, on_child);
	child = fork();
	if (child == 0)
		_exit(4);
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	for (int i = 0; i < 100 && !children_ended; i++)
		nanosleep(&tick, NULL);
	check(children_ended == 1, "the parent's SIGCHLD handler runs when a child exits", "ended=%d", children_ended);
	check(waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 4,
	      "... and waitpid then collects the child", "status=%x", status);
	child = fork();
	if (child == 0) {
		struct timespec moment = { 0, 100 * 1000 * 1000 };
		nanosleep(&moment, NULL);
		_exit(5);
	}
	pid_t got = waitpid(child, &status, 0);
	check(got == child && WEXITSTATUS(status) == 5 && children_ended == 2,
	      "a child ending during waitpid is collected, then SIGCHLD's handler runs", "got=%d errno=%d ended=%d",
	      got, errno, children_ended);
	signal(SIGCHLD, SIG_DFL);
}

static void bad_requests(void)
{
	char label[LABEL_MAX] = "pm";
	endpoint_t pm = sys_info(KINFO_FIND_LABEL, 0, label);
	message m = { .type = PM_BASE + 99 };
	ipc_sendrec(pm, &m);
	CHECK_EQ(m.type, -ENOSYS, "an unknown PM request gets ENOSYS");
	m = (message){ .type = PM_BRK };
	m.pm.addr = 0x1000;
	ipc_sendrec(pm, &m);
	CHECK_EQ(m.type, -ENOMEM, "a break outside the heap area is refused");
	m = (message){ .type = PM_EXEC_BOOT };
	memset(m.pm.name, 'x', sizeof(m.pm.name));
	ipc_sendrec(pm, &m);
	CHECK_EQ(m.type, -EINVAL, "an exec request with an unterminated name is refused");
}

int main(void)
{
	printf("# pmtest: process manager tests, pid %d\n", getpid());
	identity();
	fork_and_wait();
	wait_variants();
	faults_become_signals();
	kill_ends_processes();
	exec_from_boot_image();
	heap_grows_and_shrinks();
	orphans_go_to_init();
	process_groups();
	time_and_names();
	signal_handlers();
	alarm_rings();
	child_ends_with_sigchld();
	bad_requests();
	tap_finish("pmtest");
}
