/*
 * Corrupt images: each test makes a fresh image, breaks one structure with
 * pwrite, and checks that the library answers -EIO (or refuses the mount
 * with -EINVAL/-EIO) and logs a line, without crashing (ASan, UBSan) or
 * hanging (the CTest timeout).
 */
#include "unit.h"
#include "test_ext2_util.h"
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static struct ext2_fs fs;
static struct tx_disk disk;
static char src[512], img[512];
static struct ext2_super_block sb;
static uint32_t block_size;

static void peek(uint64_t offset, void *buf, size_t len)
{
	memset(buf, 0, len);
	int fd = open(img, O_RDONLY);
	CHECK(fd >= 0 && pread(fd, buf, len, (off_t)offset) == (ssize_t)len);
	close(fd);
}

static void poke(uint64_t offset, const void *buf, size_t len)
{
	int fd = open(img, O_WRONLY);
	CHECK(fd >= 0 && pwrite(fd, buf, len, (off_t)offset) == (ssize_t)len);
	close(fd);
}

static void poke32(uint64_t offset, uint32_t value)
{
	poke(offset, &value, sizeof(value));
}

static void poke16(uint64_t offset, uint16_t value)
{
	poke(offset, &value, sizeof(value));
}

/* A fresh image of the standard tree; sb and block_size describe it. */
static void fresh_image(void)
{
	CHECK(tx_mkfs(img, 1024, "-N 1024", src, 8192) == 0);
	peek(EXT2_SUPER_OFFSET, &sb, sizeof(sb));
	block_size = 1024u << sb.s_log_block_size;
}

static uint64_t inode_offset(uint32_t ino)
{
	struct ext2_group_desc gd;
	if (sb.s_inodes_per_group == 0)
		return 0;
	uint32_t group = (ino - 1) / sb.s_inodes_per_group;
	peek((uint64_t)(sb.s_first_data_block + 1) * block_size + group * sizeof(gd), &gd, sizeof(gd));
	return (uint64_t)gd.bg_inode_table * block_size +
	       (uint64_t)((ino - 1) % sb.s_inodes_per_group) * sb.s_inode_size;
}

static void read_inode(uint32_t ino, struct ext2_inode *inode)
{
	peek(inode_offset(ino), inode, sizeof(*inode));
}

static void write_inode(uint32_t ino, const struct ext2_inode *inode)
{
	poke(inode_offset(ino), inode, sizeof(*inode));
}

/* Mounts the image and finds path (0 if either fails). */
static uint32_t mount_and_resolve(const char *path)
{
	CHECK(tx_open(&disk, img) == 0);
	if (ext2_mount(&fs, &disk.dev, 0) < 0)
		return 0;
	return tx_resolve(&fs, path);
}

/* Inode of path in the unbroken image, found by a mount that leaves it clean. */
static uint32_t ino_of(const char *path)
{
	uint32_t ino = mount_and_resolve(path);
	CHECK(ext2_unmount(&fs) == 0);
	tx_close(&disk);
	return ino;
}

static void done(void)
{
	if (fs.mounted)
		(void)ext2_unmount(&fs);
	tx_close(&disk);
}

/* Mount fails with want and says why. */
static void mount_fails(int want)
{
	CHECK(tx_open(&disk, img) == 0);
	int r = ext2_mount(&fs, &disk.dev, 0);
	CHECK(r == want);
	CHECK(disk.log_lines > 0);
	done();
}

