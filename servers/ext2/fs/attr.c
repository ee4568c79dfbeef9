/*
 * Inode attributes: stat, setattr (chmod, chown, utime in one call) and
 * readlink, which reads a symlink's target from i_block (fast symlinks,
 * under 60 bytes) or from its one data block.
 */
#include "internal.h"
#include <string.h>

/* Device numbers: old 16-bit form in i_block[0], else the new one in i_block[1]. */
static uint32_t inode_rdev(const struct ext2_inode *inode)
{
	return inode->i_block[0] ? inode->i_block[0] : inode->i_block[1];
}

int ext2_stat(struct ext2_fs *fs, uint32_t ino, struct ext2_stat *st)
{
	struct ext2_inode inode;
	int r = ext2_inode_get(fs, ino, &inode);
	if (r != 0)
		return r;
	uint16_t type = inode.i_mode & EXT2_S_IFMT;
	memset(st, 0, sizeof(*st));
	st->ino = ino;
	st->mode = inode.i_mode;
	st->nlink = inode.i_links_count;
	st->uid = ext2_inode_uid(&inode);
	st->gid = ext2_inode_gid(&inode);
	st->size = ext2_inode_size(&inode);
	st->atime = inode.i_atime;
	st->mtime = inode.i_mtime;
	st->ctime = inode.i_ctime;
	st->blocks = inode.i_blocks;
	st->blksize = fs->block_size;
	if (type == EXT2_S_IFCHR || type == EXT2_S_IFBLK)
		st->rdev = inode_rdev(&inode);
	return 0;
}

int ext2_setattr(struct ext2_fs *fs, uint32_t ino, const struct ext2_attr *attr)
{
	struct ext2_inode inode;
	if (fs->read_only)
		return -EROFS;
	int r = ext2_inode_get(fs, ino, &inode);
	if (r != 0)
		return r;
	if (attr->mask & EXT2_ATTR_MODE)
		inode.i_mode = (uint16_t)((inode.i_mode & EXT2_S_IFMT) | (attr->mode & 07777));
	if (attr->mask & EXT2_ATTR_UID)
		ext2_inode_set_owner(&inode, attr->uid, ext2_inode_gid(&inode));
	if (attr->mask & EXT2_ATTR_GID)
		ext2_inode_set_owner(&inode, ext2_inode_uid(&inode), attr->gid);
	if (attr->mask & EXT2_ATTR_ATIME)
		inode.i_atime = attr->atime;
	if (attr->mask & EXT2_ATTR_MTIME)
		inode.i_mtime = attr->mtime;
	inode.i_ctime = ext2_now(fs);
	return ext2_inode_write(fs, ino, &inode);
}

/* Copies up to len bytes of the target (no terminating NUL); returns the count. */
int ext2_readlink(struct ext2_fs *fs, uint32_t ino, char *buf, size_t len)
{
	struct ext2_inode inode;
	int r = ext2_inode_get(fs, ino, &inode);
	if (r != 0)
		return r;
	if ((inode.i_mode & EXT2_S_IFMT) != EXT2_S_IFLNK)
		return -EINVAL;
	uint32_t size = inode.i_size;
	bool fast = ext2_inode_is_fast_symlink(fs, &inode);
	if (size == 0 || size >= fs->block_size || (fast && size > EXT2_FAST_SYMLINK_MAX))
		return ext2_corrupt(fs, "ext2: inode %u: bad symlink size %u", ino, size);
	if (len > size)
		len = size;
	if (fast) {
		memcpy(buf, inode.i_block, len);
		return (int)len;
	}
	uint32_t block;
	struct ext2_buf *b;
	r = ext2_inode_map(fs, ino, &inode, 0, &block);
	if (r == 0 && block == 0)
		r = ext2_corrupt(fs, "ext2: inode %u: symlink without a block", ino);
	if (r == 0)
		r = ext2_cache_read(fs, block, &b);
	if (r != 0)
		return r;
	memcpy(buf, b->data, len);
	ext2_cache_release(fs, b);
	return (int)len;
}
