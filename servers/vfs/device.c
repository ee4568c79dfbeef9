/*
 * Character devices through the cdev protocol (<samsara/cdev.h>). Data goes
 * through one of VFS's bounce buffers, lent to the driver with a grant. A
 * request the driver suspends leaves its caller suspended here too; the
 * driver's notify makes VFS collect the result and answer the caller. When
 * a driver is replaced (RS restarts it), what was in flight or suspended is
 * sent to the new instance.
 */
#include <string.h>
#include <ds.h>
#include <samsara/termios.h>
#include "vfs.h"

static uint32_t next_id = 1;

static int cdev_call(const char *driver, message *m)
{
	endpoint_t ep = ds_lookup(driver);
	if (ep == NONE)
		return -ENXIO;
	int r = ipc_sendrec(ep, m);
	return r < 0 ? r : m->type;
}

int device_open(struct vnode *v)
{
	message m = { .type = CDEV_OPEN };
	m.cdev.minor = v->minor;
	return cdev_call(v->driver, &m);
}

/* Finishes a device transfer of n bytes (or an error) into the caller's buffer. */
static int finish_transfer(struct fproc *p, int status)
{
	if (status > 0 && p->susp_type == VFS_READ) {
		int r = sys_safecopy_to(p->endpoint, p->susp_grant, 0, p->bounce, (uint32_t)status);
		if (r < 0)
			status = r;
	}
	bounce_put(p->bounce);
	p->bounce = NULL;
	if (p->bounce_grant >= 0)
		sys_revoke(p->bounce_grant);
	p->bounce_grant = -1;
	return status;
}

#define MAX_RESENDS 3

/*
 * Sends p's transfer of len bytes through bounce to the driver of v, which
 * gets a grant on bounce; a driver that dies meanwhile (EDEADSRCDST) is
 * looked up again and sent the request anew, as RS will have published its
 * successor. Returns the driver's answer (CDEV_SUSPENDED: the grant stays
 * in p->bounce_grant) or an error.
 */
static int send_transfer(struct fproc *p, struct vnode *v, uint32_t flags, char *bounce, uint32_t len,
			 bool write)
{
	int r = -EDEADSRCDST;
	for (int attempt = 0; attempt <= MAX_RESENDS && r == -EDEADSRCDST; attempt++) {
		endpoint_t driver = ds_lookup(v->driver);
		if (driver == NONE)
			return -ENXIO;
		grant_id_t g = sys_grant(driver, bounce, len ? len : 1, write ? GRANT_READ : GRANT_WRITE);
		if (g < 0)
			return g;
		message req = { .type = write ? CDEV_WRITE : CDEV_READ };
		req.cdev.minor = v->minor;
		req.cdev.id = next_id++;
		req.cdev.grant = g;
		req.cdev.len = len;
		req.cdev.flags = (flags & O_NONBLOCK) ? CDEV_NONBLOCK : 0;
		req.cdev.user = p->endpoint;
		r = ipc_sendrec(driver, &req);
		if (r == 0 && req.type == CDEV_SUSPENDED) {
			p->susp_id = req.cdev.id;
			p->susp_driver = driver;
			p->bounce_grant = g;  /* revoked when the request finishes */
			return CDEV_SUSPENDED;
		}
		sys_revoke(g);
		if (r == 0)
			return req.type;
	}
	return r;
}

int device_io(struct fproc *p, message *m, struct filp *f, bool write)
{
	uint32_t len = m->vfs.len < BOUNCE_SIZE ? m->vfs.len : BOUNCE_SIZE;
	char *bounce = bounce_get();
	if (!bounce)
		return -EAGAIN;
	int r = write ? sys_safecopy_from(p->endpoint, m->vfs.grant, 0, bounce, len) : 0;
	if (r < 0) {
		bounce_put(bounce);
		return r;
	}
	p->bounce = bounce;
	p->bounce_grant = -1;
	p->susp_type = m->type;
	p->susp_grant = m->vfs.grant;
	p->susp_len = len;
	p->susp_fd = m->vfs.fd;
	r = send_transfer(p, f->vnode, f->flags, bounce, len, write);
	if (r == CDEV_SUSPENDED) {
		p->suspended = SUSP_DEVICE;
		return -EDONTREPLY;
	}
	return finish_transfer(p, r);
}

