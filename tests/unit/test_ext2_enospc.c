/*
 * Running out of space: writes until the blocks are gone, creates until the
 * inodes are gone, and operations that need a block on a full disk. Each
 * must fail with -ENOSPC without leaking what it had taken, leave an image
 * e2fsck calls clean, and give all the space back when the files go.
 */
#include "unit.h"
#include "test_ext2_util.h"
#include <string.h>

static struct ext2_fs fs;
static struct tx_disk disk;
static char img[512];

static bool fsck_clean(void)
{
	bool ok = ext2_unmount(&fs) == 0;
	ok = tx_fsck(img) == 0 && ok;
	return ext2_mount(&fs, &disk.dev, 0) == 0 && ok;
}

static struct ext2_statfs space(void)
{
	struct ext2_statfs st;
	memset(&st, 0, sizeof(st));
	CHECK(ext2_statfs(&fs, &st) == 0);
	return st;
}

/* Writes 50 KiB pieces round-robin into files until a write comes up short. */
static int fill_with_files(void)
{
	static uint8_t chunk[50 * 1024];
	uint32_t inos[16];
	char name[16];
	int files = 0, r = 0;
	tx_pattern(chunk, sizeof(chunk), 5, 0);
	for (int i = 0; i < 16; i++) {
		snprintf(name, sizeof(name), "fill%d", i);
		CHECK(ext2_create(&fs, EXT2_ROOT_INO, name, 0644, 0, 0, 0, &inos[i]) == 0);
		files++;
	}
	for (uint64_t round = 0; round < 1000; round++) {
		r = ext2_write(&fs, inos[round % 16], (round / 16) * sizeof(chunk), chunk, sizeof(chunk));
		if (r != (int)sizeof(chunk))
			break;
	}
	CHECK(r == -ENOSPC || (r >= 0 && r < (int)sizeof(chunk)));
	if (r >= 0)   /* a short write: the next one has nothing left */
		CHECK(ext2_write(&fs, inos[0], 1u << 24, chunk, 1) == -ENOSPC);
	return files;
}

static void empty_all(int files)
{
	char name[16];
	for (int i = 0; i < files; i++) {
		snprintf(name, sizeof(name), "fill%d", i);
		CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, name, 0) == 0);
	}
}

static void writes_fill_the_disk_and_space_comes_back(void)
{
	struct ext2_statfs before = space();
	int files = fill_with_files();
	CHECK(space().free_blocks < 4);
	CHECK(fsck_clean());
	empty_all(files);
	CHECK(space().free_blocks == before.free_blocks);
	CHECK(space().free_inodes == before.free_inodes);
	CHECK(fsck_clean());
}

static void full_disk_refuses_new_blocks_without_leaks(void)
{
	uint32_t ino, dir;
	int files = fill_with_files();
	/* eat the last few blocks with a fresh file, one block at a time */
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "crumbs", 0644, 0, 0, 0, &ino) == 0);
	for (uint32_t i = 0; i < 64 && space().free_blocks; i++)
		(void)ext2_write(&fs, ino, (uint64_t)i * fs.block_size, "c", 1);
	CHECK(space().free_blocks == 0);
	struct ext2_statfs full = space();
	CHECK(ext2_mkdir(&fs, EXT2_ROOT_INO, "newdir", 0755, 0, 0, &dir) == -ENOSPC);
	CHECK(ext2_symlink(&fs, EXT2_ROOT_INO, "slow",
			   "a target long enough not to fit in the inode itself, so it needs a block",
			   0, 0, &ino) == -ENOSPC);
	CHECK(space().free_inodes == full.free_inodes);
	/* fill the root directory's blocks, then one more name needs a block */
	int r = 0;
	char name[64];
	for (int i = 0; i < 1000 && r == 0; i++) {
		snprintf(name, sizeof(name), "a_long_name_to_fill_the_directory_block_%04d", i);
		r = ext2_create(&fs, EXT2_ROOT_INO, name, 0644, 0, 0, 0, &ino);
	}
	CHECK(r == -ENOSPC);
	CHECK(fsck_clean());
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "a_long_name_to_fill_the_directory_block_%04d", i);
		if (ext2_unlink(&fs, EXT2_ROOT_INO, name, 0) < 0)
			break;
	}
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "crumbs", 0) == 0);
	empty_all(files);
	CHECK(fsck_clean());
}

static void creates_use_up_the_inodes_and_they_come_back(void)
{
	struct ext2_statfs before = space();
	uint32_t ino;
	char name[32];
	int made = 0, r = 0;
	while (r == 0 && made < 100000) {
		snprintf(name, sizeof(name), "i%d", made);
		r = ext2_create(&fs, EXT2_ROOT_INO, name, 0644, 0, 0, 0, &ino);
		made += r == 0;
	}
	CHECK(r == -ENOSPC);
	CHECK(space().free_inodes == 0);
	CHECK(ext2_mkdir(&fs, EXT2_ROOT_INO, "d", 0755, 0, 0, &ino) == -ENOSPC);
	CHECK(fsck_clean());
	for (int i = 0; i < made; i++) {
		snprintf(name, sizeof(name), "i%d", i);
		CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, name, 0) == 0);
	}
	CHECK(space().free_inodes == before.free_inodes);
	CHECK(fsck_clean());
}

static void run_on(unsigned block_size, unsigned size_kib)
{
	printf("# block size %u\n", block_size);
	CHECK(tx_mkfs(img, block_size, "-N 128 -m 0", NULL, size_kib) == 0);
	CHECK(tx_open(&disk, img) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
	RUN(writes_fill_the_disk_and_space_comes_back);
	RUN(full_disk_refuses_new_blocks_without_leaks);
	RUN(creates_use_up_the_inodes_and_they_come_back);
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(disk.log_lines == 0);
	tx_close(&disk);
}

int main(void)
{
	tx_path(img, sizeof(img), "enospc.img");
	run_on(1024, 2048);
	run_on(4096, 4096);
	tx_cleanup();
	return unit_summary();
}