static void bad_superblocks_refuse_the_mount(void)
{
	fresh_image();
	poke16(EXT2_SUPER_OFFSET + 56, 0x1234);                 /* s_magic */
	mount_fails(-EINVAL);
	fresh_image();
	poke32(EXT2_SUPER_OFFSET + 76, 2);                      /* s_rev_level */
	mount_fails(-EINVAL);
	fresh_image();
	poke32(EXT2_SUPER_OFFSET + 96, sb.s_feature_incompat | 0x40);   /* extents */
	mount_fails(-EINVAL);
	CHECK(strstr(disk.last_log, "incompatible") != NULL);
	fresh_image();
	poke32(EXT2_SUPER_OFFSET + 24, 7);                      /* s_log_block_size */
	mount_fails(-EIO);
	fresh_image();
	poke32(EXT2_SUPER_OFFSET + 32, 0);                      /* s_blocks_per_group */
	mount_fails(-EIO);
	fresh_image();
	poke32(EXT2_SUPER_OFFSET + 0, sb.s_inodes_count + 8);   /* s_inodes_count */
	mount_fails(-EIO);
	fresh_image();
	poke16(EXT2_SUPER_OFFSET + 88, 100);                    /* s_inode_size */
	mount_fails(-EIO);
	fresh_image();
	poke32(EXT2_SUPER_OFFSET + 4, 3);                       /* s_blocks_count */
	mount_fails(-EIO);
}

static void bad_group_descriptors_refuse_the_mount(void)
{
	uint64_t gdt = (uint64_t)(sb.s_first_data_block + 1) * block_size;
	fresh_image();
	poke32(gdt + 8, sb.s_blocks_count - 2);                 /* bg_inode_table */
	mount_fails(-EIO);
	fresh_image();
	poke32(gdt + 0, 999999);                                /* bg_block_bitmap */
	mount_fails(-EIO);
	fresh_image();
	poke16(gdt + 12, 60000);                                /* bg_free_blocks_count */
	mount_fails(-EIO);
}

static void unknown_ro_compat_features_mount_read_only(void)
{
	fresh_image();
	poke32(EXT2_SUPER_OFFSET + 100, sb.s_feature_ro_compat | 0x10);   /* gdt_csum */
	uint32_t one = mount_and_resolve("one");
	char c;
	CHECK(one != 0 && fs.read_only);
	CHECK(ext2_read(&fs, one, 0, &c, 1) == 1);
	CHECK(ext2_write(&fs, one, 0, "x", 1) == -EROFS);
	CHECK(disk.log_lines == 1);
	done();
}

/* Byte offset of the entry named name in directory block block, or 0. */
static uint64_t entry_offset(uint32_t block, const char *name)
{
	uint8_t buf[EXT2_MAX_BLOCK_SIZE];
	peek((uint64_t)block * block_size, buf, block_size);
	for (uint32_t off = 0; off + 8 <= block_size;) {
		const struct ext2_dir_entry *e = (const void *)(buf + off);
		if (e->name_len == strlen(name) && memcmp(e->name, name, e->name_len) == 0)
			return (uint64_t)block * block_size + off;
		if (e->rec_len < 8)
			break;
		off += e->rec_len;
	}
	return 0;
}

static uint32_t root_block(void)
{
	struct ext2_inode root;
	read_inode(EXT2_ROOT_INO, &root);
	return root.i_block[0];
}

static int count_entries(void *arg, const char *name, size_t len, uint32_t ino, unsigned type)
{
	(void)name, (void)len, (void)ino, (void)type;
	++*(int *)arg;
	return 0;
}

/* Lookup, readdir and create in the root all fail with -EIO and a log line. */
static void root_is_unusable(void)
{
	uint32_t ino;
	uint64_t cookie = 0;
	int n = 0;
	CHECK(tx_open(&disk, img) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, "nothing", &ino) == -EIO);
	CHECK(ext2_readdir(&fs, EXT2_ROOT_INO, &cookie, count_entries, &n) == -EIO && n == 0);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "new", 0644, 0, 0, 0, &ino) == -EIO);
	CHECK(disk.log_lines > 0 && strstr(disk.last_log, "directory 2") != NULL);
	done();
}

