/* Helpers of the ext2 host tests; see test_ext2_util.h. */
#include "test_ext2_util.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char root[256];

const char *tx_root(void)
{
	if (!root[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(root, sizeof(root), "%s/ext2test.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
		if (!mkdtemp(root)) {
			perror("mkdtemp");
			exit(2);
		}
	}
	return root;
}

void tx_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", tx_root(), name);
}

/* Runs a shell command; returns its exit status (or -1). */
int tx_run(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	int status = system(cmd);
	return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void tx_cleanup(void)
{
	if (root[0] && getenv("TX_KEEP") == NULL)
		tx_run("rm -rf '%s'", root);
}

/* Deterministic bytes that differ per file (seed) and per position. */
void tx_pattern(uint8_t *buf, size_t len, uint32_t seed, uint64_t offset)
{
	for (size_t i = 0; i < len; i++) {
		uint64_t x = (offset + i) * 2654435761u + (uint64_t)seed * 40503u;
		buf[i] = (uint8_t)(x ^ (x >> 11) ^ (x >> 19));
	}
}

static void write_file(const char *dir, const char *name, size_t len, uint32_t seed)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		exit(2);
	}
	uint8_t chunk[4096];
	for (size_t done = 0; done < len; done += sizeof(chunk)) {
		size_t n = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
		tx_pattern(chunk, n, seed, done);
		fwrite(chunk, 1, n, f);
	}
	fclose(f);
}

static void write_at(const char *path, uint64_t offset, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0 || pwrite(fd, text, strlen(text), (off_t)offset) != (ssize_t)strlen(text)) {
		perror(path);
		exit(2);
	}
	close(fd);
}

/*
 * The tree the read tests compare against: files of 0, 1, 12 KiB + 1 and
 * 300 KiB, a sparse file reaching triple-indirect blocks with 1 KiB blocks,
 * short and long symlinks, nested and big directories, hard links.
 */
void tx_make_tree(const char *src)
{
	char path[512];
	tx_run("rm -rf '%s' && mkdir -p '%s/many' '%s/a/b/c' '%s/links'", src, src, src, src);
	write_file(src, "empty", 0, 1);
	write_file(src, "one", 1, 2);
	write_file(src, "indirect", (size_t)12 * 1024 + 1, 3);
	write_file(src, "big", (size_t)300 * 1024, 4);
	write_file(src, "a/b/c/deep.txt", 5000, 5);
	snprintf(path, sizeof(path), "%s/sparse", src);
	write_at(path, 0, "head");
	write_at(path, 3u << 20, "middle");
	write_at(path, TX_SPARSE_FAR, "tail");
	for (int i = 0; i < TX_MANY; i++) {
		char name[64];
		snprintf(name, sizeof(name), "many/entry_%03d", i);
		write_file(src, name, (size_t)(i % 7) * 100, 100 + (uint32_t)i);
	}
	tx_run("cd '%s' && ln -s one sym_short && ln -s '%s' sym_long && "
	       "ln indirect links/hard1 && ln indirect links/hard2 && chmod 0751 a/b && "
	       "chmod 0600 one", src, TX_LONG_TARGET);
}

int tx_mkfs(const char *img, unsigned block_size, const char *options,
	    const char *src, unsigned size_kib)
{
	char dflag[600] = "";
	if (src)
		snprintf(dflag, sizeof(dflag), "-d '%s'", src);
	return tx_run("rm -f '%s' && %s -q -F -t ext2 -b %u %s %s '%s' %uk >/dev/null",
		      img, MKE2FS, block_size, options ? options : "", dflag, img, size_kib);
}

static int disk_read(void *ctx, uint64_t offset, void *buf, size_t len)
{
	struct tx_disk *d = ctx;
	ssize_t n = pread(d->fd, buf, len, (off_t)offset);
	if (n < 0)
		return -EIO;
	if ((size_t)n < len)
		memset((char *)buf + n, 0, len - (size_t)n);   /* past the end of the image */
	return 0;
}

static int disk_write(void *ctx, uint64_t offset, const void *buf, size_t len)
{
	struct tx_disk *d = ctx;
	return pwrite(d->fd, buf, len, (off_t)offset) == (ssize_t)len ? 0 : -EIO;
}

static void disk_log(void *ctx, const char *line)
{
	struct tx_disk *d = ctx;
	d->log_lines++;
	snprintf(d->last_log, sizeof(d->last_log), "%s", line);
	printf("# log: %s\n", line);
}

static uint32_t disk_now(void *ctx)
{
	struct tx_disk *d = ctx;
	return d->clock;
}

int tx_open(struct tx_disk *disk, const char *img)
{
	memset(disk, 0, sizeof(*disk));
	disk->fd = open(img, O_RDWR);
	disk->clock = 1700000000u;
	disk->dev = (struct ext2_device){ .ctx = disk, .read = disk_read, .write = disk_write,
					  .log = disk_log, .now = disk_now };
	return disk->fd < 0 ? -1 : 0;
}

void tx_close(struct tx_disk *disk)
{
	if (disk->fd >= 0)
		close(disk->fd);
	disk->fd = -1;
}

int tx_fsck(const char *img)
{
	char log[512];
	tx_path(log, sizeof(log), "fsck.log");
	int status = tx_run("%s -fn '%s' >'%s' 2>&1", E2FSCK, img, log);
	if (status != 0) {
		printf("# e2fsck exit status %d:\n", status);
		tx_run("sed 's/^/#   /' '%s' | head -40", log);
	}
	return status;
}

/* debugfs's idea of a file's contents; returns the length or -1. */
long tx_debugfs_cat(const char *img, const char *path, void *buf, size_t size)
{
	char out[512];
	tx_path(out, sizeof(out), "cat.out");
	if (tx_run("%s -R 'cat %s' '%s' >'%s' 2>/dev/null", DEBUGFS, path, img, out) != 0)
		return -1;
	FILE *f = fopen(out, "rb");
	if (!f)
		return -1;
	long n = (long)fread(buf, 1, size, f);
	fclose(f);
	return n;
}

uint32_t tx_resolve(struct ext2_fs *fs, const char *path)
{
	char copy[1024];
	uint32_t ino = EXT2_ROOT_INO;
	snprintf(copy, sizeof(copy), "%s", path);
	for (char *part = strtok(copy, "/"); part; part = strtok(NULL, "/")) {
		if (ext2_lookup(fs, ino, part, &ino) < 0)
			return 0;
	}
	return ino;
}
