/*
 * cksum: print the POSIX CRC-32 checksum, byte count and name of each file
 * (just the checksum and count for standard input).
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536
#define USAGE "cksum [file...]"

static uint32_t crc_table[256];

/* The table for the polynomial 0x04C11DB7, most significant bit first. */
static void make_table(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t crc = i << 24;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
		crc_table[i] = crc;
	}
}

static uint32_t crc_update(uint32_t crc, const unsigned char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		crc = (crc << 8) ^ crc_table[(crc >> 24) ^ data[i]];
	return crc;
}

/* Folds in the length (least significant byte first) and complements. */
static uint32_t crc_finish(uint32_t crc, unsigned long long len)
{
	for (; len > 0; len >>= 8) {
		unsigned char byte = (unsigned char)(len & 0xff);
		crc = crc_update(crc, &byte, 1);
	}
	return ~crc;
}

static int cksum_file(const char *name, unsigned char *buf)
{
	int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
	uint32_t crc = 0;
	unsigned long long total = 0;
	if (fd < 0) {
		cmd_error_errno(name, errno);
		return 1;
	}
	for (;;) {
		ssize_t n = read(fd, buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cmd_error_errno(name, errno);
			if (fd != STDIN_FILENO)
				close(fd);
			return 1;
		}
		if (n == 0)
			break;
		crc = crc_update(crc, buf, (size_t)n);
		total += (unsigned long long)n;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	out_format("%lu %llu", (unsigned long)crc_finish(crc, total), total);
	if (strcmp(name, "-") != 0)
		out_format(" %s", name);
	out_char('\n');
	return 0;
}

int main(int argc, char **argv)
{
	struct options opts;
	int status = 0;
	cmd_init("cksum");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, USAGE);
	make_table();
	unsigned char *buf = cmd_malloc(CHUNK);
	if (opts.index == argc)
		status = cksum_file("-", buf);
	for (int i = opts.index; i < argc; i++)
		status |= cksum_file(argv[i], buf);
	cmd_exit(status);
}
