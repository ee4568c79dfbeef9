/*
 * Inodes: where they live in the inode tables, reading and writing them as
 * copies, their sizes and owners, and the block map (12 direct blocks, then
 * single, double and triple indirect blocks), with allocation for writes and
 * freeing for truncation. Every block number read from an inode or an
 * indirect block is checked against the device before it is used.
 */
#include "internal.h"
#include <string.h>

#define SECTORS(fs) ((fs)->block_size >> 9)

static bool ino_in_range(const struct ext2_fs *fs, uint32_t ino)
{
	return ino >= 1 && ino <= fs->sb.s_inodes_count;
}

/* Pins the inode table block holding ino; *offset is the inode's offset in it. */
static int inode_buf(struct ext2_fs *fs, uint32_t ino, struct ext2_buf **buf, uint32_t *offset)
{
	if (!ino_in_range(fs, ino))
		return ext2_corrupt(fs, "ext2: inode %u out of range", ino);
	struct ext2_group_desc gd;
	int r = ext2_group_read(fs, ext2_group_of_inode(fs, ino), &gd);
	if (r != 0)
		return r;
	uint32_t byte = ((ino - 1) % fs->sb.s_inodes_per_group) * fs->inode_size;
	uint32_t block = gd.bg_inode_table + (byte >> fs->block_shift);
	if (!ext2_block_in_range(fs, gd.bg_inode_table) || !ext2_block_in_range(fs, block))
		return ext2_corrupt(fs, "ext2: inode %u: inode table block %u out of range", ino, block);
	*offset = byte & (fs->block_size - 1);
	return ext2_cache_read(fs, block, buf);
}

int ext2_inode_read(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode)
{
	struct ext2_buf *buf;
	uint32_t offset;
	int r = inode_buf(fs, ino, &buf, &offset);
	if (r != 0)
		return r;
	memcpy(inode, buf->data + offset, sizeof(*inode));
	ext2_cache_release(fs, buf);
	return 0;
}

/* Writes the first 128 bytes; the rest of a large inode (xattrs) stays. */
int ext2_inode_write(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *inode)
{
	struct ext2_buf *buf;
	uint32_t offset;
	int r = inode_buf(fs, ino, &buf, &offset);
	if (r != 0)
		return r;
	memcpy(buf->data + offset, inode, sizeof(*inode));
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	return 0;
}

/* Writes a new inode over the whole slot, clearing what a former one left. */
int ext2_inode_init(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *inode)
{
	struct ext2_buf *buf;
	uint32_t offset;
	int r = inode_buf(fs, ino, &buf, &offset);
	if (r != 0)
		return r;
	memset(buf->data + offset, 0, fs->inode_size);
	memcpy(buf->data + offset, inode, sizeof(*inode));
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	return 0;
}

static bool mode_valid(uint16_t mode)
{
	switch (mode & EXT2_S_IFMT) {
	case EXT2_S_IFREG: case EXT2_S_IFDIR: case EXT2_S_IFLNK: case EXT2_S_IFCHR:
	case EXT2_S_IFBLK: case EXT2_S_IFIFO: case EXT2_S_IFSOCK:
		return true;
	default:
		return false;
	}
}

/*
 * Reads an inode named by the library's caller (-EINVAL if there can be no
 * such inode, -ENOENT if it is free) and checks what every operation relies
 * on: a known file type and a size the block map can hold.
 */
int ext2_inode_get(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode)
{
	if (!fs->mounted || !ino_in_range(fs, ino))
		return -EINVAL;
	int r = ext2_inode_read(fs, ino, inode);
	if (r != 0)
		return r;
	/* free: never used, or deleted (an open-unlinked inode has no dtime yet) */
	if (inode->i_links_count == 0 && (inode->i_mode == 0 || inode->i_dtime))
		return -ENOENT;
	if (!mode_valid(inode->i_mode))
		return ext2_corrupt(fs, "ext2: inode %u: bad mode 0%o", ino, inode->i_mode);
	if (ext2_inode_size(inode) > fs->max_size)
		return ext2_corrupt(fs, "ext2: inode %u: size %llu too large", ino,
				    (unsigned long long)ext2_inode_size(inode));
	return 0;
}

