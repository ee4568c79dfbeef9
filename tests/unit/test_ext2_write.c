/*
 * The write path: file writes (extending, overwriting, sparse), truncation,
 * create, mkdir, unlink, rmdir, device nodes, attributes and deferred
 * freeing. After each sequence the image is unmounted and must pass the
 * host's e2fsck -fn, and debugfs must read the same bytes the library wrote.
 * Runs on 1 KiB and 4 KiB blocks.
 */
#include "unit.h"
#include "test_ext2_util.h"
#include <stdlib.h>
#include <string.h>

static struct ext2_fs fs;
static struct tx_disk disk;
static char src[512], img[512];

static void remount(void)
{
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
}

/* Unmounts, asks e2fsck, mounts again. */
static bool fsck_clean(void)
{
	bool ok = ext2_unmount(&fs) == 0;
	ok = tx_fsck(img) == 0 && ok;
	return ext2_mount(&fs, &disk.dev, 0) == 0 && ok;
}

/* Whether debugfs reads want at path (the image must be unmounted). */
static bool debugfs_reads(const char *path, const uint8_t *want, size_t len)
{
	uint8_t *got = malloc(len + 16);
	long n = tx_debugfs_cat(img, path, got, len + 16);
	bool ok = n == (long)len && memcmp(got, want, len) == 0;
	if (!ok)
		printf("# debugfs cat %s: %ld bytes, want %zu\n", path, n, len);
	free(got);
	return ok;
}

static bool reads(uint32_t ino, uint64_t offset, const uint8_t *want, size_t len)
{
	uint8_t *got = malloc(len + 1);
	bool ok = ext2_read(&fs, ino, offset, got, len + 1) == (int)len &&
		  memcmp(got, want, len) == 0;
	free(got);
	return ok;
}

static uint32_t free_blocks(void)
{
	struct ext2_statfs st;
	return ext2_statfs(&fs, &st) == 0 ? st.free_blocks : 0;
}

static uint32_t free_inodes(void)
{
	struct ext2_statfs st;
	return ext2_statfs(&fs, &st) == 0 ? st.free_inodes : 0;
}

static void written_files_read_back_everywhere(void)
{
	static uint8_t data[300 * 1024];
	uint32_t ino;
	tx_pattern(data, sizeof(data), 42, 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "written", 0644, 1000, 100, 0, &ino) == 0);
	size_t done = 0;
	while (done < sizeof(data)) {
		size_t n = sizeof(data) - done < 1000 ? sizeof(data) - done : 1000;
		CHECK(ext2_write(&fs, ino, done, data + done, n) == (int)n);
		done += n;
	}
	CHECK(reads(ino, 0, data, sizeof(data)));
	struct ext2_stat st;
	CHECK(ext2_stat(&fs, ino, &st) == 0 && st.size == sizeof(data) && st.uid == 1000 &&
	      st.gid == 100 && st.mode == (EXT2_S_IFREG | 0644) && st.nlink == 1);
	remount();
	CHECK(reads(tx_resolve(&fs, "written"), 0, data, sizeof(data)));
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(tx_fsck(img) == 0);
	CHECK(debugfs_reads("/written", data, sizeof(data)));
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
}

/* Whole blocks go straight to the device in runs (write_extent), around cached blocks too. */
static void whole_block_writes_in_runs(void)
{
	static uint8_t data[(2 << 20) + 4096];
	uint32_t ino;
	tx_pattern(data, sizeof(data), 77, 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "runs", 0644, 0, 0, 0, &ino) == 0);
	for (size_t done = 0; done < sizeof(data); done += 65536) {
		size_t n = sizeof(data) - done < 65536 ? sizeof(data) - done : 65536;
		CHECK(ext2_write(&fs, ino, done, data + done, n) == (int)n);
	}
	uint8_t one[16];
	CHECK(ext2_read(&fs, ino, 300 * 1024, one, sizeof(one)) == (int)sizeof(one));  /* now cached */
	memset(data + 256 * 1024, 'R', 128 * 1024);       /* a rewrite over that cached block */
	CHECK(ext2_write(&fs, ino, 256 * 1024, data + 256 * 1024, 128 * 1024) == 128 * 1024);
	CHECK(reads(ino, 0, data, sizeof(data)));
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(tx_fsck(img) == 0);
	CHECK(debugfs_reads("/runs", data, sizeof(data)));
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
	CHECK(reads(tx_resolve(&fs, "runs"), 0, data, sizeof(data)));
}

