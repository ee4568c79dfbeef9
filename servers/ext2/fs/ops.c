/*
 * The namespace operations: create, mkdir, symlink, link, unlink, rmdir,
 * rename, and release of open-unlinked inodes. Each one first checks
 * everything it can (names, types, emptiness, link limits, that a directory
 * is not moved below itself) and only then changes the disk, so the common
 * failures leave nothing behind. Link counts follow the ext2 rules: a
 * directory has one link from its parent's entry, one from its own "." and
 * one from each subdirectory's "..".
 */
#include "internal.h"
#include <string.h>

#define ANCESTRY_MAX 4096   /* deeper than any path: a cycle of ".." */

static bool is_dir(const struct ext2_inode *inode)
{
	return (inode->i_mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
}

static bool is_dot_name(const char *name)
{
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* Loads dir as a live directory. */
static int load_dir(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode)
{
	int r = ext2_inode_get(fs, dir, dirinode);
	if (r == 0)
		r = ext2_dir_check(fs, dir, dirinode);
	if (r == 0 && dirinode->i_links_count == 0)
		r = -ENOENT;    /* removed, still open */
	return r;
}

/* Checks that name may be added to dir: valid, and not there yet. */
static int prepare_new(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		       const char *name, size_t *len)
{
	struct dir_hit hit;
	if (fs->read_only)
		return -EROFS;
	int r = ext2_name_check(name, len);
	if (r == 0)
		r = load_dir(fs, dir, dirinode);
	if (r != 0)
		return r;
	if (is_dot_name(name))
		return -EEXIST;
	r = ext2_dir_find(fs, dir, dirinode, name, *len, &hit);
	return r == 0 ? -EEXIST : r == -ENOENT ? 0 : r;
}

/* Allocates and fills (in memory) a new inode near dir. */
static int new_inode(struct ext2_fs *fs, uint32_t dir, uint16_t mode, uint32_t uid,
		     uint32_t gid, uint32_t *ino, struct ext2_inode *inode)
{
	int r = ext2_inode_alloc(fs, dir, (mode & EXT2_S_IFMT) == EXT2_S_IFDIR, ino);
	if (r != 0)
		return r;
	memset(inode, 0, sizeof(*inode));
	inode->i_mode = mode;
	ext2_inode_set_owner(inode, uid, gid);
	inode->i_atime = inode->i_ctime = inode->i_mtime = ext2_now(fs);
	inode->i_links_count = 1;
	inode->i_generation = fs->sb.s_free_inodes_count ^ *ino ^ inode->i_ctime;
	return 0;
}

/* Undoes new_inode (and whatever blocks it got) after a later step failed. */
static void discard_inode(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode)
{
	(void)ext2_inode_init(fs, ino, inode);
	(void)ext2_inode_drop(fs, ino, inode);
}

/* Writes the new inode and enters it in dir. */
static int commit_new(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		      const char *name, size_t len, uint32_t ino, struct ext2_inode *inode)
{
	int r = ext2_inode_init(fs, ino, inode);
	if (r == 0)
		r = ext2_dir_add(fs, dir, dirinode, name, len, ino, inode->i_mode);
	if (r < 0)
		discard_inode(fs, ino, inode);
	return r;
}

int ext2_create(struct ext2_fs *fs, uint32_t dir, const char *name, uint16_t mode,
		uint32_t uid, uint32_t gid, uint32_t rdev, uint32_t *ino)
{
	struct ext2_inode dirinode, inode;
	size_t len;
	uint16_t type = mode & EXT2_S_IFMT;
	if (type == 0)
		type = EXT2_S_IFREG;
	if (type == EXT2_S_IFDIR || type == EXT2_S_IFLNK || ext2_mode_to_ftype(type) == EXT2_FT_UNKNOWN)
		return -EINVAL;
	int r = prepare_new(fs, dir, &dirinode, name, &len);
	if (r == 0)
		r = new_inode(fs, dir, (uint16_t)(type | (mode & 07777)), uid, gid, ino, &inode);
	if (r != 0)
		return r;
	if (type == EXT2_S_IFCHR || type == EXT2_S_IFBLK) {
		/* the old 16-bit form when it fits (major and minor below 256) */
		if (rdev & 0xFFFF0000u)
			inode.i_block[1] = rdev;
		else
			inode.i_block[0] = rdev;
	}
	return commit_new(fs, dir, &dirinode, name, len, *ino, &inode);
}

int ext2_mkdir(struct ext2_fs *fs, uint32_t dir, const char *name, uint16_t mode,
	       uint32_t uid, uint32_t gid, uint32_t *ino)
{
	struct ext2_inode dirinode, inode;
	size_t len;
	int r = prepare_new(fs, dir, &dirinode, name, &len);
	if (r == 0 && dirinode.i_links_count >= EXT2_LINK_MAX)
		r = -EMLINK;
	if (r == 0)
		r = new_inode(fs, dir, (uint16_t)(EXT2_S_IFDIR | (mode & 07777)), uid, gid, ino, &inode);
	if (r != 0)
		return r;
	inode.i_links_count = 2;
	r = ext2_dir_init(fs, *ino, &inode, dir);
	if (r < 0) {
		discard_inode(fs, *ino, &inode);
		return r;
	}
	r = commit_new(fs, dir, &dirinode, name, len, *ino, &inode);
	if (r != 0)
		return r;
	dirinode.i_links_count++;
	return ext2_inode_write(fs, dir, &dirinode);
}

/* Puts a target longer than a fast symlink holds in a data block. */
static int symlink_block(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
			 const char *target, size_t len)
{
	uint32_t block;
	bool fresh;
	struct ext2_buf *buf;
	int r = ext2_inode_map_alloc(fs, ino, inode, 0, 0, &block, &fresh);
	if (r == 0)
		r = ext2_cache_zero(fs, block, &buf);
	if (r != 0)
		return r;
	memcpy(buf->data, target, len);
	ext2_cache_release(fs, buf);
	return 0;
}

int ext2_symlink(struct ext2_fs *fs, uint32_t dir, const char *name, const char *target,
		 uint32_t uid, uint32_t gid, uint32_t *ino)
{
	struct ext2_inode dirinode, inode;
	size_t len, tlen = strlen(target);
	if (tlen == 0)
		return -ENOENT;
	if (tlen >= fs->block_size)
		return -ENAMETOOLONG;
	int r = prepare_new(fs, dir, &dirinode, name, &len);
	if (r == 0)
		r = new_inode(fs, dir, EXT2_S_IFLNK | 0777, uid, gid, ino, &inode);
	if (r != 0)
		return r;
	inode.i_size = (uint32_t)tlen;
	if (tlen <= EXT2_FAST_SYMLINK_MAX) {
		memcpy(inode.i_block, target, tlen);
	} else {
		r = symlink_block(fs, *ino, &inode, target, tlen);
		if (r < 0) {
			discard_inode(fs, *ino, &inode);
			return r;
		}
	}
	return commit_new(fs, dir, &dirinode, name, len, *ino, &inode);
}

int ext2_link(struct ext2_fs *fs, uint32_t ino, uint32_t dir, const char *name)
{
	struct ext2_inode dirinode, inode;
	size_t len;
	int r = ext2_inode_get(fs, ino, &inode);
	if (r != 0)
		return r;
	if (is_dir(&inode))
		return -EPERM;
	if (inode.i_links_count == 0)
		return -ENOENT;
	if (inode.i_links_count >= EXT2_LINK_MAX)
		return -EMLINK;
	r = prepare_new(fs, dir, &dirinode, name, &len);
	if (r == 0)
		r = ext2_dir_add(fs, dir, &dirinode, name, len, ino, inode.i_mode);
	if (r != 0)
		return r;
	inode.i_links_count++;
	inode.i_ctime = ext2_now(fs);
	return ext2_inode_write(fs, ino, &inode);
}

/*
 * Drops one link of inode (all of a directory's, which only go together);
 * the inode is freed when none is left unless the caller defers that.
 */
static int drop_link(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode, unsigned flags)
{
	if (is_dir(inode) || inode->i_links_count == 0)
		inode->i_links_count = 0;
	else
		inode->i_links_count--;
	inode->i_ctime = ext2_now(fs);
	if (inode->i_links_count == 0 && !(flags & EXT2_DEFER_FREE))
		return ext2_inode_drop(fs, ino, inode);
	return ext2_inode_write(fs, ino, inode);
}

/* Finds name in dir and loads the inode it names. */
static int find_entry(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		      const char *name, struct dir_hit *hit, struct ext2_inode *inode)
{
	size_t len;
	int r = ext2_name_check(name, &len);
	if (r == 0)
		r = ext2_dir_find(fs, dir, dirinode, name, len, hit);
	if (r != 0)
		return r;
	r = ext2_inode_get(fs, hit->ino, inode);
	if (r == -ENOENT)
		r = ext2_corrupt(fs, "ext2: directory %u: entry '%s' names free inode %u",
				 dir, name, hit->ino);
	if (r == 0 && hit->ino == dir)
		r = ext2_corrupt(fs, "ext2: directory %u: entry '%s' names itself", dir, name);
	return r;
}

int ext2_unlink(struct ext2_fs *fs, uint32_t dir, const char *name, unsigned flags)
{
	struct ext2_inode dirinode, inode;
	struct dir_hit hit;
	if (fs->read_only)
		return -EROFS;
	int r = load_dir(fs, dir, &dirinode);
	if (r == 0 && is_dot_name(name))
		r = -EISDIR;
	if (r == 0)
		r = find_entry(fs, dir, &dirinode, name, &hit, &inode);
	if (r == 0 && is_dir(&inode))
		r = -EISDIR;
	if (r == 0)
		r = ext2_dir_remove(fs, dir, &dirinode, &hit);
	return r != 0 ? r : drop_link(fs, hit.ino, &inode, flags);
}

int ext2_rmdir(struct ext2_fs *fs, uint32_t dir, const char *name, unsigned flags)
{
	struct ext2_inode dirinode, inode;
	struct dir_hit hit;
	if (fs->read_only)
		return -EROFS;
	int r = load_dir(fs, dir, &dirinode);
	if (r == 0 && is_dot_name(name))
		r = strcmp(name, ".") == 0 ? -EINVAL : -ENOTEMPTY;
	if (r == 0)
		r = find_entry(fs, dir, &dirinode, name, &hit, &inode);
	if (r == 0)
		r = ext2_dir_check(fs, hit.ino, &inode);
	if (r != 0)
		return r;
	r = ext2_dir_is_empty(fs, hit.ino, &inode);
	if (r <= 0)
		return r < 0 ? r : -ENOTEMPTY;
	r = ext2_dir_remove(fs, dir, &dirinode, &hit);
	if (r != 0)
		return r;
	if (dirinode.i_links_count > 2)
		dirinode.i_links_count--;       /* the ".." that went */
	r = ext2_inode_write(fs, dir, &dirinode);
	return r != 0 ? r : drop_link(fs, hit.ino, &inode, flags);
}

int ext2_release(struct ext2_fs *fs, uint32_t ino)
{
	struct ext2_inode inode;
	int r = ext2_inode_get(fs, ino, &inode);
	if (r < 0 || inode.i_links_count)
		return r;
	if (fs->read_only)
		return -EROFS;
	return ext2_inode_drop(fs, ino, &inode);
}

/* -EINVAL if directory src is dir or one of its ancestors. */
static int check_not_ancestor(struct ext2_fs *fs, uint32_t src, uint32_t dir)
{
	struct ext2_inode inode;
	struct dir_hit hit;
	for (unsigned depth = 0; depth < ANCESTRY_MAX; depth++) {
		if (dir == src)
			return -EINVAL;
		if (dir == EXT2_ROOT_INO)
			return 0;
		int r = ext2_inode_get(fs, dir, &inode);
		if (r == 0)
			r = ext2_dir_check(fs, dir, &inode);
		if (r == 0)
			r = ext2_dir_find(fs, dir, &inode, "..", 2, &hit);
		if (r != 0)
			return r == -ENOENT || r == -ENOTDIR ?
			       ext2_corrupt(fs, "ext2: directory %u: bad '..'", dir) : r;
		dir = hit.ino;
	}
	return ext2_corrupt(fs, "ext2: directory %u: '..' chain too long or a cycle", dir);
}

/* What a rename works on; newdir points at olddir's copy when they are one. */
struct rename_ctx {
	uint32_t olddir, newdir;
	struct ext2_inode olddir_inode, newdir_copy, src, target;
	struct ext2_inode *newdir_inode;
	struct dir_hit src_hit, target_hit;
	bool has_target;
	size_t newlen;
};

/* Every check of rename, before anything changes. */
static int rename_check(struct ext2_fs *fs, struct rename_ctx *c, const char *oldname,
			const char *newname)
{
	int r = ext2_name_check(newname, &c->newlen);
	if (r == 0 && (is_dot_name(oldname) || is_dot_name(newname)))
		r = -EINVAL;
	if (r == 0)
		r = find_entry(fs, c->olddir, &c->olddir_inode, oldname, &c->src_hit, &c->src);
	if (r != 0)
		return r;
	r = ext2_dir_find(fs, c->newdir, c->newdir_inode, newname, c->newlen, &c->target_hit);
	c->has_target = r == 0;
	if (r == 0)
		r = find_entry(fs, c->newdir, c->newdir_inode, newname, &c->target_hit, &c->target);
	else if (r == -ENOENT)
		r = 0;
	if (r != 0)
		return r;
	if (c->has_target && c->target_hit.ino == c->src_hit.ino)
		return 1;       /* two links to one file: nothing to do */
	if (is_dir(&c->src)) {
		r = ext2_dir_check(fs, c->src_hit.ino, &c->src);
		if (r == 0 && c->newdir != c->olddir)
			r = check_not_ancestor(fs, c->src_hit.ino, c->newdir);
		if (r == 0 && !c->has_target && c->newdir != c->olddir &&
		    c->newdir_inode->i_links_count >= EXT2_LINK_MAX)
			r = -EMLINK;
	}
	if (r < 0 || !c->has_target)
		return r;
	if (is_dir(&c->src) && !is_dir(&c->target))
		return -ENOTDIR;
	if (!is_dir(&c->src) && is_dir(&c->target))
		return -EISDIR;
	if (is_dir(&c->target)) {
		r = ext2_dir_check(fs, c->target_hit.ino, &c->target);
		if (r == 0)
			r = ext2_dir_is_empty(fs, c->target_hit.ino, &c->target);
		return r < 0 ? r : r == 0 ? -ENOTEMPTY : 0;
	}
	return 0;
}

/* A moved directory's ".." follows it to its new parent. */
static int reparent(struct ext2_fs *fs, struct rename_ctx *c)
{
	struct dir_hit hit;
	uint32_t ino = c->src_hit.ino;
	int r = ext2_dir_find(fs, ino, &c->src, "..", 2, &hit);
	if (r == -ENOENT)
		return ext2_corrupt(fs, "ext2: directory %u: no '..'", ino);
	if (r == 0)
		r = ext2_dir_retarget(fs, ino, &c->src, &hit, c->newdir, EXT2_S_IFDIR);
	if (r != 0)
		return r;
	c->olddir_inode.i_links_count--;
	c->newdir_inode->i_links_count++;
	return 0;
}

static int rename_apply(struct ext2_fs *fs, struct rename_ctx *c, const char *newname,
			unsigned flags)
{
	uint32_t ino = c->src_hit.ino;
	int r;
	if (c->has_target)
		r = ext2_dir_retarget(fs, c->newdir, c->newdir_inode, &c->target_hit, ino, c->src.i_mode);
	else
		r = ext2_dir_add(fs, c->newdir, c->newdir_inode, newname, c->newlen, ino, c->src.i_mode);
	if (r == 0)
		r = ext2_dir_remove(fs, c->olddir, &c->olddir_inode, &c->src_hit);
	if (r == 0 && is_dir(&c->src) && c->newdir != c->olddir)
		r = reparent(fs, c);
	if (r != 0)
		return r;
	c->src.i_ctime = ext2_now(fs);
	r = ext2_inode_write(fs, ino, &c->src);
	if (r == 0 && c->has_target && is_dir(&c->target))
		c->newdir_inode->i_links_count--;       /* the target's ".." */
	if (r == 0)
		r = ext2_inode_write(fs, c->olddir, &c->olddir_inode);
	if (r == 0 && c->newdir != c->olddir)
		r = ext2_inode_write(fs, c->newdir, c->newdir_inode);
	if (r == 0 && c->has_target)
		r = drop_link(fs, c->target_hit.ino, &c->target, flags);
	return r;
}

int ext2_rename(struct ext2_fs *fs, uint32_t olddir, const char *oldname,
		uint32_t newdir, const char *newname, unsigned flags)
{
	struct rename_ctx c;
	if (fs->read_only)
		return -EROFS;
	memset(&c, 0, sizeof(c));
	c.olddir = olddir;
	c.newdir = newdir;
	c.newdir_inode = newdir == olddir ? &c.olddir_inode : &c.newdir_copy;
	int r = load_dir(fs, olddir, &c.olddir_inode);
	if (r == 0 && newdir != olddir)
		r = load_dir(fs, newdir, c.newdir_inode);
	if (r == 0)
		r = rename_check(fs, &c, oldname, newname);
	if (r != 0)
		return r < 0 ? r : 0;
	return rename_apply(fs, &c, newname, flags);
}
