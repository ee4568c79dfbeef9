/*
 * Block allocation: one bitmap block per group, bit i for the group's block
 * i. The search starts at a goal (near the file's other blocks or its
 * inode) and moves on group by group. A bit that says "free" for a block
 * holding the group's own bitmaps or inode table is a corrupt bitmap, and is
 * refused rather than handed out.
 */
#include "internal.h"

/* First clear bit in [from, to) of map, or -1. */
static int32_t find_clear(const uint8_t *map, uint32_t from, uint32_t to)
{
	uint32_t i = from;
	while (i < to) {
		if ((i & 7) == 0 && i + 8 <= to && map[i >> 3] == 0xFF) {
			i += 8;
			continue;
		}
		if (!(map[i >> 3] & (1u << (i & 7))))
			return (int32_t)i;
		i++;
	}
	return -1;
}

static bool group_metadata(const struct ext2_fs *fs, const struct ext2_group_desc *gd,
			   uint32_t block)
{
	uint32_t itable = ((fs->sb.s_inodes_per_group * fs->inode_size) + fs->block_size - 1) >>
			  fs->block_shift;
	return block == gd->bg_block_bitmap || block == gd->bg_inode_bitmap ||
	       (block >= gd->bg_inode_table && block - gd->bg_inode_table < itable);
}

static int bitmap_buf(struct ext2_fs *fs, uint32_t group, const struct ext2_group_desc *gd,
		      struct ext2_buf **buf)
{
	if (!ext2_block_in_range(fs, gd->bg_block_bitmap))
		return ext2_corrupt(fs, "ext2: group %u: block bitmap %u out of range", group,
				    gd->bg_block_bitmap);
	return ext2_cache_read(fs, gd->bg_block_bitmap, buf);
}

/* Takes a free block of group g at or after bit start (wrapping); -ENOSPC if none. */
static int alloc_in_group(struct ext2_fs *fs, uint32_t g, uint32_t start, uint32_t *block)
{
	struct ext2_group_desc gd;
	struct ext2_buf *buf;
	int r = ext2_group_read(fs, g, &gd);
	if (r < 0 || gd.bg_free_blocks_count == 0)
		return r < 0 ? r : -ENOSPC;
	r = bitmap_buf(fs, g, &gd, &buf);
	if (r != 0)
		return r;
	uint32_t count = ext2_group_block_count(fs, g);
	int32_t bit = find_clear(buf->data, start, count);
	if (bit < 0)
		bit = find_clear(buf->data, 0, start);
	uint32_t found = ext2_group_first_block(fs, g) + (uint32_t)bit;
	if (bit < 0)
		r = ext2_corrupt(fs, "ext2: group %u: free block count %u but bitmap full", g,
				 gd.bg_free_blocks_count);
	else if (!ext2_block_in_range(fs, found) || group_metadata(fs, &gd, found))
		r = ext2_corrupt(fs, "ext2: group %u: bitmap frees metadata block %u", g, found);
	if (r == 0) {
		buf->data[bit >> 3] |= (uint8_t)(1u << (bit & 7));
		ext2_cache_dirty(buf);
	}
	ext2_cache_release(fs, buf);
	if (r == 0)
		r = ext2_group_adjust(fs, g, -1, 0, 0);
	if (r == 0)
		*block = found;
	return r;
}

int ext2_block_alloc(struct ext2_fs *fs, uint32_t goal, uint32_t *block)
{
	if (fs->sb.s_free_blocks_count == 0)
		return -ENOSPC;
	uint32_t first = fs->sb.s_first_data_block;
	if (goal < first || goal >= fs->sb.s_blocks_count)
		goal = first;
	uint32_t group = (goal - first) / fs->sb.s_blocks_per_group;
	uint32_t start = (goal - first) % fs->sb.s_blocks_per_group;
	int status = -ENOSPC;
	for (uint32_t i = 0; i < fs->groups; i++) {
		uint32_t g = (group + i) % fs->groups;
		int r = alloc_in_group(fs, g, i == 0 ? start : 0, block);
		if (r == -EIO)
			status = r;     /* a corrupt group: try the others */
		else if (r != -ENOSPC)
			return r;
	}
	return status;
}

int ext2_block_free(struct ext2_fs *fs, uint32_t block)
{
	if (!ext2_block_in_range(fs, block))
		return ext2_corrupt(fs, "ext2: freeing block %u out of range", block);
	uint32_t g = (block - fs->sb.s_first_data_block) / fs->sb.s_blocks_per_group;
	uint32_t bit = (block - fs->sb.s_first_data_block) % fs->sb.s_blocks_per_group;
	struct ext2_group_desc gd;
	struct ext2_buf *buf;
	int r = ext2_group_read(fs, g, &gd);
	if (r != 0)
		return r;
	if (group_metadata(fs, &gd, block))
		return ext2_corrupt(fs, "ext2: freeing metadata block %u", block);
	r = bitmap_buf(fs, g, &gd, &buf);
	if (r != 0)
		return r;
	uint8_t mask = (uint8_t)(1u << (bit & 7));
	if (!(buf->data[bit >> 3] & mask)) {
		r = ext2_corrupt(fs, "ext2: freeing free block %u", block);
	} else {
		buf->data[bit >> 3] &= (uint8_t)~mask;
		ext2_cache_dirty(buf);
	}
	ext2_cache_release(fs, buf);
	return r < 0 ? r : ext2_group_adjust(fs, g, 1, 0, 0);
}