static void overwrite_and_extend_existing_files(void)
{
	static uint8_t big[300 * 1024], one[20000];
	uint32_t ino = tx_resolve(&fs, "big");
	tx_pattern(big, sizeof(big), 4, 0);
	memset(big + 5000, 'Z', 70000);
	CHECK(ext2_write(&fs, ino, 5000, big + 5000, 70000) == 70000);
	CHECK(reads(ino, 0, big, sizeof(big)));
	ino = tx_resolve(&fs, "one");
	tx_pattern(one, 1, 2, 0);
	tx_pattern(one + 1, sizeof(one) - 1, 9, 0);
	CHECK(ext2_write(&fs, ino, 1, one + 1, sizeof(one) - 1) == (int)sizeof(one) - 1);
	CHECK(reads(ino, 0, one, sizeof(one)));
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(tx_fsck(img) == 0);
	CHECK(debugfs_reads("/big", big, sizeof(big)));
	CHECK(debugfs_reads("/one", one, sizeof(one)));
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
}

static void sparse_writes_leave_holes(void)
{
	static uint8_t want[(5 << 20) + 3];
	uint32_t ino, before = free_blocks();
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "holey", 0600, 0, 0, 0, &ino) == 0);
	CHECK(ext2_write(&fs, ino, 5 << 20, "end", 3) == 3);
	CHECK(ext2_write(&fs, ino, 20000, "mid", 3) == 3);
	memset(want, 0, sizeof(want));
	static const uint8_t end[3] = { 'e', 'n', 'd' }, mid[3] = { 'm', 'i', 'd' };
	memcpy(want + (5 << 20), end, sizeof(end));
	memcpy(want + 20000, mid, sizeof(mid));
	CHECK(reads(ino, 0, want, sizeof(want)));
	/* two data blocks and at most four indirect ones */
	CHECK(before - free_blocks() <= 6);
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(tx_fsck(img) == 0);
	CHECK(debugfs_reads("/holey", want, sizeof(want)));
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
}

static void truncate_frees_blocks_and_zeroes_tails(void)
{
	static uint8_t data[300 * 1024];
	uint32_t ino, before = free_blocks();
	struct ext2_stat st;
	tx_pattern(data, sizeof(data), 7, 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "shrinking", 0644, 0, 0, 0, &ino) == 0);
	CHECK(ext2_write(&fs, ino, 0, data, sizeof(data)) == (int)sizeof(data));
	CHECK(ext2_truncate(&fs, ino, 100000) == 0);
	CHECK(reads(ino, 0, data, 100000));
	CHECK(ext2_truncate(&fs, ino, 5000) == 0);
	CHECK(ext2_truncate(&fs, ino, 70000) == 0);
	memset(data + 5000, 0, 65000);
	CHECK(reads(ino, 0, data, 70000));
	CHECK(fsck_clean());
	CHECK(ext2_truncate(&fs, ino, 0) == 0);
	CHECK(ext2_stat(&fs, ino, &st) == 0 && st.size == 0 && st.blocks == 0);
	CHECK(free_blocks() == before);
	CHECK(ext2_truncate(&fs, tx_resolve(&fs, "a"), 0) == -EISDIR);
	CHECK(ext2_truncate(&fs, tx_resolve(&fs, "sym_long"), 0) == -EINVAL);
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "shrinking", 0) == 0);
	CHECK(fsck_clean());
}