static void bad_directory_entries_give_eio(void)
{
	fresh_image();
	poke16(entry_offset(root_block(), ".") + 4, 0);         /* rec_len 0 */
	root_is_unusable();
	fresh_image();
	poke16(entry_offset(root_block(), "..") + 4, (uint16_t)(block_size + 100));
	root_is_unusable();
	fresh_image();
	poke16(entry_offset(root_block(), ".") + 4, 13);        /* not 4-aligned */
	root_is_unusable();
	fresh_image();
	uint8_t len = 200;
	poke(entry_offset(root_block(), ".") + 6, &len, 1);     /* name_len > rec_len */
	root_is_unusable();
	fresh_image();
	poke32(entry_offset(root_block(), "one"), sb.s_inodes_count + 5);
	root_is_unusable();
}

static void entry_naming_a_free_inode_gives_eio(void)
{
	uint32_t ino;
	fresh_image();
	poke32(entry_offset(root_block(), "one"), sb.s_inodes_count - 1);
	CHECK(mount_and_resolve("big") != 0);
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, "one", &ino) == -EIO);
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "one", 0) == -EIO);
	done();
}

static void bad_block_pointers_give_eio(void)
{
	struct ext2_inode inode;
	char buf[100];
	fresh_image();
	uint32_t ino = ino_of("indirect");
	read_inode(ino, &inode);
	inode.i_block[EXT2_IND_BLOCK] = 999999;
	write_inode(ino, &inode);
	CHECK(mount_and_resolve("indirect") == ino);
	CHECK(ext2_read(&fs, ino, 0, buf, sizeof(buf)) == sizeof(buf));
	CHECK(ext2_read(&fs, ino, 12ull * 1024, buf, sizeof(buf)) == -EIO);
	CHECK(strstr(disk.last_log, "block 999999 out of range") != NULL);
	CHECK(ext2_write(&fs, ino, 12ull * 1024, "x", 1) == -EIO);
	CHECK(ext2_truncate(&fs, ino, 0) == -EIO);
	done();
	/* a double indirect block that lists itself */
	fresh_image();
	ino = ino_of("big");
	read_inode(ino, &inode);
	uint32_t dind = inode.i_block[EXT2_DIND_BLOCK];
	poke32((uint64_t)dind * block_size, dind);
	CHECK(mount_and_resolve("big") == ino);
	CHECK(ext2_read(&fs, ino, 280ull * 1024, buf, sizeof(buf)) == sizeof(buf));
	CHECK(ext2_truncate(&fs, ino, 0) == -EIO);
	CHECK(ext2_unlink(&fs, EXT2_ROOT_INO, "big", 0) == -EIO);
	done();
}

static void directory_cycles_are_detected(void)
{
	uint32_t p, q, ino;
	fresh_image();
	CHECK(tx_open(&disk, img) == 0);
	CHECK(ext2_mount(&fs, &disk.dev, 0) == 0);
	CHECK(ext2_mkdir(&fs, EXT2_ROOT_INO, "p", 0755, 0, 0, &p) == 0);
	CHECK(ext2_mkdir(&fs, p, "q", 0755, 0, 0, &q) == 0);
	CHECK(ext2_unmount(&fs) == 0);
	tx_close(&disk);
	struct ext2_inode inode;
	read_inode(p, &inode);
	poke32(entry_offset(inode.i_block[0], ".."), q);        /* p's parent is q */
	CHECK(mount_and_resolve("a") != 0);
	CHECK(ext2_rename(&fs, EXT2_ROOT_INO, "a", q, "a", 0) == -EIO);
	CHECK(strstr(disk.last_log, "cycle") != NULL);
	CHECK(ext2_lookup(&fs, EXT2_ROOT_INO, "a", &ino) == 0);
	done();
}

