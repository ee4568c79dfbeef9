/*
 * Inode allocation: one bitmap block per group, bit i for the group's inode
 * i + 1. New inodes go to the parent directory's group when it has room,
 * else to the next group that has. Reserved inodes (below s_first_ino) are
 * never handed out, and neither is one whose slot still looks in use.
 */
#include "internal.h"

static int bitmap_buf(struct ext2_fs *fs, uint32_t group, const struct ext2_group_desc *gd,
		      struct ext2_buf **buf)
{
	if (!ext2_block_in_range(fs, gd->bg_inode_bitmap))
		return ext2_corrupt(fs, "ext2: group %u: inode bitmap %u out of range", group,
				    gd->bg_inode_bitmap);
	return ext2_cache_read(fs, gd->bg_inode_bitmap, buf);
}

static int32_t find_clear(const uint8_t *map, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++) {
		if ((i & 7) == 0 && i + 8 <= to && map[i >> 3] == 0xFF) {
			i += 7;
			continue;
		}
		if (!(map[i >> 3] & (1u << (i & 7))))
			return (int32_t)i;
	}
	return -1;
}

/* A slot the bitmap calls free must not hold a live inode. */
static int check_unused(struct ext2_fs *fs, uint32_t ino)
{
	struct ext2_inode inode;
	int r = ext2_inode_read(fs, ino, &inode);
	if (r != 0)
		return r;
	if (inode.i_links_count && inode.i_mode && !inode.i_dtime)
		return ext2_corrupt(fs, "ext2: inode bitmap frees inode %u in use", ino);
	return 0;
}

static int alloc_in_group(struct ext2_fs *fs, uint32_t g, bool is_dir, uint32_t *ino)
{
	struct ext2_group_desc gd;
	struct ext2_buf *buf;
	int r = ext2_group_read(fs, g, &gd);
	if (r < 0 || gd.bg_free_inodes_count == 0)
		return r < 0 ? r : -ENOSPC;
	r = bitmap_buf(fs, g, &gd, &buf);
	if (r != 0)
		return r;
	uint32_t ipg = fs->sb.s_inodes_per_group;
	uint32_t base = g * ipg;
	uint32_t start = base + 1 < fs->first_ino ? fs->first_ino - 1 - base : 0;
	int32_t bit = start < ipg ? find_clear(buf->data, start, ipg) : -1;
	if (bit < 0)
		r = ext2_corrupt(fs, "ext2: group %u: free inode count %u but bitmap full", g,
				 gd.bg_free_inodes_count);
	else
		r = check_unused(fs, base + (uint32_t)bit + 1);
	if (r == 0) {
		buf->data[bit >> 3] |= (uint8_t)(1u << (bit & 7));
		ext2_cache_dirty(buf);
	}
	ext2_cache_release(fs, buf);
	if (r == 0)
		r = ext2_group_adjust(fs, g, 0, -1, is_dir ? 1 : 0);
	if (r == 0)
		*ino = base + (uint32_t)bit + 1;
	return r;
}

int ext2_inode_alloc(struct ext2_fs *fs, uint32_t dir, bool is_dir, uint32_t *ino)
{
	if (fs->sb.s_free_inodes_count == 0)
		return -ENOSPC;
	uint32_t group = ext2_group_of_inode(fs, dir);
	int status = -ENOSPC;
	for (uint32_t i = 0; i < fs->groups; i++) {
		int r = alloc_in_group(fs, (group + i) % fs->groups, is_dir, ino);
		if (r == -EIO)
			status = r;     /* a corrupt group: try the others */
		else if (r != -ENOSPC)
			return r;
	}
	return status;
}

int ext2_inode_free(struct ext2_fs *fs, uint32_t ino, bool is_dir)
{
	uint32_t g = ext2_group_of_inode(fs, ino);
	uint32_t bit = (ino - 1) % fs->sb.s_inodes_per_group;
	struct ext2_group_desc gd;
	struct ext2_buf *buf;
	int r = ext2_group_read(fs, g, &gd);
	if (r != 0)
		return r;
	r = bitmap_buf(fs, g, &gd, &buf);
	if (r != 0)
		return r;
	uint8_t mask = (uint8_t)(1u << (bit & 7));
	if (!(buf->data[bit >> 3] & mask)) {
		r = ext2_corrupt(fs, "ext2: freeing free inode %u", ino);
	} else {
		buf->data[bit >> 3] &= (uint8_t)~mask;
		ext2_cache_dirty(buf);
	}
	ext2_cache_release(fs, buf);
	return r < 0 ? r : ext2_group_adjust(fs, g, 0, 1, is_dir ? -1 : 0);
}
