/*
 * The read path against images made by the host's mke2fs -d from a known
 * tree: every file's bytes (holes included), stat against the source files,
 * readdir of a 300-entry directory, symlinks, and the errors of lookups.
 * Each test runs on 1 KiB and 4 KiB blocks and on 128-byte inodes.
 */
#include "unit.h"
#include "test_ext2_util.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct ext2_fs fs;
static struct tx_disk disk;
static char src[512], img[512];

static bool file_matches(const char *path, size_t len, uint32_t seed, size_t chunk)
{
	uint32_t ino = tx_resolve(&fs, path);
	uint8_t *got = malloc(len + 1), *want = malloc(len + 1);
	bool ok = ino != 0;
	tx_pattern(want, len, seed, 0);
	size_t done = 0;
	while (ok && done < len) {
		int n = ext2_read(&fs, ino, done, got + done, chunk);
		ok = n > 0;
		done += ok ? (size_t)n : 0;
	}
	ok = ok && done == len && memcmp(got, want, len) == 0 &&
	     ext2_read(&fs, ino, len, got, 1) == 0;
	free(got);
	free(want);
	return ok;
}

static void every_file_reads_back(void)
{
	CHECK(file_matches("empty", 0, 1, 100));
	CHECK(file_matches("one", 1, 2, 100));
	CHECK(file_matches("indirect", (size_t)12 * 1024 + 1, 3, 1000));
	CHECK(file_matches("big", (size_t)300 * 1024, 4, 4096));
	CHECK(file_matches("big", (size_t)300 * 1024, 4, 777));
	CHECK(file_matches("a/b/c/deep.txt", 5000, 5, 5000));
	CHECK(file_matches("links/hard1", (size_t)12 * 1024 + 1, 3, 10000));
	CHECK(file_matches("many/entry_006", 600, 106, 64));
}

static void holes_read_as_zeros(void)
{
	uint32_t ino = tx_resolve(&fs, "sparse");
	struct ext2_stat st = { 0 };
	char buf[8192], zeros[8192] = { 0 };
	CHECK(ino && ext2_stat(&fs, ino, &st) == 0);
	CHECK(st.size == TX_SPARSE_FAR + 4);
	CHECK(st.blocks < 200);
	CHECK(ext2_read(&fs, ino, 0, buf, 4) == 4 && memcmp(buf, "head", 4) == 0);
	CHECK(ext2_read(&fs, ino, 4, buf, sizeof(buf)) == (int)sizeof(buf) &&
	      memcmp(buf, zeros, sizeof(buf)) == 0);
	CHECK(ext2_read(&fs, ino, 3u << 20, buf, 6) == 6 && memcmp(buf, "middle", 6) == 0);
	CHECK(ext2_read(&fs, ino, TX_SPARSE_FAR - 100, buf, 200) == 104);
	CHECK(memcmp(buf, zeros, 100) == 0 && memcmp(buf + 100, "tail", 4) == 0);
}

static bool stat_matches_host(const char *path)
{
	char host[1024];
	struct stat hs;
	struct ext2_stat st;
	snprintf(host, sizeof(host), "%s/%s", src, path);
	uint32_t ino = tx_resolve(&fs, path);
	if (!ino || lstat(host, &hs) != 0 || ext2_stat(&fs, ino, &st) != 0)
		return false;
	bool ok = st.ino == ino && st.mode == hs.st_mode && st.uid == hs.st_uid &&
		  st.gid == hs.st_gid && st.blksize == fs.block_size;
	if (!S_ISDIR(hs.st_mode))
		ok = ok && st.size == (uint64_t)hs.st_size && st.nlink == hs.st_nlink;
	if (!ok)
		printf("# %s: mode 0%o/0%o size %llu/%lld nlink %u/%lu\n", path, st.mode,
		       hs.st_mode, (unsigned long long)st.size, (long long)hs.st_size, st.nlink,
		       (unsigned long)hs.st_nlink);
	return ok;
}

static void stat_matches_the_source_files(void)
{
	const char *paths[] = { "empty", "one", "indirect", "big", "sparse", "sym_short",
				"sym_long", "links/hard1", "a", "a/b", "a/b/c/deep.txt",
				"many/entry_123" };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		CHECK(stat_matches_host(paths[i]));
	struct ext2_stat st;
	CHECK(ext2_stat(&fs, tx_resolve(&fs, "indirect"), &st) == 0 && st.nlink == 3);
	/* directories: 2 plus one per subdirectory */
	CHECK(ext2_stat(&fs, EXT2_ROOT_INO, &st) == 0 && st.nlink == 6);
	CHECK(ext2_stat(&fs, tx_resolve(&fs, "a"), &st) == 0 && st.nlink == 3);
	CHECK(ext2_stat(&fs, tx_resolve(&fs, "many"), &st) == 0 && st.nlink == 2);
	CHECK((st.mode & EXT2_S_IFMT) == EXT2_S_IFDIR && st.size % fs.block_size == 0);
}

struct listing {
	int count;
	int limit;                       /* stop after this many in one call */
	int seen[TX_MANY];
	int dots;
	bool bad;
};

static int collect(void *arg, const char *name, size_t len, uint32_t ino, unsigned type)
{
	struct listing *l = arg;
	char copy[EXT2_NAME_MAX + 1];
	if (l->limit && l->count == l->limit)
		return 1;
	memcpy(copy, name, len);
	copy[len] = 0;
	l->count++;
	int i;
	if (strcmp(copy, ".") == 0 || strcmp(copy, "..") == 0)
		l->dots += type == EXT2_FT_DIR;
	else if (sscanf(copy, "entry_%d", &i) == 1 && i >= 0 && i < TX_MANY &&
		 type == EXT2_FT_REG_FILE && ino)
		l->seen[i]++;
	else
		l->bad = true;
	return 0;
}