static void huge_sizes_give_eio(void)
{
	struct ext2_inode inode;
	struct ext2_stat st;
	uint64_t cookie = 0;
	char buf[16];
	int n = 0;
	fresh_image();
	uint32_t one = ino_of("one"), many = ino_of("many"), sym = ino_of("sym_long");
	read_inode(one, &inode);
	inode.i_size_high = 0x10000;
	write_inode(one, &inode);
	read_inode(many, &inode);
	inode.i_size = 0xFFFFFC00u;
	write_inode(many, &inode);
	read_inode(sym, &inode);
	inode.i_size = 5000;
	write_inode(sym, &inode);
	CHECK(mount_and_resolve("big") != 0);
	CHECK(ext2_stat(&fs, one, &st) == -EIO);
	CHECK(ext2_read(&fs, one, 0, buf, 1) == -EIO);
	CHECK(ext2_lookup(&fs, many, "no_such_entry", &one) == -EIO);
	CHECK(ext2_readdir(&fs, many, &cookie, count_entries, &n) == -EIO);
	CHECK(ext2_readlink(&fs, sym, buf, sizeof(buf)) == -EIO);
	done();
}

static void directory_with_a_hole_gives_eio(void)
{
	struct ext2_inode inode;
	uint64_t cookie = 0;
	int n = 0;
	fresh_image();
	uint32_t many = ino_of("many");
	read_inode(many, &inode);
	inode.i_block[1] = 0;
	write_inode(many, &inode);
	CHECK(mount_and_resolve("big") != 0);
	CHECK(ext2_readdir(&fs, many, &cookie, count_entries, &n) == -EIO);
	CHECK(strstr(disk.last_log, "hole") != NULL);
	done();
}

static void bad_modes_give_eio(void)
{
	struct ext2_inode inode;
	struct ext2_stat st;
	fresh_image();
	uint32_t one = ino_of("one");
	read_inode(one, &inode);
	inode.i_mode = 0xF1A4;
	write_inode(one, &inode);
	CHECK(mount_and_resolve("big") != 0);
	CHECK(ext2_stat(&fs, one, &st) == -EIO);
	done();
}

static void corrupt_bitmaps_are_not_trusted(void)
{
	struct ext2_group_desc gd;
	uint8_t zeros[EXT2_MAX_BLOCK_SIZE] = { 0 }, ones[EXT2_MAX_BLOCK_SIZE];
	uint32_t ino;
	memset(ones, 0xFF, sizeof(ones));
	fresh_image();
	peek((uint64_t)(sb.s_first_data_block + 1) * block_size, &gd, sizeof(gd));
	poke((uint64_t)gd.bg_block_bitmap * block_size, zeros, block_size);
	poke((uint64_t)gd.bg_inode_bitmap * block_size, ones, block_size);
	CHECK(mount_and_resolve("one") != 0);
	CHECK(ext2_write(&fs, tx_resolve(&fs, "empty"), 0, "x", 1) == -EIO);
	CHECK(ext2_create(&fs, EXT2_ROOT_INO, "new", 0644, 0, 0, 0, &ino) == -EIO);
	done();
}

static int failing_read(void *ctx, uint64_t offset, void *buf, size_t len)
{
	(void)ctx, (void)offset, (void)buf, (void)len;
	return -EIO;
}

static void device_errors_give_eio(void)
{
	fresh_image();
	CHECK(tx_open(&disk, img) == 0);
	struct ext2_device dev = disk.dev;
	dev.read = failing_read;
	CHECK(ext2_mount(&fs, &dev, 0) == -EIO);
	CHECK(disk.log_lines == 1);
	done();
}

int main(void)
{
	tx_path(src, sizeof(src), "src");
	tx_path(img, sizeof(img), "corrupt.img");
	tx_make_tree(src);
	fresh_image();
	RUN(bad_superblocks_refuse_the_mount);
	RUN(bad_group_descriptors_refuse_the_mount);
	RUN(unknown_ro_compat_features_mount_read_only);
	RUN(bad_directory_entries_give_eio);
	RUN(entry_naming_a_free_inode_gives_eio);
	RUN(bad_block_pointers_give_eio);
	RUN(directory_cycles_are_detected);
	RUN(huge_sizes_give_eio);
	RUN(directory_with_a_hole_gives_eio);
	RUN(bad_modes_give_eio);
	RUN(corrupt_bitmaps_are_not_trusted);
	RUN(device_errors_give_eio);
	tx_cleanup();
	return unit_summary();
}
