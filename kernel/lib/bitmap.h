/* Fixed-size bitmaps over arrays of 32-bit words. Pure; unit-tested on the host. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#define BITMAP_WORDS(nbits) (((nbits) + 31) / 32)

static inline void bitmap_set(uint32_t *map, unsigned bit) { map[bit / 32] |= 1u << (bit % 32); }
static inline void bitmap_clear(uint32_t *map, unsigned bit) { map[bit / 32] &= ~(1u << (bit % 32)); }
static inline bool bitmap_test(const uint32_t *map, unsigned bit) { return (map[bit / 32] >> (bit % 32)) & 1u; }

/* The lowest set bit at or after `from`, or -1 if none below nbits. */
static inline int bitmap_find_set(const uint32_t *map, unsigned nbits, unsigned from)
{
	for (unsigned word = from / 32; word < BITMAP_WORDS(nbits); word++) {
		uint32_t bits = map[word];
		if (word == from / 32)
			bits &= ~0u << (from % 32);
		if (bits) {
			unsigned bit = word * 32 + (unsigned)__builtin_ctz(bits);
			return bit < nbits ? (int)bit : -1;
		}
	}
	return -1;
}
