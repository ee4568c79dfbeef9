/*
 * Requests that change or read the name space of the mounted file systems:
 * mkdir, unlink, rmdir, rename, link, symlink, readlink, chmod, chown,
 * truncate, getdents, sync, statfs. The device directory is read-only.
 */
#include <string.h>
#include "vfs.h"

/* Runs an FS request naming path's last component in its directory. */
static int on_parent(message *m, int type, message *req)
{
	CALLER_OR_FAIL(m, p);
	char path[PATH_MAX], name[256];
	struct vnode *dir = NULL;
	int r = path_from_grant(m, path);
	if (r == 0)
		r = path_parent_to_change(p, path, &dir, name);
	if (r < 0 || !dir)
		return r;
	r = dir->kind == VN_FS ? fs_call_name(type, dir, name, req) : -EROFS;
	vnode_release(dir);
	return r;
}

int do_mkdir(message *m)
{
	CALLER_OR_FAIL(m, p);
	message req = { 0 };
	req.fs.mode = S_IFDIR | (m->vfs.mode & 07777 & ~p->umask);
	req.fs.uid = p->uid;
	req.fs.gid = p->gid;
	return on_parent(m, FS_MKDIR, &req);
}

/* unlink and rmdir: an inode still open somewhere is freed only at its last close. */
static int remove_name(message *m, int type)
{
	CALLER_OR_FAIL(m, p);
	struct vnode *v;
	int r = path_of_request(p, m, &v);
	if (r < 0)
		return r;
	if (type == FS_UNLINK && S_ISDIR(v->mode)) {
		vnode_release(v);
		return -EISDIR;
	}
	if (mount_is_root(v)) {
		vnode_release(v);
		return -EBUSY;   /* a mount point, or "/" */
	}
	message req = { 0 };
	req.fs.flags = FS_DEFER_FREE;
	r = on_parent(m, type, &req);
	if (r == 0)
		v->unlinked = true;  /* FS_RELEASE when its last user, maybe us, lets go */
	vnode_release(v);
	return r;
}

int do_unlink(message *m) { return remove_name(m, FS_UNLINK); }
int do_rmdir(message *m) { return remove_name(m, FS_RMDIR); }

/* Resolves the two paths of rename and link: path's parent, and the second path's. */
static int two_parents(message *m, struct fproc *p, struct vnode **a, char an[256], struct vnode **b, char bn[256])
{
	char first[PATH_MAX], second[PATH_MAX];
	*a = *b = NULL;
	int r = path_from_grant(m, first);
	if (r == 0)
		r = path_second(m, second);
	if (r == 0)
		r = path_parent_to_change(p, first, a, an);
	if (r == 0)
		r = path_parent_to_change(p, second, b, bn);
	if (r == 0 && ((*a)->kind != VN_FS || (*b)->kind != VN_FS || (*a)->mount != (*b)->mount))
		r = -EXDEV;
	return r;
}

/* Whether name in dir is a mount point: renaming it, or over it, would hide the mount. */
static bool is_mount_point(const struct vnode *dir, const char *name)
{
	struct vnode *v;
	if (fs_lookup(dir, name, &v) < 0)
		return false;
	bool covered = mount_covering(v) != NULL;
	vnode_release(v);
	return covered;
}

int do_rename(message *m)
{
	CALLER_OR_FAIL(m, p);
	char old_name[256], new_name[256];
	struct vnode *old_dir, *new_dir;
	int r = two_parents(m, p, &old_dir, old_name, &new_dir, new_name);
	if (r == 0 && (is_mount_point(old_dir, old_name) || is_mount_point(new_dir, new_name)))
		r = -EBUSY;
	if (r == 0) {
		char both[512];
		size_t a = strlen(old_name) + 1, b = strlen(new_name) + 1;
		memcpy(both, old_name, a);
		memcpy(both + a, new_name, b);
		message req = fs_message(old_dir);
		req.fs.ino2 = new_dir->ino;
		req.fs.flags = FS_DEFER_FREE;
		r = fs_call_buffer(FS_RENAME, &req, both, a + b);
	}
	if (old_dir)
		vnode_release(old_dir);
	if (new_dir)
		vnode_release(new_dir);
	return r;
}

int do_link(message *m)
{
	CALLER_OR_FAIL(m, p);
	char path[PATH_MAX], second[PATH_MAX], name[256];
	struct vnode *target = NULL, *dir = NULL;
	int r = path_from_grant(m, path);
	if (r == 0)
		r = path_second(m, second);
	if (r == 0)
		r = path_lookup(p, path, &target);
	if (r == 0)
		r = path_parent_to_change(p, second, &dir, name);
	if (r == 0 && (target->kind != VN_FS || dir->kind != VN_FS || target->mount != dir->mount))
		r = -EXDEV;
	if (r == 0 && S_ISDIR(target->mode))
		r = -EPERM;
	if (r == 0) {
		message req = { 0 };
		req.fs.ino2 = dir->ino;
		r = fs_call_name(FS_LINK, target, name, &req);
	}
	if (target)
		vnode_release(target);
	if (dir)
		vnode_release(dir);
	return r;
}

int do_symlink(message *m)
{
	CALLER_OR_FAIL(m, p);
	char target[PATH_MAX], link[PATH_MAX], name[256], both[256 + PATH_MAX];
	struct vnode *dir = NULL;
	int r = path_from_grant(m, target);
	if (r == 0)
		r = path_second(m, link);
	if (r == 0)
		r = path_parent_to_change(p, link, &dir, name);
	if (r < 0 || !dir)
		return r;
	size_t a = strlen(name) + 1, b = strlen(target) + 1;
	memcpy(both, name, a);
	memcpy(both + a, target, b);
	message req = fs_message(dir);
	req.fs.uid = p->uid;
	req.fs.gid = p->gid;
	r = dir->kind == VN_FS ? fs_call_buffer(FS_SYMLINK, &req, both, a + b) : -EROFS;
	vnode_release(dir);
	return r;
}

