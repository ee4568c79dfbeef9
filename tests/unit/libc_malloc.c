/*
 * Samsara's allocator over a heap that this test hands out from a static
 * arena through __libc_sbrk. After every step the allocator's own checker
 * walks the heap; the tests also look at what it reports (free blocks,
 * free bytes) to see coalescing and in-place resizing happen.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "libc_test.h"

static _Alignas(16) char arena[8 << 20];
static size_t arena_used;
static size_t arena_limit = sizeof(arena);
static bool leave_gap;  /* the next sbrk skips some bytes, as if someone else had moved the break */

void *samsara___libc_sbrk(intptr_t increment)
{
	size_t gap = leave_gap ? 24 : 0;
	if (increment < 0 || (size_t)increment + gap > arena_limit - arena_used) {
		samsara_errno = ENOMEM;
		return (void *)-1;
	}
	leave_gap = false;
	arena_used += gap + (size_t)increment;
	return arena + arena_used - (size_t)increment;
}

static struct __libc_heap_stats heap(void)
{
	struct __libc_heap_stats stats;
	CHECK(samsara___libc_heap_check(&stats) == 0);
	return stats;
}

static void payloads_are_aligned_and_usable(void)
{
	void *blocks[200];
	for (size_t i = 0; i < 200; i++) {
		blocks[i] = samsara_malloc(i * 3);
		CHECK(blocks[i] != NULL && (uintptr_t)blocks[i] % 8 == 0);
		memset(blocks[i], (int)i, i * 3);
	}
	for (size_t i = 0; i < 200; i++) {
		for (size_t j = 0; j < i * 3; j++)
			CHECK(((unsigned char *)blocks[i])[j] == (unsigned char)i);
		samsara_free(blocks[i]);
	}
	heap();
}

static void malloc_zero_gives_distinct_freeable_blocks(void)
{
	void *a = samsara_malloc(0), *b = samsara_malloc(0);
	CHECK(a && b && a != b);
	samsara_free(a);
	samsara_free(b);
	samsara_free(NULL);
	heap();
}

static void freeing_merges_with_both_neighbours(void)
{
	size_t free_before = heap().free_blocks;
	char *a = samsara_malloc(100), *b = samsara_malloc(100), *c = samsara_malloc(100);
	char *guard = samsara_malloc(100);  /* keeps c from merging with the heap's free tail */
	samsara_free(a);
	samsara_free(c);
	CHECK(heap().free_blocks == free_before + 2);
	samsara_free(b);  /* a, b and c become one block */
	CHECK(heap().free_blocks == free_before + 1);
	char *again = samsara_malloc(300);
	CHECK(again == a);  /* first fit takes the merged block */
	samsara_free(again);
	samsara_free(guard);
	CHECK(heap().free_blocks == free_before);
}

static void everything_freed_is_one_free_block_per_segment(void)
{
	void *blocks[64];
	for (size_t i = 0; i < 64; i++)
		blocks[i] = samsara_malloc(1000 + i * 37);
	for (size_t i = 0; i < 64; i += 2)
		samsara_free(blocks[i]);
	for (size_t i = 1; i < 64; i += 2)
		samsara_free(blocks[i]);
	struct __libc_heap_stats stats = heap();
	CHECK(stats.used_blocks == 0);
	CHECK(stats.free_blocks == 1);
	CHECK(stats.free_bytes > stats.heap_bytes - 64);
}

static void realloc_grows_and_shrinks_in_place(void)
{
	char *a = samsara_malloc(64);
	char *guard = samsara_malloc(16);
	samsara_free(guard);  /* a is followed by free space now */
	memset(a, 'x', 64);
	char *bigger = samsara_realloc(a, 500);
	CHECK(bigger == a);
	CHECK(memcmp(bigger, "xxxxxxxx", 8) == 0 && bigger[63] == 'x');
	char *smaller = samsara_realloc(bigger, 8);
	CHECK(smaller == a && memcmp(smaller, "xxxxxxxx", 8) == 0);
	CHECK(samsara_realloc(smaller, 0) == a);  /* keeps a minimal block */
	samsara_free(a);
	heap();
}

static void realloc_moves_when_the_neighbour_is_taken(void)
{
	char *a = samsara_malloc(32);
	char *b = samsara_malloc(32);
	for (int i = 0; i < 32; i++)
		a[i] = (char)i;
	char *moved = samsara_realloc(a, 4000);
	CHECK(moved && moved != a);
	for (int i = 0; i < 32; i++)
		CHECK(moved[i] == (char)i);
	char *fresh = samsara_realloc(NULL, 10);
	CHECK(fresh != NULL);
	samsara_free(fresh);
	samsara_free(moved);
	samsara_free(b);
	heap();
}