static void mkdir_create_unlink_rmdir(void)
{
	uint32_t d1, d2, f, ino, blocks = free_blocks(), inodes = free_inodes();
	struct ext2_stat st;
	CHECK(ext2_mkdir(&fs, EXT2_ROOT_INO, "d1", 0755, 0, 0, &d1) == 0);
	CHECK(ext2_mkdir(&fs, d1, "d2", 0700, 0, 0, &d2) == 0);
	CHECK(ext2_create(&fs, d2, "f", 0644, 0, 0, 0, &f) == 0);
	CHECK(ext2_write(&fs, f, 0, "hello", 5) == 5);
	CHECK(ext2_stat(&fs, d1, &st) == 0 && st.nlink == 3 && st.mode == (EXT2_S_IFDIR | 0755));
	CHECK(ext2_stat(&fs, EXT2_ROOT_INO, &st) == 0 && st.nlink == 7);
	CHECK(ext2_lookup(&fs, d2, "..", &ino) == 0 && ino == d1);
	CHECK(ext2_create(&fs, d2, "f", 0644, 0, 0, 0, &ino) == -EEXIST);
	CHECK(ext2_mkdir(&fs, d2, "f", 0644, 0, 0, &ino) == -EEXIST);
	CHECK(ext2_create(&fs, d2, ".", 0644, 0, 0, 0, &ino) == -EEXIST);
	CHECK(ext2_create(&fs, d2, "a/b", 0644, 0, 0, 0, &ino) == -EINVAL);
	CHECK(ext2_create(&fs, f, "x", 0644, 0, 0, 0, &ino) == -ENOTDIR);
	CHECK(ext2_rmdir(&fs, d1, "d2", 0) == -ENOTEMPTY);
	CHECK(ext2_unlink(&fs, d1, "d2", 0) == -EISDIR);
	CHECK(ext2_rmdir(&fs, d2, "f", 0) == -ENOTDIR);
	CHECK(ext2_unlink(&fs, d2, "nothing", 0) == -ENOENT);
	CHECK(fsck_clean());
	CHECK(ext2_unlink(&fs, d2, "f", 0) == 0);
	CHECK(ext2_lookup(&fs, d2, "f", &ino) == -ENOENT);
	CHECK(ext2_rmdir(&fs, d1, "d2", 0) == 0);
	CHECK(ext2_stat(&fs, d1, &st) == 0 && st.nlink == 2);
	CHECK(ext2_rmdir(&fs, EXT2_ROOT_INO, "d1", 0) == 0);
	CHECK(ext2_stat(&fs, EXT2_ROOT_INO, &st) == 0 && st.nlink == 6);
	CHECK(free_blocks() == blocks && free_inodes() == inodes);
	CHECK(fsck_clean());
}

static void big_directories_grow_and_shrink(void)
{
	uint32_t dir, ino;
	char name[64];
	CHECK(ext2_mkdir(&fs, EXT2_ROOT_INO, "crowd", 0755, 0, 0, &dir) == 0);
	for (int i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "a_rather_long_file_name_number_%d", i);
		CHECK(ext2_create(&fs, dir, name, 0644, 0, 0, 0, &ino) == 0);
	}
	for (int i = 0; i < 500; i += 2) {
		snprintf(name, sizeof(name), "a_rather_long_file_name_number_%d", i);
		CHECK(ext2_unlink(&fs, dir, name, 0) == 0);
	}
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		CHECK(ext2_create(&fs, dir, name, 0644, 0, 0, 0, &ino) == 0);
	}
	CHECK(fsck_clean());
	dir = tx_resolve(&fs, "crowd");
	CHECK(ext2_lookup(&fs, dir, "a_rather_long_file_name_number_499", &ino) == 0);
	CHECK(ext2_lookup(&fs, dir, "a_rather_long_file_name_number_498", &ino) == -ENOENT);
	/* the big directory mke2fs made, changed in place */
	uint32_t many = tx_resolve(&fs, "many");
	CHECK(ext2_unlink(&fs, many, "entry_000", 0) == 0);
	CHECK(ext2_unlink(&fs, many, "entry_150", 0) == 0);
	CHECK(ext2_create(&fs, many, "newcomer", 0644, 0, 0, 0, &ino) == 0);
	CHECK(fsck_clean());
}

