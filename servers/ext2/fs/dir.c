/*
 * Directories: linear lists of variable-length entries (struct
 * ext2_dir_entry) that never cross a block. Every block is checked whole
 * before any entry in it is used (rec_len at least 8 and 4-aligned, inside
 * the block, big enough for the name; inode numbers in range), so a zero or
 * oversized rec_len can neither loop nor read past the buffer. Lookups,
 * adding and removing entries, readdir, the emptiness check for rmdir.
 *
 * Entries are added in the first gap big enough (splitting a used entry's
 * slack) or in a new block at the end; removal merges an entry into its
 * predecessor. A directory with a hashed index is kept usable by the linear
 * format that the index blocks also follow, and its index flag is dropped on
 * the first change, as Linux's ext2 does.
 */
#include "internal.h"
#include <string.h>

#define ENTRY(buf, off) ((struct ext2_dir_entry *)((buf)->data + (off)))

/* A name for a new entry: 1..255 bytes without '/'; "." and ".." exist already. */
int ext2_name_check(const char *name, size_t *len)
{
	size_t n = 0;
	while (n <= EXT2_NAME_MAX && name[n])
		n++;
	if (n == 0)
		return -ENOENT;
	if (n > EXT2_NAME_MAX)
		return -ENAMETOOLONG;
	if (strchr(name, '/'))
		return -EINVAL;
	*len = n;
	return 0;
}

/* The directory's size must be a whole, non-zero number of blocks. */
int ext2_dir_check(struct ext2_fs *fs, uint32_t dir, const struct ext2_inode *dirinode)
{
	if ((dirinode->i_mode & EXT2_S_IFMT) != EXT2_S_IFDIR)
		return -ENOTDIR;
	if (dirinode->i_size == 0 || (dirinode->i_size & (fs->block_size - 1)))
		return ext2_corrupt(fs, "ext2: directory %u: bad size %u", dir, dirinode->i_size);
	return 0;
}

static uint32_t dir_blocks(const struct ext2_fs *fs, const struct ext2_inode *dirinode)
{
	return dirinode->i_size >> fs->block_shift;
}

static int check_block(struct ext2_fs *fs, uint32_t dir, uint32_t lblock, const struct ext2_buf *buf)
{
	uint32_t off = 0;
	while (off < fs->block_size) {
		const struct ext2_dir_entry *e = ENTRY(buf, off);
		uint32_t left = fs->block_size - off;
		if (left < EXT2_DIR_ENTRY_HEADER || e->rec_len < EXT2_DIR_ENTRY_HEADER ||
		    (e->rec_len & 3) || e->rec_len > left ||
		    EXT2_DIR_ENTRY_HEADER + e->name_len > e->rec_len ||
		    e->inode > fs->sb.s_inodes_count)
			return ext2_corrupt(fs, "ext2: directory %u: bad entry at block %u offset %u",
					    dir, lblock, off);
		off += e->rec_len;
	}
	return 0;
}

/* Pins directory block lblock after checking all of its entries. */
static int dir_block(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		     uint32_t lblock, struct ext2_buf **buf)
{
	uint32_t block;
	int r = ext2_inode_map(fs, dir, dirinode, lblock, &block);
	if (r != 0)
		return r;
	if (block == 0)
		return ext2_corrupt(fs, "ext2: directory %u: hole at block %u", dir, lblock);
	r = ext2_cache_read(fs, block, buf);
	if (r != 0)
		return r;
	r = check_block(fs, dir, lblock, *buf);
	if (r < 0)
		ext2_cache_release(fs, *buf);
	return r;
}

/* Offset of the entry named name in a checked block, or -1. */
static int32_t find_in_block(const struct ext2_fs *fs, const struct ext2_buf *buf,
			     const char *name, size_t len)
{
	for (uint32_t off = 0; off < fs->block_size; off += ENTRY(buf, off)->rec_len) {
		const struct ext2_dir_entry *e = ENTRY(buf, off);
		if (e->inode && e->name_len == len && memcmp(e->name, name, len) == 0)
			return (int32_t)off;
	}
	return -1;
}

