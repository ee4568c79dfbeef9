/*
 * Pipes: a ring buffer in VFS. A reader of an empty pipe, or a writer of a
 * full one, is suspended and answered when the other end makes room or data
 * (pipe_wake). Writes up to PIPE_SIZE bytes are atomic, as POSIX wants. A
 * write with no reader left fails with EPIPE, and its writer gets SIGPIPE.
 */
#include <samsara/pm.h>
#include "vfs.h"

int pipe_create(struct fproc *p, message *m)
{
	struct vnode *v = vnode_new(VN_PIPE);
	char *buffer = v ? bounce_get() : NULL;
	if (!buffer) {
		if (v)
			vnode_release(v);
		return -ENFILE;
	}
	v->buffer = buffer;
	v->mode = S_IFIFO | 0600;
	v->refs = 2;  /* one per end */
	struct filp *rd = filp_new(v, O_RDONLY), *wr = filp_new(v, O_WRONLY);
	int fd0 = -ENFILE, fd1 = -ENFILE;
	if (rd && wr && (fd0 = fd_install(p, rd, 0)) >= 0 && (fd1 = fd_install(p, wr, 0)) < 0)
		p->fd[fd0] = NULL;
	if (fd1 < 0) {
		if (rd)
			filp_release(rd);
		else
			vnode_release(v);
		if (wr)
			filp_release(wr);
		else
			vnode_release(v);
		return fd0 < 0 ? fd0 : fd1;
	}
	m->vfs.fd = fd0;
	m->vfs.fd2 = fd1;
	return 0;
}

/* Moves up to len bytes between the pipe and the caller's buffer at offset done. */
static int transfer(struct fproc *p, struct vnode *v, grant_id_t grant, uint32_t done, uint32_t len, bool write)
{
	uint32_t moved = 0;
	while (moved < len) {
		uint32_t at = write ? (v->head + v->count) % PIPE_SIZE : v->head;
		uint32_t room = write ? PIPE_SIZE - v->count : v->count;
		uint32_t chunk = len - moved;
		if (chunk > room)
			chunk = room;
		if (chunk > PIPE_SIZE - at)
			chunk = PIPE_SIZE - at;
		if (chunk == 0)
			break;
		int r = write ? sys_safecopy_from(p->endpoint, grant, done + moved, v->buffer + at, chunk)
			      : sys_safecopy_to(p->endpoint, grant, done + moved, v->buffer + at, chunk);
		if (r < 0)
			return moved ? (int)moved : r;
		if (write) {
			v->count += chunk;
		} else {
			v->head = (v->head + chunk) % PIPE_SIZE;
			v->count -= chunk;
		}
		moved += chunk;
	}
	return (int)moved;
}

/* One attempt at p's pipe request; -EDONTREPLY if it must wait. */
static int attempt(struct fproc *p, struct vnode *v, bool write, bool nonblock)
{
	uint32_t left = p->susp_len - p->susp_done;
	if (write && v->readers == 0 && p->susp_done)
		return (int)p->susp_done;  /* what went in counts; the next write fails */
	if (write && v->readers == 0) {
		fproc_signal(p, SIGPIPE);
		return -EPIPE;
	}
	if (!write && v->count == 0 && v->writers == 0)
		return (int)p->susp_done;  /* end of file */
	bool atomic = write && p->susp_len <= PIPE_SIZE;
	bool fits = write ? (atomic ? PIPE_SIZE - v->count >= left : v->count < PIPE_SIZE) : v->count > 0;
	if (fits) {
		int r = transfer(p, v, p->susp_grant, p->susp_done, left, write);
		if (r < 0)
			return r;
		p->susp_done += (uint32_t)r;
		if (!write || p->susp_done == p->susp_len)
			return (int)p->susp_done;
	}
	if (nonblock)
		return p->susp_done ? (int)p->susp_done : -EAGAIN;
	p->suspended = write ? SUSP_PIPE_WRITE : SUSP_PIPE_READ;
	return -EDONTREPLY;
}

int pipe_io(struct fproc *p, message *m, struct filp *f, bool write)
{
	p->susp_fd = m->vfs.fd;
	p->susp_grant = m->vfs.grant;
	p->susp_len = m->vfs.len;
	p->susp_done = 0;
	if (m->vfs.len == 0)
		return 0;
	int r = attempt(p, f->vnode, write, f->flags & O_NONBLOCK);
	if (r != -EDONTREPLY || p->susp_done > 0)
		pipe_wake(f->vnode);  /* data or room appeared: the other end may go on */
	return r;
}

/* Something changed on pipe v: retry every request waiting on it. */
void pipe_wake(struct vnode *v)
{
	bool progress = true;
	for (int rounds = 0; progress && rounds < VFS_PROCS; rounds++) {
		progress = false;
		for (int i = 0; i < VFS_PROCS; i++) {
			struct fproc *p = &fproc[i];
			if (!p->used || (p->suspended != SUSP_PIPE_READ && p->suspended != SUSP_PIPE_WRITE))
				continue;
			struct filp *f = fd_get(p, p->susp_fd);
			if (!f || f->vnode != v)
				continue;
			bool write = p->suspended == SUSP_PIPE_WRITE;
			p->suspended = SUSP_NONE;
			int r = attempt(p, v, write, false);
			if (r != -EDONTREPLY) {
				fproc_reply(p, r);
				progress = true;
			}
		}
	}
}
