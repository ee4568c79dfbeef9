/*
 * Regular file contents: read (holes read as zeros), write (allocating
 * blocks as needed; skipped ranges stay holes) and truncate. Access times are
 * not updated on reads (noatime): that would write an inode per read.
 */
#include "internal.h"
#include <string.h>

static int regular_file(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode)
{
	int r = ext2_inode_get(fs, ino, inode);
	if (r != 0)
		return r;
	switch (inode->i_mode & EXT2_S_IFMT) {
	case EXT2_S_IFREG: return 0;
	case EXT2_S_IFDIR: return -EISDIR;
	default: return -EINVAL;
	}
}

/* Copies len bytes at offset off of logical block lblock into dst. */
static int read_chunk(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		      uint32_t lblock, uint32_t off, uint8_t *dst, uint32_t len)
{
	uint32_t block;
	struct ext2_buf *buf;
	int r = ext2_inode_map(fs, ino, inode, lblock, &block);
	if (r != 0)
		return r;
	if (block == 0) {
		memset(dst, 0, len);
		return 0;
	}
	r = ext2_cache_read(fs, block, &buf);
	if (r != 0)
		return r;
	memcpy(dst, buf->data + off, len);
	ext2_cache_release(fs, buf);
	return 0;
}

/*
 * Reads whole blocks from lblock on straight from the device into dst, as
 * many as are consecutive on disk, fit in len and have no cache buffer (a
 * buffer may be newer than the disk). Sequential reads so become one device
 * request per extent instead of one per block, and do not flush the cache.
 * Returns the bytes read, 0 if the first block does not qualify, or an error.
 */
static int read_extent(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		       uint32_t lblock, uint8_t *dst, size_t len)
{
	uint32_t first, block;
	int r = ext2_inode_map(fs, ino, inode, lblock, &first);
	if (r != 0 || first == 0 || ext2_cache_holds(fs, first))
		return r;
	uint32_t n = 1;
	while ((size_t)(n + 1) << fs->block_shift <= len) {
		r = ext2_inode_map(fs, ino, inode, lblock + n, &block);
		if (r != 0 || block != first + n || ext2_cache_holds(fs, block))
			break;
		n++;
	}
	size_t bytes = (size_t)n << fs->block_shift;
	r = fs->dev.read(fs->dev.ctx, (uint64_t)first << fs->block_shift, dst, bytes);
	if (r < 0) {
		ext2_log(fs, "ext2: read error %d on blocks %u-%u", r, first, first + n - 1);
		return -EIO;
	}
	return (int)bytes;
}

int ext2_read(struct ext2_fs *fs, uint32_t ino, uint64_t offset, void *buf, size_t len)
{
	struct ext2_inode inode;
	int r = regular_file(fs, ino, &inode);
	if (r != 0)
		return r;
	uint64_t size = ext2_inode_size(&inode);
	if (offset >= size)
		return 0;
	if (len > EXT2_IO_MAX)
		len = EXT2_IO_MAX;
	if (len > size - offset)
		len = (size_t)(size - offset);
	uint8_t *dst = buf;
	size_t done = 0;
	while (done < len) {
		uint64_t pos = offset + done;
		uint32_t off = (uint32_t)pos & (fs->block_size - 1);
		if (off == 0 && len - done >= fs->block_size) {
			r = read_extent(fs, ino, &inode, (uint32_t)(pos >> fs->block_shift), dst + done, len - done);
			if (r < 0)
				return done ? (int)done : r;
			done += (size_t)r;
			if (r > 0)
				continue;
		}
		uint32_t chunk = fs->block_size - off;
		if (chunk > len - done)
			chunk = (uint32_t)(len - done);
		r = read_chunk(fs, ino, &inode, (uint32_t)(pos >> fs->block_shift), off,
			       dst + done, chunk);
		if (r < 0)
			return done ? (int)done : r;
		done += chunk;
	}
	return (int)done;
}

/* Writes len bytes at offset off of logical block lblock; *goal tracks locality. */
static int write_chunk(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		       uint32_t lblock, uint32_t off, const uint8_t *src, uint32_t len,
		       uint32_t *goal)
{
	uint32_t block;
	bool fresh;
	struct ext2_buf *buf;
	int r = ext2_inode_map_alloc(fs, ino, inode, lblock, *goal, &block, &fresh);
	if (r != 0)
		return r;
	*goal = block + 1;
	/* a new block, or one overwritten whole, need not be read first */
	if (fresh || len == fs->block_size)
		r = ext2_cache_zero(fs, block, &buf);
	else
		r = ext2_cache_read(fs, block, &buf);
	if (r != 0)
		return r;
	memcpy(buf->data + off, src, len);
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	return 0;
}

