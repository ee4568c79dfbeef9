/*
 * The rest of Samsara's <stdlib.h> against the host's C library: integer
 * arithmetic, bsearch, qsort (also on adversarial orders, with a count of
 * comparisons to show n log n), and the ISO C rand sequence.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "libc_test.h"

static void arithmetic_matches_the_host(void)
{
	const long long values[] = { 0, 1, -1, 7, -7, 100, -100, INT_MAX, INT_MIN + 1, LLONG_MAX, LLONG_MIN + 1 };
	const long long divisors[] = { 1, -1, 2, -2, 3, 7, -7, 1000 };
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		long long v = values[i];
		CHECK(samsara_llabs(v) == llabs(v) && samsara_labs((long)v) == labs((long)v));
		CHECK(samsara_abs((int)v) == abs((int)v));
		for (size_t d = 0; d < sizeof(divisors) / sizeof(divisors[0]); d++) {
			samsara_div_t ours = samsara_div((int)v, (int)divisors[d]);
			div_t host = div((int)v, (int)divisors[d]);
			CHECK(ours.quot == host.quot && ours.rem == host.rem);
			samsara_ldiv_t lours = samsara_ldiv((long)v, (long)divisors[d]);
			ldiv_t lhost = ldiv((long)v, (long)divisors[d]);
			CHECK(lours.quot == lhost.quot && lours.rem == lhost.rem);
			samsara_lldiv_t llours = samsara_lldiv(v, divisors[d]);
			lldiv_t llhost = lldiv(v, divisors[d]);
			CHECK(llours.quot == llhost.quot && llours.rem == llhost.rem);
		}
	}
}

static size_t comparisons;

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	comparisons++;
	return (x > y) - (x < y);
}

static void bsearch_finds_every_element_and_no_other(void)
{
	int sorted[101];
	for (int i = 0; i < 101; i++)
		sorted[i] = i * 2;
	for (size_t n = 0; n <= 101; n++) {
		for (int key = -1; key <= 203; key++) {
			int *ours = samsara_bsearch(&key, sorted, n, sizeof(int), compare_ints);
			bool present = key >= 0 && key % 2 == 0 && (size_t)(key / 2) < n;
			CHECK(present ? ours == &sorted[key / 2] : ours == NULL);
		}
	}
}

/* Sorts with both libraries and compares; returns our comparison count. */
static size_t sort_like_the_host(const int *input, size_t n)
{
	static int ours[4096], host[4096];
	memcpy(ours, input, n * sizeof(int));
	memcpy(host, input, n * sizeof(int));
	comparisons = 0;
	samsara_qsort(ours, n, sizeof(int), compare_ints);
	size_t count = comparisons;
	qsort(host, n, sizeof(int), compare_ints);
	CHECK(memcmp(ours, host, n * sizeof(int)) == 0);
	return count;
}

static void qsort_sorts_every_order_in_n_log_n(void)
{
	static int input[4096];
	const size_t sizes[] = { 0, 1, 2, 3, 10, 100, 4096 };
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		size_t n = sizes[s];
		for (int order = 0; order < 5; order++) {
			unsigned seed = 7;
			for (size_t i = 0; i < n; i++) {
				seed = seed * 1103515245 + 12345;
				const int values[5] = { (int)i, (int)(n - i), 3, (int)(seed >> 8), (int)(i % 2 ? i : n - i) };
				input[i] = values[order];
			}
			size_t count = sort_like_the_host(input, n);
			CHECK(count <= 3 * n * 13);  /* 2 n log2 n for heapsort, log2 4096 = 12 */
		}
	}
}

static void qsort_moves_large_elements_whole(void)
{
	struct record { int key; char payload[13]; } records[50];
	for (int i = 0; i < 50; i++) {
		records[i].key = (i * 37) % 50;
		memset(records[i].payload, 'a' + records[i].key % 26, sizeof(records[i].payload));
	}
	samsara_qsort(records, 50, sizeof(records[0]), compare_ints);
	for (int i = 0; i < 50; i++)
		CHECK(records[i].key == i && records[i].payload[12] == 'a' + i % 26);
}

/* The ISO C example generator, written out here as the reference. */
static void rand_follows_the_iso_c_example(void)
{
	CHECK(SAMSARA_RAND_MAX == 32767);
	unsigned long next = 1;
	for (int i = 0; i < 1000; i++) {
		next = next * 1103515245 + 12345;
		CHECK(samsara_rand() == (int)((unsigned)(next / 65536) % 32768));
	}
	samsara_srand(42);
	int first = samsara_rand();
	samsara_rand();
	samsara_srand(42);
	CHECK(samsara_rand() == first);
}

int main(void)
{
	RUN(arithmetic_matches_the_host);
	RUN(bsearch_finds_every_element_and_no_other);
	RUN(qsort_sorts_every_order_in_n_log_n);
	RUN(qsort_moves_large_elements_whole);
	RUN(rand_follows_the_iso_c_example);
	return unit_summary();
}