/*
 * The driver called label has a new instance (DS says so): requests
 * suspended at the old one are sent to it again, from the same bounce
 * buffers, so that a program blocked reading the terminal goes on waiting.
 */
void device_restarted(const char *label)
{
	endpoint_t now = ds_lookup(label);
	for (int i = 0; i < VFS_PROCS; i++) {
		struct fproc *p = &fproc[i];
		struct filp *f = p->used && p->suspended == SUSP_DEVICE ? fd_get(p, p->susp_fd) : NULL;
		if (!f || f->vnode->kind != VN_CHR || strcmp(f->vnode->driver, label) != 0 ||
		    p->susp_driver == now)
			continue;
		if (p->bounce_grant >= 0)
			sys_revoke(p->bounce_grant);
		p->bounce_grant = -1;
		int r = send_transfer(p, f->vnode, f->flags, p->bounce, p->susp_len, p->susp_type == VFS_WRITE);
		if (r != CDEV_SUSPENDED) {
			p->suspended = SUSP_NONE;
			fproc_reply(p, finish_transfer(p, r));
		}
	}
}

/* The driver at ep has finished some suspended requests: answer their callers. */
void device_notify(endpoint_t ep)
{
	for (int rounds = 0; rounds < 64; rounds++) {
		message m = { .type = CDEV_STATUS };
		if (ipc_sendrec(ep, &m) < 0 || m.type < 0)
			return;
		for (int i = 0; i < VFS_PROCS; i++) {
			struct fproc *p = &fproc[i];
			if (p->used && p->suspended == SUSP_DEVICE && p->susp_id == m.cdev.id) {
				fproc_reply(p, finish_transfer(p, m.cdev.status));
				break;
			}
		}
	}
}

/*
 * p is going away or was interrupted: its suspended device request ends.
 * Returns how it ended: what it had transferred if anything, else -EINTR.
 */
int device_cancel(struct fproc *p)
{
	if (p->suspended != SUSP_DEVICE)
		return 0;
	struct filp *f = fd_get(p, p->susp_fd);
	int status = -EINTR;
	if (f && f->vnode->kind == VN_CHR) {
		message m = { .type = CDEV_CANCEL };
		m.cdev.minor = f->vnode->minor;
		m.cdev.id = p->susp_id;
		int r = cdev_call(f->vnode->driver, &m);
		if (r > 0)
			status = r;  /* it had finished after all */
	}
	status = finish_transfer(p, status);
	p->suspended = SUSP_NONE;
	return status;
}

int device_ioctl(struct fproc *p, message *m, struct filp *f)
{
	struct vnode *v = f->vnode;
	uint32_t size = m->vfs.request == TIOCGWINSZ ? sizeof(struct winsize) : sizeof(struct termios);
	bool in = m->vfs.request == TCSETS || m->vfs.request == TCSETSW || m->vfs.request == TCSETSF;
	bool out = m->vfs.request == TCGETS || m->vfs.request == TIOCGWINSZ;
	char buf[sizeof(struct termios)];
	message req = { .type = CDEV_IOCTL };
	req.cdev.minor = v->minor;
	req.cdev.request = m->vfs.request;
	req.cdev.pgrp = (int32_t)m->vfs.mode;   /* TIOCSPGRP's argument */
	if (in && sys_safecopy_from(p->endpoint, m->vfs.grant, 0, buf, size) < 0)
		return -EFAULT;
	endpoint_t driver = ds_lookup(v->driver);
	grant_id_t g = (in || out) ? sys_grant(driver, buf, size, GRANT_READ | GRANT_WRITE) : -1;
	req.cdev.grant = g;
	int r = cdev_call(v->driver, &req);
	if (g >= 0)
		sys_revoke(g);
	if (r >= 0 && out)
		r = sys_safecopy_to(p->endpoint, m->vfs.grant, 0, buf, size);
	if (r >= 0 && m->vfs.request == TIOCGPGRP)
		r = req.cdev.pgrp;
	return r;
}
