/*
 * diskbench: the cost of the file-system stack. Reads the same number of
 * bytes three ways and times each with rdtsc (instructions under QEMU's
 * -icount shift=0, host-time ticks without it):
 *   raw read    straight from the ATA driver (disk 0, partition 1), 64 KiB
 *               requests through the block-device client;
 *   file write  a new file through VFS, ext2 and ATA, 64 KiB writes, then sync;
 *   file read   the same file read back (ext2's cache is far smaller).
 * Each is run ROUNDS times, alternating, and the fastest of each counts, so
 * that a busy host disturbs the ratios less. The file numbers are printed as
 * ratios to the raw read of the same run. diskbench runs as a boot program
 * (like init) and powers off when done.
 */
#include <bdev.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#define TOTAL (8u << 20)
#define CHUNK (64u * 1024)
#define FILE_PATH "/home/diskbench.data"
#define ROUNDS 3

static char buf[CHUNK];

static uint64_t raw_read(void)
{
	struct bdev disk;
	if (bdev_open(&disk, "ata", 1) < 0)
		return 0;
	uint64_t t0 = read_tsc();
	for (uint32_t done = 0; done < TOTAL; done += CHUNK)
		if (bdev_read(&disk, done, buf, CHUNK) != (int)CHUNK)
			return 0;
	return read_tsc() - t0;
}

static uint64_t file_write(void)
{
	for (uint32_t i = 0; i < CHUNK; i++)
		buf[i] = (char)('a' + i % 26);
	uint64_t t0 = read_tsc();
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 0;
	for (uint32_t done = 0; done < TOTAL; done += CHUNK)
		if (write(fd, buf, CHUNK) != (ssize_t)CHUNK)
			return 0;
	close(fd);
	sync();
	return read_tsc() - t0;
}

static uint64_t file_read(void)
{
	uint64_t t0 = read_tsc();
	int fd = open(FILE_PATH, O_RDONLY);
	if (fd < 0)
		return 0;
	for (uint32_t done = 0; done < TOTAL; done += CHUNK)
		if (read(fd, buf, CHUNK) != (ssize_t)CHUNK)
			return 0;
	close(fd);
	return read_tsc() - t0;
}

/* "N.NN", the ratio a / b to two decimals. */
static void ratio(char out[16], uint64_t a, uint64_t b)
{
	uint64_t hundredths = b ? (a * 100 + b / 2) / b : 0;
	snprintf(out, 16, "%llu.%02llu", (unsigned long long)(hundredths / 100),
		 (unsigned long long)(hundredths % 100));
}

int main(void)
{
	uint64_t raw = UINT64_MAX, wr = UINT64_MAX, rd = UINT64_MAX;
	for (int round = 0; round < ROUNDS; round++) {
		uint64_t t = raw_read();
		raw = t < raw ? t : raw;
		t = file_write();
		wr = t < wr ? t : wr;
		t = file_read();
		rd = t < rd ? t : rd;
	}
	if (!raw || !wr || !rd) {
		printf("bench: disk: failed (raw %llu, write %llu, read %llu): is a disk attached?\n",
		       (unsigned long long)raw, (unsigned long long)wr, (unsigned long long)rd);
	} else {
		char r_wr[16], r_rd[16];
		ratio(r_wr, wr, raw);
		ratio(r_rd, rd, raw);
		printf("bench: disk %u MiB in 64 KiB requests: raw read from ata %llu\n", TOTAL >> 20, (unsigned long long)raw);
		printf("bench: disk file write + sync (program-vfs-ext2-ata) %llu = %s x raw read\n", (unsigned long long)wr, r_wr);
		printf("bench: disk file read (program-vfs-ext2-ata)         %llu = %s x raw read\n", (unsigned long long)rd, r_rd);
	}
	unlink(FILE_PATH);
	printf("bench: done\n");
	reboot(RB_POWEROFF);
	return 0;
}