static int on_path(message *m, int type, message *req);

/* The node a path names without following a last symbolic link. */
static int lookup_no_follow(struct fproc *p, const message *m, struct vnode **out)
{
	char path[PATH_MAX], name[256];
	struct vnode *dir = NULL;
	*out = NULL;
	int r = path_from_grant(m, path);
	if (r == 0)
		r = path_parent(p, path, &dir, name);
	if (r == -EROFS || r == -EEXIST || (r == 0 && dir->kind != VN_FS)) {
		if (dir)  /* the device directory or "/": nothing there is a link */
			vnode_release(dir);
		return path_lookup(p, path, out);
	}
	if (r == 0 && (r = fs_lookup(dir, name, out)) == 0)
		path_cross_mount(out);
	if (dir)
		vnode_release(dir);
	return r;
}

int do_lstat(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct vnode *v;
	int r = lookup_no_follow(p, m, &v);
	if (r < 0 || !v)
		return r < 0 ? r : -ENOENT;
	r = copy_stat(m, v, m->vfs.grant2);
	vnode_release(v);
	return r;
}

int do_utime(message *m)
{
	message req = { 0 };
	req.fs.flags = FS_ATTR_ATIME | FS_ATTR_MTIME;
	req.fs.atime = m->vfs.flags;
	req.fs.mtime = m->vfs.mode;
	return on_path(m, FS_SETATTR, &req);
}

int do_readlink(message *m)
{
	CALLER_OR_FAIL(m, p);
	char target[PATH_MAX];
	struct vnode *v = NULL;
	int r = lookup_no_follow(p, m, &v);  /* the link itself, not what it names */
	if (r < 0 || !v)
		return r;
	r = S_ISLNK(v->mode) ? fs_readlink(v, target, sizeof(target)) : -EINVAL;
	vnode_release(v);
	if (r < 0)
		return r;
	uint32_t n = (uint32_t)r < (uint32_t)m->vfs.fd2 ? (uint32_t)r : (uint32_t)m->vfs.fd2;
	int c = sys_safecopy_to(m->source, m->vfs.grant2, 0, target, n);
	return c < 0 ? c : (int)n;
}

/* A setattr or truncate on the file path names. */
static int on_path(message *m, int type, message *req)
{
	CALLER_OR_FAIL(m, p);
	struct vnode *v;
	int r = path_of_request(p, m, &v);
	if (r < 0)
		return r;
	req->fs.mount = v->mount;
	req->fs.ino = v->ino;
	if (type == FS_TRUNCATE)
		r = may_access(p, v, 2);
	else if (type == FS_SETATTR && p->uid != 0 &&
		 ((req->fs.flags & (FS_ATTR_UID | FS_ATTR_GID)) || p->uid != v->uid))
		r = -EPERM;   /* only the owner changes modes and times; only root owners */
	if (r == 0)
		r = v->kind == VN_FS ? fs_simple(type, req) : -EROFS;
	vnode_release(v);
	return r;
}

int do_chmod(message *m)
{
	message req = { 0 };
	req.fs.flags = FS_ATTR_MODE;
	req.fs.mode = m->vfs.mode & 07777;
	return on_path(m, FS_SETATTR, &req);
}

/* chown(path, uid, gid): an ID of -1 (all bits set) is left as it is, as POSIX says. */
int do_chown(message *m)
{
	message req = { 0 };
	req.fs.flags = (m->vfs.flags != UINT32_MAX ? FS_ATTR_UID : 0) | (m->vfs.mode != UINT32_MAX ? FS_ATTR_GID : 0);
	req.fs.uid = m->vfs.flags;
	req.fs.gid = m->vfs.mode;
	return on_path(m, FS_SETATTR, &req);
}

int do_truncate(message *m)
{
	message req = { 0 };
	if (m->vfs.offset < 0)
		return -EINVAL;
	req.fs.pos = (uint64_t)m->vfs.offset;
	return on_path(m, FS_TRUNCATE, &req);
}

int do_ftruncate(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	if (!f)
		return -EBADF;
	if (f->vnode->kind != VN_FS || !S_ISREG(f->vnode->mode) || (f->flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	if (m->vfs.offset < 0)
		return -EINVAL;
	message req = fs_message(f->vnode);
	req.fs.pos = (uint64_t)m->vfs.offset;
	return fs_simple(FS_TRUNCATE, &req);
}

int do_getdents(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	if (!f)
		return -EBADF;
	if (!S_ISDIR(f->vnode->mode))
		return -ENOTDIR;
	if (f->vnode->kind == VN_DEVDIR || f->vnode->kind == VN_PROC)
		return devfs_getdents(p, m, f);
	return f->vnode->kind == VN_FS ? fs_getdents(p, m, f) : 0;
}

int do_statfs(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct vnode *v;
	int r = path_of_request(p, m, &v);
	if (r < 0)
		return r;
	bool on_fs = v->kind == VN_FS;
	message req = fs_message(v);
	vnode_release(v);
	if (!on_fs)
		return -ENOSYS;
	struct fs_statfs st;
	r = fs_statfs_into(&req, &st);
	return r < 0 ? r : sys_safecopy_to(m->source, m->vfs.grant2, 0, &st, sizeof(st));
}