int ext2_dir_find(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	     const char *name, size_t len, struct dir_hit *hit)
{
	for (uint32_t lblock = 0; lblock < dir_blocks(fs, dirinode); lblock++) {
		struct ext2_buf *buf;
		int r = dir_block(fs, dir, dirinode, lblock, &buf);
		if (r != 0)
			return r;
		int32_t off = find_in_block(fs, buf, name, len);
		if (off >= 0) {
			hit->ino = ENTRY(buf, off)->inode;
			hit->lblock = lblock;
			hit->offset = (uint32_t)off;
		}
		ext2_cache_release(fs, buf);
		if (off >= 0)
			return 0;
	}
	return -ENOENT;
}

/* Records a change to the directory: times, index flag, the inode itself. */
static int dir_touch(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode)
{
	dirinode->i_mtime = dirinode->i_ctime = ext2_now(fs);
	dirinode->i_flags &= ~(uint32_t)EXT2_INDEX_FL;
	return ext2_inode_write(fs, dir, dirinode);
}

static void fill_entry(struct ext2_fs *fs, struct ext2_dir_entry *e, const char *name,
		       size_t len, uint32_t ino, uint16_t mode)
{
	e->inode = ino;
	e->name_len = (uint8_t)len;
	e->file_type = fs->filetype ? (uint8_t)ext2_mode_to_ftype(mode) : 0;
	memcpy(e->name, name, len);
}

/* Puts the entry in a gap of a checked block; false if none is big enough. */
static bool add_in_block(struct ext2_fs *fs, struct ext2_buf *buf, const char *name,
			 size_t len, uint32_t ino, uint16_t mode)
{
	uint32_t need = EXT2_DIR_REC_LEN(len);
	for (uint32_t off = 0; off < fs->block_size; off += ENTRY(buf, off)->rec_len) {
		struct ext2_dir_entry *e = ENTRY(buf, off);
		uint32_t used = e->inode ? EXT2_DIR_REC_LEN(e->name_len) : 0;
		if (e->rec_len < used + need)
			continue;
		if (used) {
			struct ext2_dir_entry *next = ENTRY(buf, off + used);
			next->rec_len = (uint16_t)(e->rec_len - used);
			e->rec_len = (uint16_t)used;
			e = next;
		}
		fill_entry(fs, e, name, len, ino, mode);
		ext2_cache_dirty(buf);
		return true;
	}
	return false;
}

/* Grows the directory by one block holding just the new entry. */
static int add_block(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		     const char *name, size_t len, uint32_t ino, uint16_t mode)
{
	uint32_t lblock = dir_blocks(fs, dirinode);
	uint32_t block;
	bool fresh;
	struct ext2_buf *buf;
	if (dirinode->i_size > UINT32_MAX - fs->block_size)
		return -EFBIG;
	int r = ext2_inode_map_alloc(fs, dir, dirinode, lblock, 0, &block, &fresh);
	if (r == 0 && !fresh)
		r = ext2_corrupt(fs, "ext2: directory %u: block %u past its end", dir, lblock);
	if (r == 0)
		r = ext2_cache_zero(fs, block, &buf);
	if (r != 0) {
		(void)ext2_inode_write(fs, dir, dirinode);   /* keep what was allocated */
		return r;
	}
	struct ext2_dir_entry *e = ENTRY(buf, 0);
	e->rec_len = (uint16_t)fs->block_size;
	fill_entry(fs, e, name, len, ino, mode);
	ext2_cache_release(fs, buf);
	dirinode->i_size += fs->block_size;
	return 0;
}

