/*
 * Mounting: the superblock and group descriptors are checked before anything
 * else is trusted, and the geometry derived from them is kept in struct
 * ext2_fs. Also the group descriptor accessors every allocator uses, statfs,
 * sync and unmount, and the log helpers.
 */
#include "internal.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ext2_log(struct ext2_fs *fs, const char *fmt, ...)
{
	char line[EXT2_LOG_LINE_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (fs->dev.log)
		fs->dev.log(fs->dev.ctx, line);
}

/* Logs a malformed on-disk structure and marks the file system as having errors. */
void ext2_report(struct ext2_fs *fs, const char *fmt, ...)
{
	char line[EXT2_LOG_LINE_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (fs->dev.log)
		fs->dev.log(fs->dev.ctx, line);
	fs->errors = true;
}

uint32_t ext2_now(struct ext2_fs *fs)
{
	return fs->dev.now ? fs->dev.now(fs->dev.ctx) : 0;
}

/* Data and metadata blocks live in [meta_end, s_blocks_count). */
bool ext2_block_in_range(const struct ext2_fs *fs, uint32_t block)
{
	return block >= fs->meta_end && block < fs->sb.s_blocks_count;
}

uint32_t ext2_group_first_block(const struct ext2_fs *fs, uint32_t group)
{
	return fs->sb.s_first_data_block + group * fs->sb.s_blocks_per_group;
}

/* The last group may be shorter than the others. */
uint32_t ext2_group_block_count(const struct ext2_fs *fs, uint32_t group)
{
	uint32_t first = ext2_group_first_block(fs, group);
	uint32_t left = fs->sb.s_blocks_count - first;
	return left < fs->sb.s_blocks_per_group ? left : fs->sb.s_blocks_per_group;
}

uint32_t ext2_group_of_inode(const struct ext2_fs *fs, uint32_t ino)
{
	return (ino - 1) / fs->sb.s_inodes_per_group;
}

static int group_buf(struct ext2_fs *fs, uint32_t group, struct ext2_buf **buf,
		     struct ext2_group_desc **gd)
{
	uint32_t block = fs->sb.s_first_data_block + 1 + group / fs->desc_per_block;
	int r = ext2_cache_read(fs, block, buf);
	if (r != 0)
		return r;
	*gd = (struct ext2_group_desc *)(*buf)->data + group % fs->desc_per_block;
	return 0;
}

int ext2_group_read(struct ext2_fs *fs, uint32_t group, struct ext2_group_desc *gd)
{
	struct ext2_buf *buf;
	struct ext2_group_desc *p;
	int r = group_buf(fs, group, &buf, &p);
	if (r != 0)
		return r;
	*gd = *p;
	ext2_cache_release(fs, buf);
	return 0;
}

static bool add_checked(uint16_t *field, int delta, uint32_t max)
{
	int32_t v = (int32_t)*field + delta;
	if (v < 0 || (uint32_t)v > max)
		return false;
	*field = (uint16_t)v;
	return true;
}

/* Moves a group's (and the superblock's) free and directory counts. */
int ext2_group_adjust(struct ext2_fs *fs, uint32_t group, int blocks, int inodes, int dirs)
{
	struct ext2_buf *buf;
	struct ext2_group_desc *gd;
	int r = group_buf(fs, group, &buf, &gd);
	if (r != 0)
		return r;
	struct ext2_group_desc copy = *gd;
	if (!add_checked(&copy.bg_free_blocks_count, blocks, ext2_group_block_count(fs, group)) ||
	    !add_checked(&copy.bg_free_inodes_count, inodes, fs->sb.s_inodes_per_group) ||
	    !add_checked(&copy.bg_used_dirs_count, dirs, fs->sb.s_inodes_per_group)) {
		ext2_cache_release(fs, buf);
		return ext2_corrupt(fs, "ext2: group %u: counts out of range", group);
	}
	*gd = copy;
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	fs->sb.s_free_blocks_count += (uint32_t)blocks;
	fs->sb.s_free_inodes_count += (uint32_t)inodes;
	return 0;
}

static int check_features(struct ext2_fs *fs, unsigned flags)
{
	const struct ext2_super_block *sb = &fs->sb;
	if (sb->s_rev_level == 0)
		return 0;
	uint32_t incompat = sb->s_feature_incompat & ~(uint32_t)EXT2_INCOMPAT_SUPPORTED;
	if (incompat) {
		ext2_log(fs, "ext2: unsupported incompatible features 0x%x", incompat);
		return -EINVAL;
	}
	uint32_t ro = sb->s_feature_ro_compat & ~(uint32_t)EXT2_RO_COMPAT_SUPPORTED;
	if (ro && !(flags & EXT2_MOUNT_RDONLY))
		ext2_log(fs, "ext2: read-only compatible features 0x%x: mounting read-only", ro);
	fs->read_only = (flags & EXT2_MOUNT_RDONLY) || ro;
	fs->filetype = sb->s_feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE;
	return 0;
}

static bool is_power_of_two(uint32_t v)
{
	return v && !(v & (v - 1));
}

static uint32_t log2_of(uint32_t v)
{
	uint32_t n = 0;
	while (v > 1) {
		v >>= 1;
		n++;
	}
	return n;
}

/* The geometry: block size, group counts, inode size. */
static int check_geometry(struct ext2_fs *fs)
{
	const struct ext2_super_block *sb = &fs->sb;
	if (sb->s_log_block_size > 2)
		return ext2_corrupt(fs, "ext2: unsupported block size 1024<<%u", sb->s_log_block_size);
	fs->block_size = 1024u << sb->s_log_block_size;
	fs->block_shift = 10 + sb->s_log_block_size;
	uint32_t bits = fs->block_size * 8;
	fs->inode_size = sb->s_rev_level ? sb->s_inode_size : EXT2_GOOD_OLD_INODE_SIZE;
	fs->first_ino = sb->s_rev_level ? sb->s_first_ino : EXT2_GOOD_OLD_FIRST_INO;
	if (sb->s_blocks_per_group == 0 || sb->s_blocks_per_group > bits ||
	    sb->s_inodes_per_group == 0 || sb->s_inodes_per_group > bits ||
	    sb->s_first_data_block != (fs->block_size == 1024 ? 1u : 0u) ||
	    sb->s_blocks_count <= sb->s_first_data_block + 1)
		return ext2_corrupt(fs, "ext2: superblock: bad group geometry");
	if (!is_power_of_two(fs->inode_size) || fs->inode_size < EXT2_GOOD_OLD_INODE_SIZE ||
	    fs->inode_size > fs->block_size)
		return ext2_corrupt(fs, "ext2: superblock: bad inode size %u", fs->inode_size);
	fs->groups = (sb->s_blocks_count - sb->s_first_data_block - 1) / sb->s_blocks_per_group + 1;
	uint64_t inodes = (uint64_t)fs->groups * sb->s_inodes_per_group;
	if (sb->s_inodes_count == 0 || sb->s_inodes_count != inodes ||
	    fs->first_ino < EXT2_ROOT_INO + 1 || fs->first_ino >= sb->s_inodes_count)
		return ext2_corrupt(fs, "ext2: superblock: bad inode counts");
	fs->desc_per_block = fs->block_size / sizeof(struct ext2_group_desc);
	uint32_t gdt_blocks = (fs->groups + fs->desc_per_block - 1) / fs->desc_per_block;
	fs->meta_end = sb->s_first_data_block + 1 + gdt_blocks;
	if (fs->meta_end >= sb->s_blocks_count)
		return ext2_corrupt(fs, "ext2: superblock: group descriptors past the end");
	fs->ptrs_per_block = fs->block_size / 4;
	fs->ptr_shift = log2_of(fs->ptrs_per_block);
	return 0;
}

/* Largest file the block map (and, without large_file, 31 bits) can hold. */
static void set_max_size(struct ext2_fs *fs)
{
	uint64_t p = fs->ptrs_per_block;
	uint64_t blocks = EXT2_N_DIRECT + p + p * p + p * p * p;
	uint64_t max = blocks << fs->block_shift;
	uint64_t limit = (uint64_t)1 << 41;    /* i_blocks counts 2^32 sectors */
	if (!(fs->sb.s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE))
		limit = 0x7FFFFFFF;
	fs->max_size = max < limit ? max : limit;
}

static int check_group(struct ext2_fs *fs, uint32_t g, const struct ext2_group_desc *gd)
{
	uint64_t itable_blocks = ((uint64_t)fs->sb.s_inodes_per_group * fs->inode_size +
				  fs->block_size - 1) >> fs->block_shift;
	if (!ext2_block_in_range(fs, gd->bg_block_bitmap) || !ext2_block_in_range(fs, gd->bg_inode_bitmap) ||
	    !ext2_block_in_range(fs, gd->bg_inode_table) ||
	    gd->bg_inode_table + itable_blocks > fs->sb.s_blocks_count)
		return ext2_corrupt(fs, "ext2: group %u: metadata block out of range", g);
	if (gd->bg_free_blocks_count > ext2_group_block_count(fs, g) ||
	    gd->bg_free_inodes_count > fs->sb.s_inodes_per_group ||
	    gd->bg_used_dirs_count > fs->sb.s_inodes_per_group)
		return ext2_corrupt(fs, "ext2: group %u: counts out of range", g);
	return 0;
}

/* Checks every group; the superblock's free counts become their sums. */
static int check_groups(struct ext2_fs *fs)
{
	uint32_t free_blocks = 0, free_inodes = 0;
	for (uint32_t g = 0; g < fs->groups; g++) {
		struct ext2_group_desc gd;
		int r = ext2_group_read(fs, g, &gd);
		if (r != 0)
			return r;
		r = check_group(fs, g, &gd);
		if (r != 0)
			return r;
		free_blocks += gd.bg_free_blocks_count;
		free_inodes += gd.bg_free_inodes_count;
	}
	fs->sb.s_free_blocks_count = free_blocks;
	fs->sb.s_free_inodes_count = free_inodes;
	return 0;
}

static int write_super(struct ext2_fs *fs)
{
	int r = fs->dev.write(fs->dev.ctx, EXT2_SUPER_OFFSET, &fs->sb, sizeof(fs->sb));
	if (r < 0) {
		ext2_log(fs, "ext2: write error %d on the superblock", r);
		return -EIO;
	}
	return 0;
}

static int read_super(struct ext2_fs *fs)
{
	int r = fs->dev.read(fs->dev.ctx, EXT2_SUPER_OFFSET, &fs->sb, sizeof(fs->sb));
	if (r < 0) {
		ext2_log(fs, "ext2: read error %d on the superblock", r);
		return -EIO;
	}
	if (fs->sb.s_magic != EXT2_MAGIC) {
		ext2_log(fs, "ext2: bad magic 0x%04x", fs->sb.s_magic);
		return -EINVAL;
	}
	if (fs->sb.s_rev_level > 1) {
		ext2_log(fs, "ext2: unsupported revision %u", fs->sb.s_rev_level);
		return -EINVAL;
	}
	return 0;
}

/* A read-write mount marks the file system in use until ext2_unmount. */
static int mark_mounted(struct ext2_fs *fs)
{
	if (!(fs->sb.s_state & EXT2_VALID_FS))
		ext2_log(fs, "ext2: mounting a file system that was not cleanly unmounted");
	if (fs->sb.s_state & EXT2_ERROR_FS)
		ext2_log(fs, "ext2: mounting a file system with errors");
	fs->sb.s_state &= (uint16_t)~EXT2_VALID_FS;
	fs->sb.s_mnt_count++;
	fs->sb.s_mtime = ext2_now(fs);
	return write_super(fs);
}

int ext2_mount(struct ext2_fs *fs, const struct ext2_device *dev, unsigned flags)
{
	memset(fs, 0, sizeof(*fs));
	fs->dev = *dev;
	if (!dev->read || !dev->write)
		return -EINVAL;
	int r = read_super(fs);
	if (r == 0)
		r = check_features(fs, flags);
	if (r == 0)
		r = check_geometry(fs);
	if (r != 0)
		return r;
	set_max_size(fs);
	ext2_cache_init(fs);
	r = check_groups(fs);
	if (r == 0 && !fs->read_only)
		r = mark_mounted(fs);
	if (r != 0)
		return r;
	fs->errors = false;
	fs->mounted = true;
	return 0;
}

int ext2_sync(struct ext2_fs *fs)
{
	if (!fs->mounted)
		return -EINVAL;
	if (fs->read_only)
		return 0;
	int r = ext2_cache_flush(fs);
	if (fs->errors)
		fs->sb.s_state |= EXT2_ERROR_FS;
	fs->sb.s_wtime = ext2_now(fs);
	int w = write_super(fs);
	return r < 0 ? r : w;
}

int ext2_unmount(struct ext2_fs *fs)
{
	if (!fs->mounted)
		return -EINVAL;
	if (!fs->read_only)
		fs->sb.s_state |= EXT2_VALID_FS;
	int r = ext2_sync(fs);
	fs->mounted = false;
	return r;
}

int ext2_statfs(struct ext2_fs *fs, struct ext2_statfs *st)
{
	if (!fs->mounted)
		return -EINVAL;
	const struct ext2_super_block *sb = &fs->sb;
	st->block_size = fs->block_size;
	st->blocks = sb->s_blocks_count;
	st->free_blocks = sb->s_free_blocks_count;
	st->avail_blocks = sb->s_free_blocks_count > sb->s_r_blocks_count ?
			   sb->s_free_blocks_count - sb->s_r_blocks_count : 0;
	st->inodes = sb->s_inodes_count;
	st->free_inodes = sb->s_free_inodes_count;
	st->name_max = EXT2_NAME_MAX;
	return 0;
}