uint64_t ext2_inode_size(const struct ext2_inode *inode)
{
	uint64_t size = inode->i_size;
	if ((inode->i_mode & EXT2_S_IFMT) == EXT2_S_IFREG)
		size |= (uint64_t)inode->i_size_high << 32;
	return size;
}

void ext2_inode_set_size(struct ext2_inode *inode, uint64_t size)
{
	inode->i_size = (uint32_t)size;
	if ((inode->i_mode & EXT2_S_IFMT) == EXT2_S_IFREG)
		inode->i_size_high = (uint32_t)(size >> 32);
}

uint32_t ext2_inode_uid(const struct ext2_inode *inode)
{
	return inode->i_uid | (uint32_t)inode->i_uid_high << 16;
}

uint32_t ext2_inode_gid(const struct ext2_inode *inode)
{
	return inode->i_gid | (uint32_t)inode->i_gid_high << 16;
}

void ext2_inode_set_owner(struct ext2_inode *inode, uint32_t uid, uint32_t gid)
{
	inode->i_uid = (uint16_t)uid;
	inode->i_uid_high = (uint16_t)(uid >> 16);
	inode->i_gid = (uint16_t)gid;
	inode->i_gid_high = (uint16_t)(gid >> 16);
}

/* A symlink whose target sits in i_block: it owns no data block. */
bool ext2_inode_is_fast_symlink(const struct ext2_fs *fs, const struct ext2_inode *inode)
{
	uint32_t acl = inode->i_file_acl ? SECTORS(fs) : 0;
	return (inode->i_mode & EXT2_S_IFMT) == EXT2_S_IFLNK && inode->i_blocks == acl;
}

/* Whether i_block holds block numbers (not a device number or a target). */
bool ext2_inode_has_blocks(const struct ext2_inode *inode)
{
	uint16_t type = inode->i_mode & EXT2_S_IFMT;
	return type == EXT2_S_IFREG || type == EXT2_S_IFDIR || type == EXT2_S_IFLNK;
}

unsigned ext2_mode_to_ftype(uint16_t mode)
{
	switch (mode & EXT2_S_IFMT) {
	case EXT2_S_IFREG: return EXT2_FT_REG_FILE;
	case EXT2_S_IFDIR: return EXT2_FT_DIR;
	case EXT2_S_IFCHR: return EXT2_FT_CHRDEV;
	case EXT2_S_IFBLK: return EXT2_FT_BLKDEV;
	case EXT2_S_IFIFO: return EXT2_FT_FIFO;
	case EXT2_S_IFSOCK: return EXT2_FT_SOCK;
	case EXT2_S_IFLNK: return EXT2_FT_SYMLINK;
	default: return EXT2_FT_UNKNOWN;
	}
}

/*
 * The path to logical block lblock: path[0] indexes i_block, path[1..] the
 * indirect blocks below it. Returns the number of levels, or -EFBIG.
 */
static int block_path(const struct ext2_fs *fs, uint32_t lblock, uint32_t path[4])
{
	uint32_t p = fs->ptrs_per_block, s = fs->ptr_shift, mask = p - 1;
	if (lblock < EXT2_N_DIRECT) {
		path[0] = lblock;
		return 1;
	}
	lblock -= EXT2_N_DIRECT;
	if (lblock < p) {
		path[0] = EXT2_IND_BLOCK;
		path[1] = lblock;
		return 2;
	}
	lblock -= p;
	if (lblock < p << s) {
		path[0] = EXT2_DIND_BLOCK;
		path[1] = lblock >> s;
		path[2] = lblock & mask;
		return 3;
	}
	lblock -= p << s;
	if ((lblock >> s >> s) >= p)
		return -EFBIG;
	path[0] = EXT2_TIND_BLOCK;
	path[1] = lblock >> s >> s;
	path[2] = (lblock >> s) & mask;
	path[3] = lblock & mask;
	return 4;
}

static int check_block(struct ext2_fs *fs, uint32_t ino, uint32_t block)
{
	if (block && !ext2_block_in_range(fs, block))
		return ext2_corrupt(fs, "ext2: inode %u: block %u out of range", ino, block);
	return 0;
}

