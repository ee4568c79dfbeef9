/* Unit tests for the fixed-size bitmaps in kernel/lib/bitmap.h. */
#include <string.h>

#include "lib/bitmap.h"
#include "unit.h"

#define NBITS 96

static void bitmap_words_rounds_up(void)
{
	CHECK(BITMAP_WORDS(0) == 0);
	CHECK(BITMAP_WORDS(1) == 1);
	CHECK(BITMAP_WORDS(32) == 1);
	CHECK(BITMAP_WORDS(33) == 2);
	CHECK(BITMAP_WORDS(1024) == 32);
}

static void bitmap_set_and_clear_touch_only_their_bit(void)
{
	for (unsigned bit = 0; bit < NBITS; bit++) {
		uint32_t map[BITMAP_WORDS(NBITS)] = { 0 };
		bitmap_set(map, bit);
		for (unsigned other = 0; other < NBITS; other++)
			CHECK(bitmap_test(map, other) == (other == bit));
		memset(map, 0xff, sizeof(map));
		bitmap_clear(map, bit);
		for (unsigned other = 0; other < NBITS; other++)
			CHECK(bitmap_test(map, other) == (other != bit));
	}
}

static void bitmap_set_is_idempotent(void)
{
	uint32_t map[1] = { 0 };
	bitmap_set(map, 31);
	bitmap_set(map, 31);
	CHECK(map[0] == 0x80000000u);
	bitmap_clear(map, 31);
	bitmap_clear(map, 31);
	CHECK(map[0] == 0);
}

static void bitmap_find_set_in_empty_map_is_none(void)
{
	uint32_t map[BITMAP_WORDS(NBITS)] = { 0 };
	CHECK(bitmap_find_set(map, NBITS, 0) == -1);
	CHECK(bitmap_find_set(map, NBITS, 40) == -1);
	CHECK(bitmap_find_set(map, 0, 0) == -1);
}

static void bitmap_find_set_from_various_starts(void)
{
	uint32_t map[BITMAP_WORDS(NBITS)] = { 0 };
	bitmap_set(map, 0);
	bitmap_set(map, 5);
	bitmap_set(map, 31);
	CHECK(bitmap_find_set(map, NBITS, 0) == 0);
	CHECK(bitmap_find_set(map, NBITS, 1) == 5);
	CHECK(bitmap_find_set(map, NBITS, 5) == 5);
	CHECK(bitmap_find_set(map, NBITS, 6) == 31);
	CHECK(bitmap_find_set(map, NBITS, 31) == 31);
	CHECK(bitmap_find_set(map, NBITS, 32) == -1);
}

static void bitmap_find_set_crosses_word_boundaries(void)
{
	uint32_t map[BITMAP_WORDS(NBITS)] = { 0 };
	bitmap_set(map, 3);
	bitmap_set(map, 32);
	bitmap_set(map, 95);
	CHECK(bitmap_find_set(map, NBITS, 4) == 32);
	CHECK(bitmap_find_set(map, NBITS, 31) == 32);
	CHECK(bitmap_find_set(map, NBITS, 33) == 95);
	CHECK(bitmap_find_set(map, NBITS, 64) == 95);
	CHECK(bitmap_find_set(map, NBITS, 95) == 95);
}

static void bitmap_find_set_ignores_bits_beyond_nbits(void)
{
	uint32_t map[BITMAP_WORDS(70)] = { 0 };
	bitmap_set(map, 70);
	bitmap_set(map, 95);
	CHECK(bitmap_find_set(map, 70, 0) == -1);
	CHECK(bitmap_find_set(map, 70, 64) == -1);
	bitmap_set(map, 69);
	CHECK(bitmap_find_set(map, 70, 0) == 69);
	CHECK(bitmap_find_set(map, 71, 70) == 70);
}

static void bitmap_find_set_from_at_or_past_nbits_is_none(void)
{
	uint32_t map[BITMAP_WORDS(NBITS)];
	memset(map, 0xff, sizeof(map));
	CHECK(bitmap_find_set(map, 70, 70) == -1);
	CHECK(bitmap_find_set(map, 70, 71) == -1);
	CHECK(bitmap_find_set(map, 70, 96) == -1);
	CHECK(bitmap_find_set(map, 64, 64) == -1);
	CHECK(bitmap_find_set(map, 64, 1000) == -1);
}

/* The answer bitmap_find_set should give, one bit at a time. */
static int reference_find_set(const uint32_t *map, unsigned nbits, unsigned from)
{
	for (unsigned bit = from; bit < nbits; bit++) {
		if (bitmap_test(map, bit))
			return (int)bit;
	}
	return -1;
}

static uint32_t next_random(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed ^ (*seed >> 16);
}

static void bitmap_find_set_matches_bit_by_bit_search(void)
{
	uint32_t seed = 1;
	int mismatches = 0;
	for (int round = 0; round < 200; round++) {
		uint32_t map[BITMAP_WORDS(NBITS)];
		for (unsigned w = 0; w < BITMAP_WORDS(NBITS); w++)
			map[w] = next_random(&seed) & next_random(&seed) & next_random(&seed);
		for (unsigned nbits = 1; nbits <= NBITS; nbits++) {
			for (unsigned from = 0; from <= nbits + 1; from++)
				mismatches += bitmap_find_set(map, nbits, from) !=
				              reference_find_set(map, nbits, from);
		}
	}
	CHECK(mismatches == 0);
}

int main(void)
{
	RUN(bitmap_words_rounds_up);
	RUN(bitmap_set_and_clear_touch_only_their_bit);
	RUN(bitmap_set_is_idempotent);
	RUN(bitmap_find_set_in_empty_map_is_none);
	RUN(bitmap_find_set_from_various_starts);
	RUN(bitmap_find_set_crosses_word_boundaries);
	RUN(bitmap_find_set_ignores_bits_beyond_nbits);
	RUN(bitmap_find_set_from_at_or_past_nbits_is_none);
	RUN(bitmap_find_set_matches_bit_by_bit_search);
	return unit_summary();
}
