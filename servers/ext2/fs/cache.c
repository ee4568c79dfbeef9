/*
 * The block cache: EXT2_CACHE_BLOCKS buffers of one block each, reused in
 * least-recently-released order. A buffer is pinned between ext2_cache_read (or
 * ext2_cache_zero) and ext2_cache_release and is never evicted while pinned. Writes
 * are write-back: a dirty buffer reaches the device when it is evicted or
 * at ext2_cache_flush (ext2_sync), so the image is consistent after a sync.
 */
#include "internal.h"
#include <string.h>

void ext2_cache_init(struct ext2_fs *fs)
{
	memset(fs->cache, 0, sizeof(fs->cache));
	fs->clock = 0;
}

static uint64_t block_offset(const struct ext2_fs *fs, uint32_t block)
{
	return (uint64_t)block << fs->block_shift;
}

static int buf_write(struct ext2_fs *fs, struct ext2_buf *buf)
{
	int r = fs->dev.write(fs->dev.ctx, block_offset(fs, buf->block), buf->data,
			      fs->block_size);
	if (r < 0) {
		ext2_log(fs, "ext2: write error %d on block %u", r, buf->block);
		return -EIO;
	}
	buf->dirty = false;
	return 0;
}

static struct ext2_buf *find(struct ext2_fs *fs, uint32_t block)
{
	for (int i = 0; i < EXT2_CACHE_BLOCKS; i++) {
		if (fs->cache[i].used && fs->cache[i].block == block)
			return &fs->cache[i];
	}
	return NULL;
}

bool ext2_cache_holds(struct ext2_fs *fs, uint32_t block)
{
	return find(fs, block) != NULL;
}

/* An unpinned buffer to reuse: an empty one, else the least recently used. */
static int evict(struct ext2_fs *fs, struct ext2_buf **out)
{
	struct ext2_buf *best = NULL;
	for (int i = 0; i < EXT2_CACHE_BLOCKS; i++) {
		struct ext2_buf *b = &fs->cache[i];
		if (b->pins)
			continue;
		if (!b->used) {
			best = b;
			break;
		}
		if (!best || b->last_use < best->last_use)
			best = b;
	}
	if (!best) {
		ext2_log(fs, "ext2: block cache exhausted");
		return -EIO;
	}
	if (best->used && best->dirty) {
		int r = buf_write(fs, best);
		if (r != 0)
			return r;
	}
	best->used = false;
	*out = best;
	return 0;
}

/*
 * Pins the buffer of block, reading it if needed. The caller has checked
 * that block lies on the device.
 */
int ext2_cache_read(struct ext2_fs *fs, uint32_t block, struct ext2_buf **out)
{
	struct ext2_buf *b = find(fs, block);
	if (!b) {
		int r = evict(fs, &b);
		if (r != 0)
			return r;
		r = fs->dev.read(fs->dev.ctx, block_offset(fs, block), b->data, fs->block_size);
		if (r < 0) {
			ext2_log(fs, "ext2: read error %d on block %u", r, block);
			return -EIO;
		}
		b->block = block;
		b->used = true;
		b->dirty = false;
	}
	b->pins++;
	*out = b;
	return 0;
}

/* Pins a buffer for a newly allocated block, zero-filled and dirty. */
int ext2_cache_zero(struct ext2_fs *fs, uint32_t block, struct ext2_buf **out)
{
	struct ext2_buf *b = find(fs, block);
	if (!b) {
		int r = evict(fs, &b);
		if (r != 0)
			return r;
		b->block = block;
		b->used = true;
	}
	memset(b->data, 0, fs->block_size);
	b->dirty = true;
	b->pins++;
	*out = b;
	return 0;
}

void ext2_cache_dirty(struct ext2_buf *buf)
{
	buf->dirty = true;
}

void ext2_cache_release(struct ext2_fs *fs, struct ext2_buf *buf)
{
	if (buf->pins)
		buf->pins--;
	buf->last_use = ++fs->clock;
}

/* Writes every dirty buffer; the first error is returned after trying all. */
int ext2_cache_flush(struct ext2_fs *fs)
{
	int status = 0;
	for (int i = 0; i < EXT2_CACHE_BLOCKS; i++) {
		struct ext2_buf *b = &fs->cache[i];
		if (b->used && b->dirty) {
			int r = buf_write(fs, b);
			if (r < 0 && status == 0)
				status = r;
		}
	}
	return status;
}