static bool listed_once_each(const struct listing *l)
{
	for (int i = 0; i < TX_MANY; i++) {
		if (l->seen[i] != 1)
			return false;
	}
	return l->dots == 2 && !l->bad;
}

static void readdir_lists_300_entries(void)
{
	uint32_t dir = tx_resolve(&fs, "many");
	static struct listing all, some;
	uint64_t cookie = 0;
	memset(&all, 0, sizeof(all));
	CHECK(ext2_readdir(&fs, dir, &cookie, collect, &all) == TX_MANY + 2);
	CHECK(listed_once_each(&all));
	CHECK(ext2_readdir(&fs, dir, &cookie, collect, &all) == 0);
	/* seven at a time: the cookie resumes where the last call stopped */
	memset(&some, 0, sizeof(some));
	cookie = 0;
	int calls = 0;
	for (;;) {
		some.limit = some.count + 7;
		int n = ext2_readdir(&fs, dir, &cookie, collect, &some);
		if (n <= 0 || ++calls > 100)
			break;
	}
	CHECK(listed_once_each(&some));
}

static void symlinks_read_back(void)
{
	char buf[256];
	struct ext2_stat st;
	uint32_t ino = tx_resolve(&fs, "sym_short");
	CHECK(ext2_readlink(&fs, ino, buf, sizeof(buf)) == 3 && memcmp(buf, "one", 3) == 0);
	CHECK(ext2_stat(&fs, ino, &st) == 0 && st.blocks == 0);
	ino = tx_resolve(&fs, "sym_long");
	int n = ext2_readlink(&fs, ino, buf, sizeof(buf));
	CHECK(n == (int)strlen(TX_LONG_TARGET) && memcmp(buf, TX_LONG_TARGET, (size_t)n) == 0);
	CHECK(ext2_stat(&fs, ino, &st) == 0 && st.blocks == fs.block_size / 512);
	CHECK(ext2_readlink(&fs, ino, buf, 5) == 5 && memcmp(buf, TX_LONG_TARGET, 5) == 0);
	CHECK(ext2_readlink(&fs, tx_resolve(&fs, "one"), buf, sizeof(buf)) == -EINVAL);
}

static void lookup_errors(void)
{
	uint32_t ino;
	char longname[300];
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, "missing", &ino) == -ENOENT);
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, "", &ino) == -ENOENT);
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, longname, &ino) == -ENAMETOOLONG);
	CHECK(ext2_lookup(&fs, tx_resolve(&fs, "one"), "x", &ino) == -ENOTDIR);
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, ".", &ino) == 0 && ino == EXT2_ROOT_INO);
	CHECK(ext2_lookup(&fs, tx_resolve(&fs, "a/b"), "..", &ino) == 0 &&
	      ino == tx_resolve(&fs, "a"));
	CHECK(ext2_lookup(&fs, 0, "x", &ino) == -EINVAL);
	CHECK(ext2_lookup(&fs, fs.sb.s_inodes_count + 1, "x", &ino) == -EINVAL);
	CHECK(ext2_lookup(&fs, fs.sb.s_inodes_count, "x", &ino) == -ENOENT);
	char buf[4];
	CHECK(ext2_read(&fs, tx_resolve(&fs, "a"), 0, buf, 4) == -EISDIR);
}

static void read_only_mount_refuses_writes(void)
{
	uint32_t ino;
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, EXT2_MOUNT_RDONLY) == 0);
	CHECK(ext2_write(&fs, tx_resolve(&fs, "one"), 0, "x", 1) == -EROFS);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "new", 0644, 0, 0, 0, &ino) == -EROFS);
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "one", 0) == -EROFS);
	CHECK(file_matches("big", (size_t)300 * 1024, 4, 4096));
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
}

static void statfs_matches_the_superblock(void)
{
	struct ext2_statfs st;
	CHECK(ext2_statfs(&fs, &st) == 0);
	CHECK(st.block_size == fs.block_size && st.blocks == fs.sb.s_blocks_count);
	CHECK(st.free_blocks > 0 && st.free_blocks < st.blocks);
	CHECK(st.inodes == fs.sb.s_inodes_count && st.free_inodes < st.inodes);
	CHECK(st.name_max == 255);
}

static void image_stays_clean(void)
{
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(tx_fsck(img) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
}

static void run_on(unsigned block_size, const char *options)
{
	printf("# block size %u, options '%s'\n", block_size, options);
	CHECK(tx_mkfs(img, block_size, options, src, 8192) == 0);
	CHECK(tx_open(&disk, img) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
	CHECK(fs.block_size == block_size);
	RUN(every_file_reads_back);
	RUN(holes_read_as_zeros);
	RUN(stat_matches_the_source_files);
	RUN(readdir_lists_300_entries);
	RUN(symlinks_read_back);
	RUN(lookup_errors);
	RUN(read_only_mount_refuses_writes);
	RUN(statfs_matches_the_superblock);
	RUN(image_stays_clean);
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(disk.log_lines == 0);
	tx_close(&disk);
}

int main(void)
{
	tx_path(src, sizeof(src), "src");
	tx_path(img, sizeof(img), "read.img");
	tx_make_tree(src);
	run_on(1024, "-N 1024");
	run_on(4096, "-N 1024");
	run_on(1024, "-N 1024 -I 128");
	run_on(2048, "-N 1024 -O ^filetype");
	tx_cleanup();
	return unit_summary();
}
