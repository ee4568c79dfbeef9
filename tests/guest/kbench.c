/*
 * kbench: measures the IPC round trip (sendrec to kecho, in another address
 * space, which replies at once), the null kernel call and RS's code check
 * (KC_CODE on kbench's own code), with rdtsc around
 * each single operation. Under QEMU's -icount shift=0 the differences are
 * exact instruction counts; without it they are host-time ticks, to be read
 * as ratios. The cost of the empty rdtsc pair is measured and subtracted.
 */
#include <libsys.h>
#include <stdio.h>
#include <string.h>
#include "common/bench.h"

#define ITERATIONS 100000
#define WARMUP 1000
#define EXIT_CODE_DONE 0x10

static uint32_t samples[ITERATIONS];

static uint32_t measure_empty(void)
{
	return bench_tsc_overhead(samples, ITERATIONS);
}

static struct bench_stats measure_round_trip(endpoint_t echo, uint32_t overhead)
{
	message m = { .type = 1 };
	for (int i = 0; i < WARMUP; i++)
		ipc_sendrec(echo, &m);
	for (int i = 0; i < ITERATIONS; i++) {
		uint64_t t0 = read_tsc();
		ipc_sendrec(echo, &m);
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	return bench_summarize(samples, ITERATIONS, overhead);
}

/* Inlined, so that call is a direct call as in a program. */
static inline __attribute__((always_inline)) struct bench_stats measure_call(int (*call)(void), uint32_t overhead)
{
	for (int i = 0; i < ITERATIONS; i++) {
		uint64_t t0 = read_tsc();
		call();
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	return bench_summarize(samples, ITERATIONS, overhead);
}

/* RS's check of a service's code at every heartbeat, here on kbench's own. */
static int check_own_code(void)
{
	return sys_code_check(SELF);
}

int main(void)
{
	endpoint_t echo = sys_find_process("kecho");
	uint32_t overhead = measure_empty();
	printf("bench: %d iterations each; rdtsc pair overhead %u (subtracted)\n", ITERATIONS, overhead);
	bench_report("sendrec round trip (kecho)", measure_round_trip(echo, overhead));
	bench_report("null kernel call", measure_call(sys_null, overhead));
	bench_report("code check (KC_CODE)", measure_call(check_own_code, overhead));
	printf("bench: done\n");
	sys_shutdown(SHUTDOWN_POWEROFF, EXIT_CODE_DONE);
	return 0;
}
