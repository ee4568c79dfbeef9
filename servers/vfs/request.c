/*
 * VFS requests from programs. The caller is found by its endpoint; every
 * descriptor, length and path is checked before anything is opened, closed
 * or moved.
 */
#include <string.h>
#include <samsara/termios.h>
#include "vfs.h"

static bool is_dir(const struct vnode *v) { return S_ISDIR(v->mode); }

/* O_CREAT of a name that does not exist yet: a new regular file. */
static int create_file(struct fproc *p, const char *path, uint32_t mode, struct vnode **out)
{
	struct vnode *dir;
	char name[256];
	int r = path_parent_to_change(p, path, &dir, name);
	if (r < 0)
		return r;
	message m = { 0 };
	m.fs.mode = S_IFREG | (mode & 07777 & ~p->umask);
	m.fs.uid = p->uid;
	m.fs.gid = p->gid;
	r = dir->kind == VN_FS ? fs_call_name(FS_CREATE, dir, name, &m) : -EROFS;
	vnode_release(dir);
	if (r < 0)
		return r;
	return path_lookup(p, path, out);
}

int do_open(message *m)
{
	CALLER_OR_FAIL(m, p);
	char path[PATH_MAX];
	struct vnode *v = NULL;
	uint32_t flags = m->vfs.flags;
	bool created = false;
	int r = path_from_grant(m, path);
	if (r == 0)
		r = path_lookup(p, path, &v);
	if (r == -ENOENT && (flags & O_CREAT)) {
		r = create_file(p, path, m->vfs.mode, &v);
		created = r == 0;
	}
	if (r < 0 || !v)
		return r;
	uint32_t want = ((flags & O_ACCMODE) != O_WRONLY ? 4 : 0) |
			((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC) ? 2 : 0);
	bool exec = flags & O_EXEC;   /* exec reads the program: execute permission is what counts */
	if ((flags & O_CREAT) && (flags & O_EXCL) && !created)
		r = -EEXIST;
	else if (exec && ((flags & O_ACCMODE) != O_RDONLY || v->kind != VN_FS || !S_ISREG(v->mode)))
		r = -EACCES;
	else if (exec ? may_execute(p, v) < 0 : !created && may_access(p, v, want) < 0)
		r = -EACCES;
	else if (is_dir(v) && (flags & O_ACCMODE) != O_RDONLY)
		r = -EISDIR;
	else if (!is_dir(v) && (flags & O_DIRECTORY))
		r = -ENOTDIR;
	else if (v->kind == VN_CHR)
		r = device_open(v);
	else if (v->kind == VN_BLK)
		r = -ENODEV;   /* block devices are for mount only */
	else if ((mount_read_only(v) || v->kind == VN_PROC) && (want & 2))
		r = -EROFS;
	else if (v->kind == VN_FS && (flags & O_TRUNC) && S_ISREG(v->mode) && (flags & O_ACCMODE) != O_RDONLY) {
		message t = fs_message(v);
		r = fs_simple(FS_TRUNCATE, &t);
	}
	struct filp *f = r < 0 ? NULL : filp_new(v, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK));
	if (!f) {
		vnode_release(v);
		return r < 0 ? r : -ENFILE;
	}
	int fd = fd_install(p, f, 0);
	if (fd < 0)
		filp_release(f);
	else if (flags & O_CLOEXEC)
		p->cloexec |= 1u << fd;
	return fd;
}

int do_close(message *m)
{
	CALLER_OR_FAIL(m, p);
	if (!fd_get(p, m->vfs.fd))
		return -EBADF;
	fd_close(p, m->vfs.fd);
	return 0;
}

static int read_write(message *m, bool write)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	if (!f)
		return -EBADF;
	uint32_t mode = f->flags & O_ACCMODE;
	if (write ? mode == O_RDONLY : mode == O_WRONLY)
		return -EBADF;
	switch (f->vnode->kind) {
	case VN_CHR:
		return device_io(p, m, f, write);
	case VN_PIPE:
		return pipe_io(p, m, f, write);
	case VN_FS:
		return fs_io(p, m, f, write);
	case VN_PROC:
		return write ? -EBADF : proc_read(p, m, f);
	default:
		return -EISDIR;
	}
}

int do_read(message *m) { return read_write(m, false); }
int do_write(message *m) { return read_write(m, true); }

int do_lseek(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	if (!f)
		return -EBADF;
	if (f->vnode->kind == VN_PIPE || f->vnode->kind == VN_CHR)
		return -ESPIPE;
	if ((f->vnode->kind == VN_DEVDIR || (f->vnode->kind == VN_PROC && S_ISDIR(f->vnode->mode))) &&
	    m->vfs.whence != SEEK_SET)
		return -EINVAL;   /* its offset counts entries */
	int64_t base = m->vfs.whence == SEEK_SET ? 0 : m->vfs.whence == SEEK_CUR ? f->offset : -1;
	if (m->vfs.whence == SEEK_END && f->vnode->kind == VN_FS) {
		struct stat st;
		int r = fs_stat(f->vnode, &st);
		if (r < 0)
			return r;
		base = st.st_size;
	}
	if (base < 0 || m->vfs.offset + base < 0)
		return -EINVAL;
	f->offset = base + m->vfs.offset;
	m->vfs.offset = f->offset;
	return 0;
}