/*
 * Writes whole blocks from lblock on straight to the device, as many as fit
 * in len and lie (or are allocated) consecutively on disk with no cache
 * buffer: the mirror image of read_extent, so that a sequential write is one
 * device request per extent instead of one per evicted block. The blocks'
 * metadata (bitmaps, indirect blocks, the inode) stays in the cache and is
 * written after the data. Returns the bytes written, 0 if the first block
 * does not qualify, or an error.
 */
static int write_extent(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
			uint32_t lblock, const uint8_t *src, size_t len, uint32_t *goal)
{
	uint32_t first, block;
	bool fresh;
	int r = ext2_inode_map_alloc(fs, ino, inode, lblock, *goal, &first, &fresh);
	if (r != 0 || ext2_cache_holds(fs, first))
		return r;
	uint32_t n = 1;
	while ((size_t)(n + 1) << fs->block_shift <= len) {
		r = ext2_inode_map_alloc(fs, ino, inode, lblock + n, first + n, &block, &fresh);
		if (r != 0 || block != first + n || ext2_cache_holds(fs, block))
			break;   /* that block is mapped now; the next round writes it */
		n++;
	}
	size_t bytes = (size_t)n << fs->block_shift;
	r = fs->dev.write(fs->dev.ctx, (uint64_t)first << fs->block_shift, src, bytes);
	if (r < 0) {
		ext2_log(fs, "ext2: write error %d on blocks %u-%u", r, first, first + n - 1);
		return -EIO;
	}
	*goal = first + n;
	return (int)bytes;
}

int ext2_write(struct ext2_fs *fs, uint32_t ino, uint64_t offset, const void *buf, size_t len)
{
	struct ext2_inode inode;
	if (fs->read_only)
		return -EROFS;
	int r = regular_file(fs, ino, &inode);
	if (r < 0 || len == 0)
		return r;
	if (offset >= fs->max_size)
		return -EFBIG;
	if (len > EXT2_IO_MAX)
		len = EXT2_IO_MAX;
	if (len > fs->max_size - offset)
		len = (size_t)(fs->max_size - offset);
	const uint8_t *src = buf;
	size_t done = 0;
	uint32_t goal = 0;
	while (done < len) {
		uint64_t pos = offset + done;
		uint32_t off = (uint32_t)pos & (fs->block_size - 1);
		if (off == 0 && len - done >= fs->block_size) {
			r = write_extent(fs, ino, &inode, (uint32_t)(pos >> fs->block_shift), src + done,
					 len - done, &goal);
			if (r < 0)
				break;
			done += (size_t)r;
			if (r > 0)
				continue;
		}
		uint32_t chunk = fs->block_size - off;
		if (chunk > len - done)
			chunk = (uint32_t)(len - done);
		r = write_chunk(fs, ino, &inode, (uint32_t)(pos >> fs->block_shift), off,
				src + done, chunk, &goal);
		if (r < 0)
			break;
		done += chunk;
	}
	if (offset + done > ext2_inode_size(&inode))
		ext2_inode_set_size(&inode, offset + done);
	if (done)
		inode.i_mtime = inode.i_ctime = ext2_now(fs);
	int w = ext2_inode_write(fs, ino, &inode);
	if (done)
		return w < 0 ? w : (int)done;
	return r < 0 ? r : w;
}

/* Zeroes the bytes of the last block past a new end of file at size. */
static int zero_tail(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode, uint64_t size)
{
	uint32_t off = (uint32_t)size & (fs->block_size - 1);
	uint32_t block;
	struct ext2_buf *buf;
	if (off == 0)
		return 0;
	int r = ext2_inode_map(fs, ino, inode, (uint32_t)(size >> fs->block_shift), &block);
	if (r < 0 || block == 0)
		return r;
	r = ext2_cache_read(fs, block, &buf);
	if (r != 0)
		return r;
	memset(buf->data + off, 0, fs->block_size - off);
	ext2_cache_dirty(buf);
	ext2_cache_release(fs, buf);
	return 0;
}

int ext2_truncate(struct ext2_fs *fs, uint32_t ino, uint64_t size)
{
	struct ext2_inode inode;
	if (fs->read_only)
		return -EROFS;
	int r = regular_file(fs, ino, &inode);
	if (r != 0)
		return r;
	if (size > fs->max_size)
		return -EFBIG;
	if (size < ext2_inode_size(&inode)) {
		uint64_t first = (size + fs->block_size - 1) >> fs->block_shift;
		r = ext2_inode_free_from(fs, ino, &inode, (uint32_t)first);
		if (r == 0)
			r = zero_tail(fs, ino, &inode, size);
	}
	if (r == 0)
		ext2_inode_set_size(&inode, size);
	inode.i_mtime = inode.i_ctime = ext2_now(fs);
	int w = ext2_inode_write(fs, ino, &inode);
	return r < 0 ? r : w;
}
