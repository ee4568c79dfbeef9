/*
 * rename, link and symlink: POSIX rename semantics (replacing a target of
 * the same kind, moving directories with their "..", refusing to move a
 * directory below itself), hard links and both kinds of symlinks. Every
 * sequence ends with e2fsck -fn on the unmounted image. Runs on 1 KiB and
 * 4 KiB blocks.
 */
#include "unit.h"
#include "test_ext2_util.h"
#include <string.h>

static struct ext2_fs fs;
static struct tx_disk disk;
static char src[512], img[512];

static bool fsck_clean(void)
{
	bool ok = ext2_unmount(&fs) == 0;
	ok = tx_fsck(img) == 0 && ok;
	return ext2_mount(&fs, &disk.dev, 0) == 0 && ok;
}

static uint32_t nlink(uint32_t ino)
{
	struct ext2_stat st;
	return ext2_stat(&fs, ino, &st) == 0 ? st.nlink : 0;
}

static uint32_t free_inodes(void)
{
	struct ext2_statfs st;
	return ext2_statfs(&fs, &st) == 0 ? st.free_inodes : 0;
}

static uint32_t free_blocks(void)
{
	struct ext2_statfs st;
	return ext2_statfs(&fs, &st) == 0 ? st.free_blocks : 0;
}

static void rename_files(void)
{
	uint32_t one = tx_resolve(&fs, "one"), a = tx_resolve(&fs, "a"), ino;
	uint32_t inodes = free_inodes();
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "one", EXT2_ROOT_INO, "uno", 0) == 0);
	CHECK(tx_resolve(&fs, "one") == 0 && tx_resolve(&fs, "uno") == one);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "uno", a, "moved", 0) == 0);
	CHECK(tx_resolve(&fs, "a/moved") == one && nlink(one) == 1);
	/* over an existing file: the target's inode goes */
	uint32_t empty = tx_resolve(&fs, "empty");
	CHECK(ext2_rename(&fs, a, "moved", EXT2_ROOT_INO, "empty", 0) == 0);
	CHECK(tx_resolve(&fs, "empty") == one && tx_resolve(&fs, "a/moved") == 0);
	CHECK(ext2_stat(&fs, empty, &(struct ext2_stat){ 0 }) == -ENOENT);
	CHECK(free_inodes() == inodes + 1);
	/* two names of one file: nothing happens */
	CHECK(ext2_rename(&fs, tx_resolve(&fs, "links"), "hard1", EXT2_ROOT_INO, "indirect", 0) == 0);
	CHECK(tx_resolve(&fs, "links/hard1") != 0 && nlink(tx_resolve(&fs, "indirect")) == 3);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "nothing", a, "x", 0) == -ENOENT);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "empty", a, "b", 0) == -EISDIR);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "empty", a, "..", 0) == -EINVAL);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "empty", one, "x", 0) == -ENOTDIR);
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, "empty", &ino) == 0 && ino == one);
	CHECK(fsck_clean());
}

static void rename_directories(void)
{
	uint32_t root_links = nlink(EXT2_ROOT_INO), a = tx_resolve(&fs, "a");
	uint32_t b = tx_resolve(&fs, "a/b"), c = tx_resolve(&fs, "a/b/c"), ino, x, y;
	/* up: a/b/c becomes /c; '..' and both parents' counts follow */
	CHECK(ext2_rename(&fs, b, "c", EXT2_ROOT_INO, "c", 0) == 0);
	CHECK(ext2_lookup(&fs, c, "..", &ino) == 0 && ino == EXT2_ROOT_INO);
	CHECK(nlink(EXT2_ROOT_INO) == root_links + 1 && nlink(b) == 2);
	CHECK(tx_resolve(&fs, "c/deep.txt") != 0);
	/* into its own subtree, or onto itself */
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "a", b, "a", 0) == -EINVAL);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "a", a, "a", 0) == -EINVAL);
	/* over an empty directory, a non-empty one, a file */
	CHECK(ext2_mkdir(&fs, EXT2_ROOT_INO, "x", 0755, 0, 0, &x) == 0);
	CHECK(ext2_mkdir(&fs, a, "y", 0755, 0, 0, &y) == 0);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "c", EXT2_ROOT_INO, "a", 0) == -ENOTEMPTY);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "c", EXT2_ROOT_INO, "big", 0) == -ENOTDIR);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "c", a, "y", 0) == 0);
	CHECK(tx_resolve(&fs, "a/y") == c && tx_resolve(&fs, "c") == 0);
	CHECK(ext2_stat(&fs, y, &(struct ext2_stat){ 0 }) == -ENOENT);
	CHECK(nlink(a) == 4 && nlink(EXT2_ROOT_INO) == root_links + 1);
	/* same parent, over an empty directory */
	CHECK(ext2_rename(&fs, a, "b", EXT2_ROOT_INO, "x", 0) == 0);
	CHECK(nlink(EXT2_ROOT_INO) == root_links + 1 && nlink(a) == 3);
	CHECK(ext2_lookup(&fs, b, "..", &ino) == 0 && ino == EXT2_ROOT_INO);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "x", EXT2_ROOT_INO, "x2", 0) == 0);
	CHECK(nlink(EXT2_ROOT_INO) == root_links + 1);
	CHECK(fsck_clean());
}

