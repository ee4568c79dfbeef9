/* Timing helpers shared by the guest benchmarks (kbench, sysbench). */
#pragma once

#include <stdint.h>

struct bench_stats {
	uint32_t min, median;
	uint64_t mean;
};

/*
 * Sorts samples[0..n) (rdtsc differences, one per operation) and returns
 * their minimum, median and mean, each less overhead (the cost of an empty
 * rdtsc pair), never below 0. n > 0.
 */
struct bench_stats bench_summarize(uint32_t *samples, int n, uint32_t overhead);
/* The cheapest of n empty rdtsc pairs, timed into samples[0..n). */
uint32_t bench_tsc_overhead(uint32_t *samples, int n);
/* One "bench:" line: what, then min, median and mean. */
void bench_report(const char *what, struct bench_stats s);