/* Reads entry index of indirect block `block`. */
static int read_ptr(struct ext2_fs *fs, uint32_t ino, uint32_t block, uint32_t index,
		    uint32_t *value)
{
	struct ext2_buf *buf;
	int r = check_block(fs, ino, block);
	if (r == 0)
		r = ext2_cache_read(fs, block, &buf);
	if (r != 0)
		return r;
	*value = ((const uint32_t *)buf->data)[index];
	ext2_cache_release(fs, buf);
	return check_block(fs, ino, *value);
}

/*
 * Follows the path for lblock. *block is the data block or 0 for a hole;
 * *missing counts the blocks (indirect ones included) that a write there
 * would have to allocate.
 */
static int walk(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *inode,
		const uint32_t *path, int depth, uint32_t *block, int *missing)
{
	uint32_t b = inode->i_block[path[0]];
	int r = check_block(fs, ino, b);
	for (int level = 1; r == 0 && level < depth && b; level++)
		r = read_ptr(fs, ino, b, path[level], &b);
	if (r != 0)
		return r;
	*block = b;
	*missing = 0;
	if (b == 0) {
		/* count the levels from the first zero pointer down */
		uint32_t c = inode->i_block[path[0]];
		int level = 0;
		while (c && ++level < depth)
			(void)read_ptr(fs, ino, c, path[level], &c);
		*missing = depth - level;
	}
	return 0;
}

int ext2_inode_map(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
	      uint32_t lblock, uint32_t *block)
{
	uint32_t path[4];
	int missing;
	int depth = block_path(fs, lblock, path);
	if (depth < 0) {
		*block = 0;
		return 0;
	}
	return walk(fs, ino, inode, path, depth, block, &missing);
}

/* Allocates one block for inode (counted in i_blocks); indirect ones are zeroed. */
static int alloc_for(struct ext2_fs *fs, struct ext2_inode *inode, uint32_t goal,
		     bool indirect, uint32_t *block)
{
	if (inode->i_blocks > UINT32_MAX - SECTORS(fs))
		return -EFBIG;
	int r = ext2_block_alloc(fs, goal, block);
	if (r != 0)
		return r;
	inode->i_blocks += SECTORS(fs);
	if (indirect) {
		struct ext2_buf *buf;
		r = ext2_cache_zero(fs, *block, &buf);
		if (r != 0)
			return r;
		ext2_cache_release(fs, buf);
	}
	return 0;
}

/* Sets entry index of indirect block `block` to a new block if it is zero. */
static int fill_ptr(struct ext2_fs *fs, struct ext2_inode *inode, uint32_t block,
		    uint32_t index, uint32_t goal, bool indirect, uint32_t *value)
{
	struct ext2_buf *buf;
	int r = ext2_cache_read(fs, block, &buf);
	if (r != 0)
		return r;
	uint32_t *slot = (uint32_t *)buf->data + index;
	if (*slot == 0) {
		r = alloc_for(fs, inode, goal, indirect, slot);
		if (r == 0)
			ext2_cache_dirty(buf);
	}
	*value = *slot;
	ext2_cache_release(fs, buf);
	return r;
}

/*
 * Maps lblock, allocating it and any missing indirect blocks near goal. The
 * caller writes the inode back. *fresh says the data block is new: its
 * contents are undefined until the caller fills it (ext2_cache_zero).
 */
int ext2_inode_map_alloc(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		    uint32_t lblock, uint32_t goal, uint32_t *block, bool *fresh)
{
	uint32_t path[4];
	int missing;
	int depth = block_path(fs, lblock, path);
	if (depth < 0)
		return -EFBIG;
	int r = walk(fs, ino, inode, path, depth, block, &missing);
	*fresh = false;
	if (r != 0 || *block)
		return r;
	/* check for space first, so a failure leaves no half-built branch */
	if (fs->sb.s_free_blocks_count < (uint32_t)missing)
		return -ENOSPC;
	if (goal == 0)
		goal = ext2_group_first_block(fs, ext2_group_of_inode(fs, ino));
	uint32_t *top = &inode->i_block[path[0]];
	if (*top == 0)
		r = alloc_for(fs, inode, goal, depth > 1, top);
	uint32_t b = *top;
	for (int level = 1; r == 0 && level < depth; level++)
		r = fill_ptr(fs, inode, b, path[level], goal, level < depth - 1, &b);
	if (r != 0)
		return r;
	*block = b;
	*fresh = true;
	return 0;
}

