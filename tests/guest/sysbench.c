/*
 * sysbench: what the system services cost a program, measured the way
 * kbench measures the kernel (rdtsc around each single operation, the
 * cost of an empty rdtsc pair subtracted, warm-up rounds first; exact
 * instruction counts under QEMU's -icount shift=0):
 *   getpid               libc -> PM -> reply;
 *   pipe round trip      1 byte to a child over one pipe and 1 byte back
 *                        over another (program -> VFS -> child -> VFS -> program);
 *   fork + exit + wait   fork, the child _exit(0)s at once, the parent's
 *                        waitpid collects it (PM, VFS and the kernel's copy
 *                        of the address space).
 * It runs as a boot program (pid 1, managed by PM, with VFS up) and powers
 * off when done. The process is kept small (one 8 KiB sample array), since
 * fork copies all of it.
 */
#include <libsys.h>
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>
#include "common/bench.h"

#define ROUNDS 2048
#define FORK_ROUNDS 512
#define WARMUP 64

static uint32_t samples[ROUNDS];

static struct bench_stats measure_getpid(uint32_t overhead)
{
	for (int i = 0; i < WARMUP; i++)
		getpid();
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = read_tsc();
		getpid();
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	return bench_summarize(samples, ROUNDS, overhead);
}

/* The child's side of the pipe round trip: echoes each byte until EOF. */
static __attribute__((noreturn)) void echo_bytes(int in, int out)
{
	char c;
	while (read(in, &c, 1) == 1)
		if (write(out, &c, 1) != 1)
			break;
	_exit(0);
}

/* Sends one byte out and reads it back; 0, or -1 if the pipe broke. */
static int round_trip(int out, int in)
{
	char c = 'x';
	return write(out, &c, 1) == 1 && read(in, &c, 1) == 1 ? 0 : -1;
}

static int measure_pipe(uint32_t overhead, struct bench_stats *result)
{
	int to_child[2], from_child[2];
	if (pipe(to_child) < 0 || pipe(from_child) < 0)
		return -1;
	pid_t child = fork();
	if (child < 0)
		return -1;
	if (child == 0) {
		close(to_child[1]);
		close(from_child[0]);
		echo_bytes(to_child[0], from_child[1]);
	}
	close(to_child[0]);
	close(from_child[1]);
	int r = 0;
	for (int i = 0; i < WARMUP && r == 0; i++)
		r = round_trip(to_child[1], from_child[0]);
	for (int i = 0; i < ROUNDS && r == 0; i++) {
		uint64_t t0 = read_tsc();
		r = round_trip(to_child[1], from_child[0]);
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	close(to_child[1]);
	close(from_child[0]);
	waitpid(child, NULL, 0);
	if (r == 0)
		*result = bench_summarize(samples, ROUNDS, overhead);
	return r;
}

/* One fork + _exit(0) + waitpid; 0, or -1 if it went wrong. */
static int fork_exit_wait(void)
{
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	int status = -1;
	return child > 0 && waitpid(child, &status, 0) == child && status == 0 ? 0 : -1;
}

static int measure_fork(uint32_t overhead, struct bench_stats *result)
{
	int r = 0;
	for (int i = 0; i < WARMUP && r == 0; i++)
		r = fork_exit_wait();
	for (int i = 0; i < FORK_ROUNDS && r == 0; i++) {
		uint64_t t0 = read_tsc();
		r = fork_exit_wait();
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	if (r == 0)
		*result = bench_summarize(samples, FORK_ROUNDS, overhead);
	return r;
}

int main(void)
{
	uint32_t overhead = bench_tsc_overhead(samples, ROUNDS);
	printf("bench: system calls: %d rounds (fork %d); rdtsc pair overhead %u (subtracted)\n", ROUNDS,
	       FORK_ROUNDS, overhead);
	bench_report("getpid (program-pm)", measure_getpid(overhead));
	struct bench_stats s;
	if (measure_pipe(overhead, &s) == 0)
		bench_report("pipe round trip (2 processes)", s);
	else
		printf("bench: pipe round trip: failed\n");
	if (measure_fork(overhead, &s) == 0)
		bench_report("fork + exit + wait", s);
	else
		printf("bench: fork + exit + wait: failed\n");
	printf("bench: done\n");
	reboot(RB_POWEROFF);
	return 0;
}
