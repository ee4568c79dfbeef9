/*
 * md5sum and sha256sum: the hashing of files and the checking of lists
 * ("-c"), shared; each command brings only its algorithm's compression
 * function. Both hashes take 64-byte blocks and end with the same padding
 * (a 1 bit, zeros, the length in bits), MD5 little-endian, SHA-256
 * big-endian.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define DIGEST_BLOCK 64
#define DIGEST_MAX_WORDS 8

struct digest_algorithm {
	const char *name;        /* "MD5": for --tag lines and warnings */
	int words;               /* 32-bit words of state, all of them the digest */
	int big_endian;          /* byte order of the words and of the length */
	const uint32_t *initial; /* the state before the first block */
	void (*compress)(uint32_t *state, const unsigned char block[DIGEST_BLOCK]);
};

/* The whole command: options, files (or standard input) and -c lists. */
int checksum_main(int argc, char **argv, const struct digest_algorithm *algorithm);

static inline uint32_t digest_rotate_left(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

/* The 32-bit word at p, in the given byte order. */
static inline uint32_t digest_load(const unsigned char *p, int big_endian)
{
	if (big_endian)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