static int release_block(struct ext2_fs *fs, struct ext2_inode *inode, uint32_t *slot)
{
	int r = ext2_block_free(fs, *slot);
	if (r != 0)
		return r;
	*slot = 0;
	inode->i_blocks = inode->i_blocks >= SECTORS(fs) ? inode->i_blocks - SECTORS(fs) : 0;
	return 0;
}

/*
 * Frees what *slot maps at or after logical block first: the subtree of
 * `level` levels of indirection covering logical blocks from base. The
 * indirect block itself goes when all it maps goes.
 */
static int free_tree(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		     uint32_t *slot, unsigned level, uint64_t base, uint64_t first)
{
	if (*slot == 0)
		return 0;
	int r = check_block(fs, ino, *slot);
	if (r < 0 || level == 0)
		return r < 0 || base < first ? r : release_block(fs, inode, slot);
	uint64_t span = (uint64_t)1 << (fs->ptr_shift * (level - 1));
	struct ext2_buf *buf;
	r = ext2_cache_read(fs, *slot, &buf);
	if (r != 0)
		return r;
	for (uint32_t i = 0; r == 0 && i < fs->ptrs_per_block; i++) {
		uint64_t child = base + i * span;
		uint32_t *entry = (uint32_t *)buf->data + i;
		if (child + span <= first || *entry == 0)
			continue;
		r = free_tree(fs, ino, inode, entry, level - 1, child, first);
		ext2_cache_dirty(buf);
	}
	ext2_cache_release(fs, buf);
	if (r < 0 || base < first)
		return r;
	return release_block(fs, inode, slot);
}

/* Frees every block mapping logical blocks from first on. */
int ext2_inode_free_from(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode, uint32_t first)
{
	uint64_t p = fs->ptrs_per_block;
	uint64_t base[EXT2_N_BLOCKS];
	int r = 0;
	for (unsigned i = 0; i < EXT2_N_DIRECT; i++)
		base[i] = i;
	base[EXT2_IND_BLOCK] = EXT2_N_DIRECT;
	base[EXT2_DIND_BLOCK] = EXT2_N_DIRECT + p;
	base[EXT2_TIND_BLOCK] = EXT2_N_DIRECT + p + p * p;
	for (unsigned i = 0; r == 0 && i < EXT2_N_BLOCKS; i++) {
		unsigned level = i < EXT2_N_DIRECT ? 0 : i - EXT2_N_DIRECT + 1;
		r = free_tree(fs, ino, inode, &inode->i_block[i], level, base[i], first);
	}
	return r;
}

/* Drops the inode's reference to its extended attribute block. */
static int free_xattr(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode)
{
	uint32_t block = inode->i_file_acl;
	struct ext2_buf *buf;
	int r = check_block(fs, ino, block);
	if (r == 0)
		r = ext2_cache_read(fs, block, &buf);
	if (r != 0)
		return r;
	uint32_t *header = (uint32_t *)buf->data;
	bool last = false;
	if (header[0] != EXT2_XATTR_MAGIC || header[1] == 0)
		r = ext2_corrupt(fs, "ext2: inode %u: bad xattr block %u", ino, block);
	else if (header[1] == 1)
		last = true;
	else
		header[1]--;
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	if (r == 0 && last)
		r = release_block(fs, inode, &inode->i_file_acl);
	inode->i_file_acl = 0;
	return r;
}

/* Frees an inode with no links left: its blocks, then the inode itself. */
int ext2_inode_drop(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode)
{
	int r = 0;
	if (ext2_inode_has_blocks(inode) && !ext2_inode_is_fast_symlink(fs, inode))
		r = ext2_inode_free_from(fs, ino, inode, 0);
	if (r == 0 && inode->i_file_acl)
		r = free_xattr(fs, ino, inode);
	bool is_dir = (inode->i_mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
	inode->i_links_count = 0;
	inode->i_dtime = ext2_now(fs);
	if (inode->i_dtime == 0)
		inode->i_dtime = 1;     /* 0 would mean "in use" to e2fsck */
	ext2_inode_set_size(inode, 0);
	int w = ext2_inode_write(fs, ino, inode);
	if (r == 0)
		r = w;
	return r == 0 ? ext2_inode_free(fs, ino, is_dir) : r;
}
