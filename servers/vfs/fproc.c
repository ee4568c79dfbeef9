/* VFS's view of processes: descriptor tables, and what PM tells us of them. */
#include <string.h>
#include "vfs.h"

struct fproc fproc[VFS_PROCS];

struct fproc *fproc_of(endpoint_t ep)
{
	for (int i = 0; i < VFS_PROCS; i++) {
		if (fproc[i].used && fproc[i].endpoint == ep) {
			mirror_mark(&fproc[i]);   /* whoever looks it up may change it */
			return &fproc[i];
		}
	}
	return NULL;
}

struct fproc *fproc_new(endpoint_t ep)
{
	for (int i = 0; i < VFS_PROCS; i++) {
		struct fproc *p = &fproc[i];
		if (p->used)
			continue;
		memset(p, 0, sizeof(*p));
		p->used = true;
		p->endpoint = ep;
		strlcpy(p->cwd, "/", sizeof(p->cwd));
		p->umask = 022;
		mirror_mark(p);
		return p;
	}
	return NULL;
}

struct filp *fd_get(struct fproc *p, int fd)
{
	return fd >= 0 && fd < OPEN_MAX ? p->fd[fd] : NULL;
}

/* Puts f in the lowest free descriptor >= lowest; the descriptor takes over f's reference. */
int fd_install(struct fproc *p, struct filp *f, int lowest)
{
	for (int fd = lowest < 0 ? 0 : lowest; fd < OPEN_MAX; fd++) {
		if (!p->fd[fd]) {
			p->fd[fd] = f;
			p->cloexec &= ~(1u << fd);
			return fd;
		}
	}
	return -EMFILE;
}

void fd_close(struct fproc *p, int fd)
{
	struct filp *f = fd_get(p, fd);
	if (!f)
		return;
	p->fd[fd] = NULL;
	p->cloexec &= ~(1u << fd);
	filp_release(f);
}

/* Answers p's deferred request. */
void fproc_reply(struct fproc *p, int status)
{
	message m = { 0 };
	p->suspended = SUSP_NONE;
	mirror_commit();
	service_reply(p->endpoint, &m, status);
}

endpoint_t vfs_pm_endpoint(void)
{
	return sys_find_label("pm");
}

/*
 * The notify goes out before the caller's reply, and PM takes notifications
 * before queued requests: a writer that ends at once on EPIPE has its
 * SIGPIPE sent before PM sees its exit.
 */
void fproc_signal(struct fproc *p, int sig)
{
	endpoint_t pm = vfs_pm_endpoint();
	p->signals |= 1u << sig;
	if (pm != NONE)
		ipc_notify(pm);
}

int do_pm_take_signal(message *m)
{
	for (int i = 0; i < VFS_PROCS; i++) {
		struct fproc *p = &fproc[i];
		if (p->used && p->signals) {
			m->vfs.ep = p->endpoint;
			m->vfs.flags = p->signals;
			p->signals = 0;
			return 0;
		}
	}
	return -ENOENT;
}

int do_pm_fork(message *m)
{
	struct fproc *parent = fproc_of(m->vfs.ep);
	if (!parent)
		return -EINVAL;
	if (fproc_of(m->vfs.ep2))
		return -EEXIST;   /* PM sent it again: the VFS that did it died before answering */
	struct fproc *child = fproc_new(m->vfs.ep2);
	if (!child)
		return -ENOMEM;
	for (int fd = 0; fd < OPEN_MAX; fd++) {
		if (parent->fd[fd]) {
			child->fd[fd] = parent->fd[fd];
			filp_hold(child->fd[fd]);
		}
	}
	child->cloexec = parent->cloexec;
	child->umask = parent->umask;
	child->uid = parent->uid;
	child->gid = parent->gid;
	memcpy(child->cwd, parent->cwd, sizeof(child->cwd));
	return 0;
}

int do_pm_exit(message *m)
{
	struct fproc *p = fproc_of(m->vfs.ep);
	if (!p)
		return -EINVAL;
	device_cancel(p);
	for (int fd = 0; fd < OPEN_MAX; fd++)
		fd_close(p, fd);
	p->used = false;
	mirror_mark(p);
	return 0;
}

int do_pm_exec(message *m)
{
	struct fproc *p = fproc_of(m->vfs.ep);
	if (!p)
		return -EINVAL;
	for (int fd = 0; fd < OPEN_MAX; fd++) {
		if (p->cloexec & (1u << fd))
			fd_close(p, fd);
	}
	return 0;
}

/* A new entry for a process PM names, which VFS must not know yet. */
static int fproc_new_from_pm(endpoint_t ep, struct fproc **out)
{
	if (fproc_of(ep))
		return -EEXIST;
	*out = fproc_new(ep);
	return *out ? 0 : -ENOMEM;
}

/* A program of the boot image: descriptors 0, 1 and 2 on the console. */
int do_pm_init(message *m)
{
	struct fproc *p;
	int r = fproc_new_from_pm(m->vfs.ep, &p);
	if (r < 0)
		return r;
	struct vnode *console;
	r = path_lookup(p, "/dev/console", &console);
	if (r == 0)
		r = device_open(console);
	if (r < 0) {
		p->used = false;
		return r;
	}
	struct filp *f = filp_new(console, O_RDWR);
	if (!f) {
		vnode_release(console);
		p->used = false;
		return -ENFILE;
	}
	for (int fd = 0; fd < 3; fd++) {
		p->fd[fd] = f;
		if (fd)
			filp_hold(f);
	}
	return 0;
}

/* A signal is to run a handler in ep: its suspended request ends with EINTR
 * (or with what it had moved so far). */
int do_pm_unpause(message *m)
{
	struct fproc *p = fproc_of(m->vfs.ep);
	if (!p || p->suspended == SUSP_NONE)
		return 0;
	if (p->suspended == SUSP_DEVICE) {
		fproc_reply(p, device_cancel(p));
	} else {
		fproc_reply(p, p->susp_done ? (int)p->susp_done : -EINTR);
	}
	return 0;
}

/* PM, after this VFS started again: ep ran under the one that died, whose
 * descriptors and directories died with it. It starts with none (EBADF on
 * each), in the root directory, with its IDs. */
int do_pm_restore(message *m)
{
	struct fproc *p;
	int r = fproc_new_from_pm(m->vfs.ep, &p);
	if (r < 0)
		return r;
	p->uid = m->vfs.flags;
	p->gid = m->vfs.mode;
	return 0;
}

/* PM: the process ep now has the user and group IDs in flags and mode. */
int do_pm_setuid(message *m)
{
	struct fproc *p = fproc_of(m->vfs.ep);
	if (!p)
		return -EINVAL;
	p->uid = m->vfs.flags;
	p->gid = m->vfs.mode;
	return 0;
}

int may_access(const struct fproc *p, const struct vnode *v, uint32_t want)
{
	if (p->uid == 0 || v->kind != VN_FS)
		return 0;   /* root may; devices and VFS's own nodes are open to all */
	uint32_t bits = p->uid == v->uid ? v->mode >> 6 : p->gid == v->gid ? v->mode >> 3 : v->mode;
	return (bits & want) == want ? 0 : -EACCES;
}

int may_execute(const struct fproc *p, const struct vnode *v)
{
	if (p->uid == 0 && v->kind == VN_FS && !S_ISDIR(v->mode))
		return v->mode & 0111 ? 0 : -EACCES;   /* root too needs an x bit to run a file */
	return may_access(p, v, 1);
}
