/*
 * md5sum: print or check MD5 checksums (RFC 1321); everything but the
 * compression function is shared with sha256sum (commands/lib/checksum.c).
 */
#include "../lib/cmd.h"
#include "../lib/checksum.h"

/* floor(abs(sin(i + 1)) * 2^32), RFC 1321's table T. */
static const uint32_t sines[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
	0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
	0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
	0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
	0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
	0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
	0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
	0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
	0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
	0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
	0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* The rotation of each step, by round and step within the round (mod 4). */
static const int shifts[4][4] = {
	{ 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 },
};

static const uint32_t initial[4] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };

/* The auxiliary function of round `round` (F, G, H, I) and the word it takes at step i. */
static uint32_t mix(int round, int i, uint32_t b, uint32_t c, uint32_t d, int *word)
{
	switch (round) {
	case 0: *word = i; return (b & c) | (~b & d);
	case 1: *word = (5 * i + 1) % 16; return (b & d) | (c & ~d);
	case 2: *word = (3 * i + 5) % 16; return b ^ c ^ d;
	default: *word = (7 * i) % 16; return c ^ (b | ~d);
	}
}

static void md5_compress(uint32_t *state, const unsigned char block[DIGEST_BLOCK])
{
	uint32_t x[16];
	for (int i = 0; i < 16; i++)
		x[i] = digest_load(block + 4 * i, 0);
	uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
	for (int i = 0; i < 64; i++) {
		int word;
		uint32_t f = mix(i / 16, i, b, c, d, &word);
		uint32_t sum = a + f + sines[i] + x[word];
		a = d;
		d = c;
		c = b;
		b += digest_rotate_left(sum, shifts[i / 16][i % 4]);
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
}

static const struct digest_algorithm md5 = {
	.name = "MD5", .words = 4, .big_endian = 0, .initial = initial, .compress = md5_compress,
};

int main(int argc, char **argv)
{
	cmd_init("md5sum");
	cmd_exit(checksum_main(argc, argv, &md5));
}