static void device_nodes_and_fifos(void)
{
	uint32_t chr, blk, fifo, big;
	struct ext2_stat st;
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "tty0", EXT2_S_IFCHR | 0620, 0, 5, 0x0401, &chr) == 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "sda", EXT2_S_IFBLK | 0660, 0, 6, 0x0800, &blk) == 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "wide", EXT2_S_IFCHR | 0600, 0, 0, 0x12345, &big) == 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "pipe", EXT2_S_IFIFO | 0644, 0, 0, 0, &fifo) == 0);
	CHECK(ext2_stat(&fs, chr, &st) == 0 && st.rdev == 0x0401 && st.mode == (EXT2_S_IFCHR | 0620));
	CHECK(ext2_stat(&fs, blk, &st) == 0 && st.rdev == 0x0800 && st.gid == 6);
	CHECK(ext2_stat(&fs, big, &st) == 0 && st.rdev == 0x12345);
	CHECK(ext2_stat(&fs, fifo, &st) == 0 && st.rdev == 0 && (st.mode & EXT2_S_IFMT) == EXT2_S_IFIFO);
	CHECK(ext2_write(&fs, fifo, 0, "x", 1) == -EINVAL);
	uint32_t ino;
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "dir", EXT2_S_IFDIR | 0755, 0, 0, 0, &ino) == -EINVAL);
	CHECK(fsck_clean());
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "wide", 0) == 0);
	CHECK(fsck_clean());
}

static void setattr_changes_what_stat_shows(void)
{
	uint32_t ino = tx_resolve(&fs, "indirect");
	struct ext2_attr attr = { .mask = EXT2_ATTR_MODE | EXT2_ATTR_UID | EXT2_ATTR_GID |
					  EXT2_ATTR_ATIME | EXT2_ATTR_MTIME,
				  .mode = 04711, .uid = 70000, .gid = 80000,
				  .atime = 1234, .mtime = 5678 };
	struct ext2_stat st;
	disk.clock = 1760000000u;
	CHECK(ext2_setattr(&fs, ino, &attr) == 0);
	CHECK(ext2_stat(&fs, ino, &st) == 0);
	CHECK(st.mode == (EXT2_S_IFREG | 04711) && st.uid == 70000 && st.gid == 80000);
	CHECK(st.atime == 1234 && st.mtime == 5678 && st.ctime == 1760000000u);
	CHECK(fsck_clean());
}

static void deferred_free_waits_for_release(void)
{
	uint32_t ino, blocks = free_blocks(), inodes = free_inodes();
	struct ext2_stat st;
	uint8_t data[9000];
	tx_pattern(data, sizeof(data), 3, 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "open", 0644, 0, 0, 0, &ino) == 0);
	CHECK(ext2_write(&fs, ino, 0, data, sizeof(data)) == (int)sizeof(data));
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "open", EXT2_DEFER_FREE) == 0);
	CHECK(ext2_stat(&fs, ino, &st) == 0 && st.nlink == 0 && st.size == sizeof(data));
	CHECK(reads(ino, 0, data, sizeof(data)));
	CHECK(free_inodes() == inodes - 1);
	CHECK(ext2_release(&fs, ino) == 0);
	CHECK(ext2_stat(&fs, ino, &st) == -ENOENT);
	CHECK(ext2_release(&fs, ino) == -ENOENT);
	CHECK(free_blocks() == blocks && free_inodes() == inodes);
	/* a file with links left is not freed by release */
	CHECK(ext2_release(&fs, tx_resolve(&fs, "big")) == 0);
	CHECK(ext2_stat(&fs, tx_resolve(&fs, "big"), &st) == 0 && st.nlink == 1);
	CHECK(fsck_clean());
}

static void run_on(unsigned block_size)
{
	printf("# block size %u\n", block_size);
	CHECK(tx_mkfs(img, block_size, "-N 2048", src, 16384) == 0);
	CHECK(tx_open(&disk, img) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
	RUN(written_files_read_back_everywhere);
	RUN(whole_block_writes_in_runs);
	RUN(overwrite_and_extend_existing_files);
	RUN(sparse_writes_leave_holes);
	RUN(truncate_frees_blocks_and_zeroes_tails);
	RUN(mkdir_create_unlink_rmdir);
	RUN(big_directories_grow_and_shrink);
	RUN(device_nodes_and_fifos);
	RUN(setattr_changes_what_stat_shows);
	RUN(deferred_free_waits_for_release);
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(disk.log_lines == 0);
	tx_close(&disk);
}

int main(void)
{
	tx_path(src, sizeof(src), "src");
	tx_path(img, sizeof(img), "write.img");
	tx_make_tree(src);
	run_on(1024);
	run_on(4096);
	tx_cleanup();
	return unit_summary();
}
