/*
 * kbench: measures the IPC round trip (sendrec to kecho, in another address
 * space, which replies at once) and the null kernel call, with rdtsc around
 * each single operation. Under QEMU's -icount shift=0 the differences are
 * exact instruction counts; without it they are host-time ticks, to be read
 * as ratios. The cost of the empty rdtsc pair is measured and subtracted.
 */
#include <libsys.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ITERATIONS 100000
#define WARMUP 1000
#define EXIT_CODE_DONE 0x10

static uint32_t samples[ITERATIONS];

static int compare_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

struct stats {
	uint32_t min, median;
	uint64_t mean;
};

static struct stats summarize(uint32_t overhead)
{
	qsort(samples, ITERATIONS, sizeof(samples[0]), compare_u32);
	uint64_t sum = 0;
	for (int i = 0; i < ITERATIONS; i++)
		sum += samples[i];
	struct stats s = { samples[0], samples[ITERATIONS / 2], sum / ITERATIONS };
	s.min -= overhead < s.min ? overhead : s.min;
	s.median -= overhead < s.median ? overhead : s.median;
	s.mean -= overhead < s.mean ? overhead : s.mean;
	return s;
}

static uint32_t measure_empty(void)
{
	for (int i = 0; i < ITERATIONS; i++) {
		uint64_t t0 = read_tsc();
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	return summarize(0).min;
}

static struct stats measure_round_trip(endpoint_t echo, uint32_t overhead)
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
	return summarize(overhead);
}

static struct stats measure_call(int (*call)(void), uint32_t overhead)
{
	for (int i = 0; i < ITERATIONS; i++) {
		uint64_t t0 = read_tsc();
		call();
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	return summarize(overhead);
}

/* RS's check of a service's code at every heartbeat, here on kbench's own. */
static int check_own_code(void)
{
	return sys_code_check(SELF);
}


static void report(const char *what, struct stats s)
{
	printf("bench: %-28s min %6u  median %6u  mean %6llu\n", what, s.min, s.median, s.mean);
}

int main(void)
{
	endpoint_t echo = sys_find_process("kecho");
	uint32_t overhead = measure_empty();
	printf("bench: %d iterations each; rdtsc pair overhead %u (subtracted)\n", ITERATIONS, overhead);
	report("sendrec round trip (kecho)", measure_round_trip(echo, overhead));
	report("null kernel call", measure_call(sys_null, overhead));
	report("code check (KC_CODE)", measure_call(check_own_code, overhead));
	printf("bench: done\n");
	sys_shutdown(SHUTDOWN_POWEROFF, EXIT_CODE_DONE);
	return 0;
}