/* Adds name -> ino; the caller has checked that name is not there yet. */
int ext2_dir_add(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	    const char *name, size_t len, uint32_t ino, uint16_t mode)
{
	for (uint32_t lblock = 0; lblock < dir_blocks(fs, dirinode); lblock++) {
		struct ext2_buf *buf;
		int r = dir_block(fs, dir, dirinode, lblock, &buf);
		if (r != 0)
			return r;
		bool added = add_in_block(fs, buf, name, len, ino, mode);
		ext2_cache_release(fs, buf);
		if (added)
			return dir_touch(fs, dir, dirinode);
	}
	int r = add_block(fs, dir, dirinode, name, len, ino, mode);
	return r < 0 ? r : dir_touch(fs, dir, dirinode);
}

/* Pins the block of a hit and checks the entry is still what was found. */
static int hit_block(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		     const struct dir_hit *hit, struct ext2_buf **buf)
{
	int r = dir_block(fs, dir, dirinode, hit->lblock, buf);
	if (r != 0)
		return r;
	for (uint32_t off = 0; off < fs->block_size; off += ENTRY(*buf, off)->rec_len) {
		if (off == hit->offset && ENTRY(*buf, off)->inode == hit->ino)
			return 0;
	}
	ext2_cache_release(fs, *buf);
	return -ENOENT;
}

int ext2_dir_remove(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	       const struct dir_hit *hit)
{
	struct ext2_buf *buf;
	int r = hit_block(fs, dir, dirinode, hit, &buf);
	if (r != 0)
		return r;
	struct ext2_dir_entry *prev = NULL;
	for (uint32_t off = 0; off < hit->offset; off += ENTRY(buf, off)->rec_len)
		prev = ENTRY(buf, off);
	struct ext2_dir_entry *e = ENTRY(buf, hit->offset);
	if (prev)
		prev->rec_len = (uint16_t)(prev->rec_len + e->rec_len);
	else
		e->inode = 0;
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	return dir_touch(fs, dir, dirinode);
}

/* Points an existing entry at another inode (rename over a target, ".."). */
int ext2_dir_retarget(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		 const struct dir_hit *hit, uint32_t ino, uint16_t mode)
{
	struct ext2_buf *buf;
	int r = hit_block(fs, dir, dirinode, hit, &buf);
	if (r != 0)
		return r;
	struct ext2_dir_entry *e = ENTRY(buf, hit->offset);
	e->inode = ino;
	e->file_type = fs->filetype ? (uint8_t)ext2_mode_to_ftype(mode) : 0;
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	return dir_touch(fs, dir, dirinode);
}

static bool is_dot_or_dotdot(const struct ext2_dir_entry *e)
{
	return (e->name_len == 1 && e->name[0] == '.') ||
	       (e->name_len == 2 && e->name[0] == '.' && e->name[1] == '.');
}

/* 1 if the directory holds nothing but "." and "..", 0 if it does, or an error. */
int ext2_dir_is_empty(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode)
{
	for (uint32_t lblock = 0; lblock < dir_blocks(fs, dirinode); lblock++) {
		struct ext2_buf *buf;
		int r = dir_block(fs, dir, dirinode, lblock, &buf);
		if (r != 0)
			return r;
		bool empty = true;
		for (uint32_t off = 0; off < fs->block_size; off += ENTRY(buf, off)->rec_len) {
			const struct ext2_dir_entry *e = ENTRY(buf, off);
			if (e->inode && !is_dot_or_dotdot(e))
				empty = false;
		}
		ext2_cache_release(fs, buf);
		if (!empty)
			return 0;
	}
	return 1;
}

/* Gives a new directory its first block with "." and "..". */
int ext2_dir_init(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode, uint32_t parent)
{
	uint32_t block;
	bool fresh;
	struct ext2_buf *buf;
	int r = ext2_inode_map_alloc(fs, dir, dirinode, 0, 0, &block, &fresh);
	if (r == 0)
		r = ext2_cache_zero(fs, block, &buf);
	if (r != 0)
		return r;
	struct ext2_dir_entry *dot = ENTRY(buf, 0);
	dot->rec_len = EXT2_DIR_REC_LEN(1);
	fill_entry(fs, dot, ".", 1, dir, EXT2_S_IFDIR);
	struct ext2_dir_entry *dotdot = ENTRY(buf, dot->rec_len);
	dotdot->rec_len = (uint16_t)(fs->block_size - dot->rec_len);
	fill_entry(fs, dotdot, "..", 2, parent, EXT2_S_IFDIR);
	ext2_cache_release(fs, buf);
	dirinode->i_size = fs->block_size;
	return 0;
}