static void hard_links(void)
{
	uint32_t big = tx_resolve(&fs, "big"), a = tx_resolve(&fs, "a");
	uint8_t want[1000], got[1000];
	tx_pattern(want, sizeof(want), 4, 0);
	CHECK(ext2_link(&fs, big, a, "big_too") == 0);
	CHECK(nlink(big) == 2 && tx_resolve(&fs, "a/big_too") == big);
	CHECK(ext2_link(&fs, big, a, "big_too") == -EEXIST);
	CHECK(ext2_link(&fs, a, EXT2_ROOT_INO, "a_again") == -EPERM);
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "big", 0) == 0);
	CHECK(nlink(big) == 1);
	CHECK(ext2_read(&fs, big, 0, got, sizeof(got)) == (int)sizeof(got));
	CHECK(memcmp(got, want, sizeof(got)) == 0);
	CHECK(fsck_clean());
}

static void symlinks_fast_and_slow(void)
{
	char target[1000], buf[1000];
	uint32_t ino, blocks = free_blocks();
	memset(target, 'q', sizeof(target) - 1);
	target[sizeof(target) - 1] = 0;
	CHECK(ext2_symlink(&fs, EXT2_ROOT_INO, "s59", "23456789012345678901234567890123456789012345678901234567890",
			   0, 0, &ino) == 0);
	CHECK(ext2_readlink(&fs, ino, buf, sizeof(buf)) == 59 && free_blocks() == blocks);
	CHECK(ext2_symlink(&fs, EXT2_ROOT_INO, "s60", "123456789012345678901234567890123456789012345678901234567890",
			   0, 0, &ino) == 0);
	CHECK(ext2_readlink(&fs, ino, buf, sizeof(buf)) == 60 && free_blocks() == blocks - 1);
	CHECK(ext2_symlink(&fs, EXT2_ROOT_INO, "s999", target, 0, 0, &ino) == 0);
	CHECK(ext2_readlink(&fs, ino, buf, sizeof(buf)) == 999 && memcmp(buf, target, 999) == 0);
	CHECK(ext2_symlink(&fs, EXT2_ROOT_INO, "s999", "x", 0, 0, &ino) == -EEXIST);
	CHECK(ext2_symlink(&fs, EXT2_ROOT_INO, "empty_target", "", 0, 0, &ino) == -ENOENT);
	struct ext2_stat st;
	CHECK(ext2_stat(&fs, ino, &st) == 0 && st.mode == (EXT2_S_IFLNK | 0777) && st.size == 999);
	CHECK(fsck_clean());
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "s60", 0) == 0);
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "s999", 0) == 0);
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "s59", 0) == 0);
	CHECK(free_blocks() == blocks);
	CHECK(fsck_clean());
}

static void run_on(unsigned block_size)
{
	printf("# block size %u\n", block_size);
	CHECK(tx_mkfs(img, block_size, "-N 1024", src, 8192) == 0);
	CHECK(tx_open(&disk, img) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
	RUN(rename_files);
	RUN(rename_directories);
	RUN(hard_links);
	RUN(symlinks_fast_and_slow);
	CHECK(ext2_unmount(&fs) == 0);
	CHECK(disk.log_lines == 0);
	tx_close(&disk);
}

int main(void)
{
	tx_path(src, sizeof(src), "src");
	tx_path(img, sizeof(img), "namei.img");
	tx_make_tree(src);
	run_on(1024);
	run_on(4096);
	tx_cleanup();
	return unit_summary();
}