static void realloc_of_the_last_block_grows_the_heap_in_place(void)
{
	/* With sbrk stopped, fill the heap; the highest block is then the last one. */
	static char *blocks[1 << 16];
	size_t count = 0;
	arena_limit = arena_used;
	while (count < sizeof(blocks) / sizeof(blocks[0]) && (blocks[count] = samsara_malloc(24)))
		count++;
	arena_limit = sizeof(arena);
	CHECK(count > 0 && heap().free_blocks == 0);
	char *last = blocks[0];
	for (size_t i = 1; i < count; i++)
		last = blocks[i] > last ? blocks[i] : last;
	size_t heap_before = heap().heap_bytes;
	CHECK(samsara_realloc(last, 100000) == last);
	CHECK(heap().heap_bytes > heap_before);
	for (size_t i = 0; i < count; i++)
		samsara_free(blocks[i]);
	CHECK(heap().used_blocks == 0);
}

static void calloc_zeroes_and_checks_overflow(void)
{
	unsigned char *p = samsara_malloc(256);
	memset(p, 0xaa, 256);
	samsara_free(p);
	unsigned char *z = samsara_calloc(16, 16);
	CHECK(z != NULL);
	for (int i = 0; i < 256; i++)
		CHECK(z[i] == 0);
	samsara_free(z);
	samsara_errno = 0;
	CHECK(samsara_calloc(SIZE_MAX / 2, 3) == NULL && samsara_errno == ENOMEM);
	heap();
}

static void impossible_sizes_fail_with_enomem(void)
{
	size_t sizes[] = { SIZE_MAX, SIZE_MAX - 7, SIZE_MAX / 2, sizeof(arena) };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		samsara_errno = 0;
		CHECK(samsara_malloc(sizes[i]) == NULL && samsara_errno == ENOMEM);
	}
	char *p = samsara_malloc(10);
	samsara_errno = 0;
	CHECK(samsara_realloc(p, SIZE_MAX) == NULL && samsara_errno == ENOMEM);
	samsara_free(p);
	heap();
}

static void a_gap_in_the_break_starts_a_new_segment(void)
{
	struct __libc_heap_stats before = heap();
	leave_gap = true;
	char *big = samsara_malloc(before.free_bytes + 100000);
	CHECK(big != NULL);
	struct __libc_heap_stats after = heap();
	CHECK(after.used_blocks == before.used_blocks + 1);
	samsara_free(big);
	CHECK(heap().free_blocks == before.free_blocks + 1);  /* one per segment */
}

/* Random allocations, resizes and frees, each block filled with its own byte. */
static void random_workload_keeps_the_heap_consistent(void)
{
	enum { SLOTS = 256 };
	unsigned char *blocks[SLOTS] = { 0 };
	size_t sizes[SLOTS] = { 0 };
	unsigned seed = 12345;
	size_t used_before = heap().used_blocks;
	for (int step = 0; step < 20000; step++) {
		seed = seed * 1103515245 + 12345;
		size_t slot = (seed >> 8) % SLOTS, size = (seed >> 16) % (seed & 1 ? 64 : 4096);
		for (size_t i = 0; blocks[slot] && i < sizes[slot]; i++)
			CHECK(blocks[slot][i] == (unsigned char)slot);
		if (blocks[slot] && (seed & 6) == 0) {
			samsara_free(blocks[slot]);
			blocks[slot] = NULL;
			continue;
		}
		unsigned char *p = samsara_realloc(blocks[slot], size);
		CHECK(p != NULL);
		memset(p, (int)slot, size);
		blocks[slot] = p;
		sizes[slot] = size;
		if (step % 1000 == 0)
			heap();
	}
	for (size_t i = 0; i < SLOTS; i++)
		samsara_free(blocks[i]);
	CHECK(heap().used_blocks == used_before);
}

static void an_exhausted_heap_gives_null_and_recovers(void)
{
	arena_limit = arena_used;  /* no more memory from sbrk */
	struct __libc_heap_stats stats = heap();
	samsara_errno = 0;
	CHECK(samsara_malloc(stats.free_bytes + 64) == NULL && samsara_errno == ENOMEM);
	void *p = samsara_malloc(100);
	CHECK(p != NULL);
	samsara_free(p);
	arena_limit = sizeof(arena);
	heap();
}

int main(void)
{
	RUN(payloads_are_aligned_and_usable);
	RUN(malloc_zero_gives_distinct_freeable_blocks);
	RUN(freeing_merges_with_both_neighbours);
	RUN(everything_freed_is_one_free_block_per_segment);
	RUN(realloc_grows_and_shrinks_in_place);
	RUN(realloc_moves_when_the_neighbour_is_taken);
	RUN(realloc_of_the_last_block_grows_the_heap_in_place);
	RUN(calloc_zeroes_and_checks_overflow);
	RUN(impossible_sizes_fail_with_enomem);
	RUN(a_gap_in_the_break_starts_a_new_segment);
	RUN(random_workload_keeps_the_heap_consistent);
	RUN(an_exhausted_heap_gives_null_and_recovers);
	return unit_summary();
}