/* The entry's type; without the filetype feature, from the inode it names. */
static unsigned entry_type(struct ext2_fs *fs, const struct ext2_dir_entry *e)
{
	struct ext2_inode inode;
	if (fs->filetype)
		return e->file_type > EXT2_FT_SYMLINK ? EXT2_FT_UNKNOWN : e->file_type;
	if (ext2_inode_read(fs, e->inode, &inode) < 0)
		return EXT2_FT_UNKNOWN;
	return ext2_mode_to_ftype(inode.i_mode);
}

/* Lists one block from offset start; returns 1 if fill asked to stop at *stop. */
static int list_block(struct ext2_fs *fs, const struct ext2_buf *buf, uint32_t start,
		      ext2_filldir_t fill, void *arg, uint32_t *stop, int *count)
{
	for (uint32_t off = 0; off < fs->block_size; off += ENTRY(buf, off)->rec_len) {
		const struct ext2_dir_entry *e = ENTRY(buf, off);
		if (off < start || !e->inode)
			continue;
		if (fill(arg, e->name, e->name_len, e->inode, entry_type(fs, e))) {
			*stop = off;
			return 1;
		}
		(*count)++;
	}
	return 0;
}

/*
 * Lists entries from *cookie (a byte position in the directory) on and
 * leaves *cookie at the first entry not listed. An entry is found again from
 * the start of its block, so a stale cookie lands on the next entry instead
 * of in the middle of one. Returns the number of entries listed.
 */
int ext2_readdir(struct ext2_fs *fs, uint32_t dir, uint64_t *cookie,
		 ext2_filldir_t fill, void *arg)
{
	struct ext2_inode dirinode;
	int r = ext2_inode_get(fs, dir, &dirinode);
	if (r == 0)
		r = ext2_dir_check(fs, dir, &dirinode);
	if (r != 0)
		return r;
	int count = 0;
	uint32_t start = (uint32_t)(*cookie & (fs->block_size - 1));
	for (uint64_t lblock = *cookie >> fs->block_shift; lblock < dir_blocks(fs, &dirinode);
	     lblock++, start = 0) {
		struct ext2_buf *buf;
		uint32_t stop;
		r = dir_block(fs, dir, &dirinode, (uint32_t)lblock, &buf);
		if (r != 0)
			return r;
		int stopped = list_block(fs, buf, start, fill, arg, &stop, &count);
		ext2_cache_release(fs, buf);
		if (stopped) {
			*cookie = (lblock << fs->block_shift) | stop;
			return count;
		}
	}
	*cookie = dirinode.i_size;
	return count;
}

int ext2_lookup(struct ext2_fs *fs, uint32_t dir, const char *name, uint32_t *ino)
{
	struct ext2_inode dirinode, target;
	struct dir_hit hit;
	size_t len = strlen(name);
	if (len == 0)
		return -ENOENT;
	if (len > EXT2_NAME_MAX)
		return -ENAMETOOLONG;
	int r = ext2_inode_get(fs, dir, &dirinode);
	if (r == 0)
		r = ext2_dir_check(fs, dir, &dirinode);
	if (r == 0)
		r = ext2_dir_find(fs, dir, &dirinode, name, len, &hit);
	if (r == 0)
		r = ext2_inode_read(fs, hit.ino, &target);
	if (r != 0)
		return r;
	if (target.i_mode == 0)
		return ext2_corrupt(fs, "ext2: directory %u: entry '%s' names free inode %u",
				    dir, name, hit.ino);
	*ino = hit.ino;
	return 0;
}
