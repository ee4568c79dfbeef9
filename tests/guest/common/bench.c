/* Timing helpers shared by the guest benchmarks: statistics and report lines. */
#include <libsys.h>
#include <stdio.h>
#include <stdlib.h>
#include "bench.h"

static int compare_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static uint32_t less_u32(uint32_t value, uint32_t overhead)
{
	return value - (overhead < value ? overhead : value);
}

struct bench_stats bench_summarize(uint32_t *samples, int n, uint32_t overhead)
{
	qsort(samples, (size_t)n, sizeof(samples[0]), compare_u32);
	uint64_t sum = 0;
	for (int i = 0; i < n; i++)
		sum += samples[i];
	uint64_t mean = sum / (uint64_t)n;
	struct bench_stats s = { less_u32(samples[0], overhead), less_u32(samples[n / 2], overhead),
				 mean - (overhead < mean ? overhead : mean) };
	return s;
}

uint32_t bench_tsc_overhead(uint32_t *samples, int n)
{
	for (int i = 0; i < n; i++) {
		uint64_t t0 = read_tsc();
		uint64_t t1 = read_tsc();
		samples[i] = (uint32_t)(t1 - t0);
	}
	return bench_summarize(samples, n, 0).min;
}

void bench_report(const char *what, struct bench_stats s)
{
	printf("bench: %-32s min %7u  median %7u  mean %7llu\n", what, s.min, s.median,
	       (unsigned long long)s.mean);
}