int do_dup(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	if (!f)
		return -EBADF;
	int fd = fd_install(p, f, 0);
	if (fd >= 0)
		filp_hold(f);
	return fd;
}

int do_dup2(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	int fd2 = m->vfs.fd2;
	if (!f || fd2 < 0 || fd2 >= OPEN_MAX)
		return -EBADF;
	if (fd2 == m->vfs.fd)
		return fd2;
	fd_close(p, fd2);
	filp_hold(f);
	p->fd[fd2] = f;
	p->cloexec &= ~(1u << fd2);
	return fd2;
}

int do_fcntl(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	if (!f)
		return -EBADF;
	switch (m->vfs.flags) {
	case F_DUPFD: {
		int fd = fd_install(p, f, (int)m->vfs.mode);
		if (fd >= 0)
			filp_hold(f);
		return fd;
	}
	case F_GETFD:
		return (p->cloexec >> m->vfs.fd) & 1u ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (m->vfs.mode & FD_CLOEXEC)
			p->cloexec |= 1u << m->vfs.fd;
		else
			p->cloexec &= ~(1u << m->vfs.fd);
		return 0;
	case F_GETFL:
		return (int)f->flags;
	case F_SETFL:  /* only these two may change after open */
		f->flags = (f->flags & ~(uint32_t)(O_APPEND | O_NONBLOCK)) | (m->vfs.mode & (O_APPEND | O_NONBLOCK));
		return 0;
	default:
		return -EINVAL;
	}
}

int do_pipe(message *m)
{
	CALLER_OR_FAIL(m, p);
	return pipe_create(p, m);
}

int do_ioctl(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	if (!f)
		return -EBADF;
	return f->vnode->kind == VN_CHR ? device_ioctl(p, m, f) : -ENOTTY;
}

int copy_stat(const message *m, const struct vnode *v, grant_id_t grant)
{
	struct stat st;
	if (v->kind == VN_FS) {
		int r = fs_stat(v, &st);
		if (r < 0)
			return r;
		st.st_dev = v->mount + 1;   /* each mount its own device */
	} else {
		vnode_stat(v, &st);
	}
	return sys_safecopy_to(m->source, grant, 0, &st, sizeof(st));
}

int do_fstat(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct filp *f = fd_get(p, m->vfs.fd);
	return f ? copy_stat(m, f->vnode, m->vfs.grant2) : -EBADF;
}

int do_stat(message *m)
{
	CALLER_OR_FAIL(m, p);
	struct vnode *v;
	int r = path_of_request(p, m, &v);
	if (r < 0)
		return r;
	r = copy_stat(m, v, m->vfs.grant2);
	vnode_release(v);
	return r;
}

int do_chdir(message *m)
{
	CALLER_OR_FAIL(m, p);
	char path[PATH_MAX], abs[PATH_MAX];
	struct vnode *v = NULL;
	int r = path_from_grant(m, path);
	if (r == 0)
		r = path_lookup(p, path, &v);
	if (r < 0 || !v)
		return r;
	bool dir = is_dir(v);
	r = dir ? may_access(p, v, 1) : -ENOTDIR;   /* search permission on the directory itself */
	vnode_release(v);
	if (r < 0)
		return r;
	r = path_canonical(p, path, abs);
	if (r == 0)
		memcpy(p->cwd, abs, sizeof(p->cwd));
	return r;
}

int do_getcwd(message *m)
{
	CALLER_OR_FAIL(m, p);
	uint32_t len = (uint32_t)strlen(p->cwd) + 1;
	if (m->vfs.len < len)
		return -ERANGE;
	int r = sys_safecopy_to(m->source, m->vfs.grant, 0, p->cwd, len);
	return r < 0 ? r : (int)len;
}

/* access(): may the caller read, write or execute (search) path? */
int do_access(message *m)
{
	CALLER_OR_FAIL(m, p);
	char path[PATH_MAX];
	struct vnode *v = NULL;
	uint32_t how = m->vfs.flags;
	if (how & ~7u)
		return -EINVAL;
	int r = path_from_grant(m, path);
	if (r == 0)
		r = path_lookup(p, path, &v);
	if (r < 0)
		return r;
	if ((how & 1) && may_execute(p, v) < 0)
		r = -EACCES;
	else if (may_access(p, v, how & 6) < 0)
		r = -EACCES;
	else if ((how & 2) && mount_read_only(v))
		r = -EROFS;
	vnode_release(v);
	return r;
}

int do_umask(message *m)
{
	CALLER_OR_FAIL(m, p);
	uint32_t old = p->umask;
	p->umask = m->vfs.mode & 0777;
	return (int)old;
}
