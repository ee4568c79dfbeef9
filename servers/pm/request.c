/*
 * PM requests. The caller is looked up by its endpoint (never by anything
 * the message says), and every argument is checked before a process is
 * created, changed or ended.
 */
#include <string.h>
#include <ds.h>
#include "pm.h"


int do_fork(message *m)
{
	struct mproc *parent = mproc_by_endpoint(m->source);
	if (!parent)
		return -ESRCH;
	if (m->pm.seq && m->pm.seq == parent->answered_seq)
		return parent->answer;   /* sent again after a restart: it was done (0 in the child) */
	int r = sys_fork(parent->endpoint);  /* the child, too, waits for PM's reply */
	if (r < 0)
		return r;
	struct mproc *child = mproc_new(r, parent->pid, parent->name);
	if (!child) {
		sys_kill(r);
		return -EAGAIN;
	}
	child->pgrp = parent->pgrp;
	child->sid = parent->sid;
	child->uid = parent->uid;
	child->gid = parent->gid;
	child->brk = parent->brk;
	child->ignored = parent->ignored;
	child->blocked = parent->blocked;
	child->restorer = parent->restorer;
	memcpy(child->handler, parent->handler, sizeof(child->handler));
	memcpy(child->handler_mask, parent->handler_mask, sizeof(child->handler_mask));
	int r2 = pm_tell_vfs(VFS_PM_FORK, parent->endpoint, child->endpoint);
	if (r2 < 0 && r2 != -EEXIST) {   /* EEXIST: a VFS that died had done it */
		sys_kill(child->endpoint);
		memset(child, 0, sizeof(*child));
		return r2;
	}
	mproc_answered(child, m->pm.seq, 0, 0);
	mproc_answered(parent, m->pm.seq, child->pid, 0);
	message reply = { 0 };
	pm_reply(child->endpoint, &reply, 0);
	return child->pid;
}

int do_exit(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	mproc_terminate(p, W_EXITCODE(m->pm.status, 0));
	return -EDONTREPLY;
}

int do_waitpid(message *m)
{
	struct mproc *parent = mproc_by_endpoint(m->source);
	if (!parent)
		return -ESRCH;
	if (m->pm.options & ~WNOHANG)
		return -EINVAL;
	if (m->pm.seq && m->pm.seq == parent->answered_seq) {  /* sent again after a restart */
		m->pm.pid = parent->answer;
		m->pm.status = parent->answer_status;
		return parent->answer;
	}
	parent->wait_pid = m->pm.pid;
	parent->wait_options = m->pm.options;
	parent->wait_seq = m->pm.seq;
	mirror_mark(parent);
	bool any = false;
	for (int i = 0; i < PM_PROCS; i++) {
		struct mproc *c = &mproc[i];
		if (c->state == MP_FREE || c->ppid != parent->pid)
			continue;
		int want = m->pm.pid;
		if (!(want == -1 || (want > 0 && c->pid == want) || (want == 0 && c->pgrp == parent->pgrp) ||
		      (want < -1 && c->pgrp == -want)))
			continue;
		any = true;
		if (c->state == MP_ZOMBIE) {
			m->pm.pid = c->pid;
			m->pm.status = c->wait_status;
			mproc_answered(parent, m->pm.seq, c->pid, c->wait_status);
			mirror_mark(c);
			memset(c, 0, sizeof(*c));
			return m->pm.pid;
		}
	}
	if (!any)
		return -ECHILD;
	if (m->pm.options & WNOHANG)
		return 0;
	parent->waiting = true;
	return -EDONTREPLY;
}

int do_getpid(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	m->pm.ppid = p->ppid;
	m->pm.pgrp = p->pgrp;
	return p->pid;
}

/* Sends sig to every process that pid names (POSIX kill semantics). */
int do_kill(message *m)
{
	struct mproc *sender = mproc_by_endpoint(m->source);
	if (!sender)
		return -ESRCH;
	int pid = m->pm.pid, sig = m->pm.sig, hits = 0, r = 0;
	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	for (int i = 0; i < PM_PROCS; i++) {
		struct mproc *t = &mproc[i];
		if (t->state != MP_ALIVE)
			continue;
		bool named = pid > 0 ? t->pid == pid : pid == 0 ? t->pgrp == sender->pgrp
			   : pid == -1 ? t->pid != INIT_PID && t != sender : t->pgrp == -pid;
		if (!named)
			continue;
		if (sender->uid != 0 && sender->uid != t->uid) {
			r = -EPERM;
			continue;
		}
		hits++;
		if (sig)
			signal_send(t, sig);
	}
	if (pid == -1 && sig)
		signal_send(sender, sig);
	return hits ? 0 : (r ? r : -ESRCH);
}

int do_brk(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	uint32_t want = m->pm.addr;
	if (want == 0)
		return (int)p->brk;
	if (want < USER_HEAP_BASE || want > USER_HEAP_TOP)
		return -ENOMEM;
	int r = want > p->brk ? sys_vm(VM_ALLOC, p->endpoint, p->brk, want - p->brk)
			      : sys_vm(VM_FREE, p->endpoint, want, p->brk - want);
	if (r < 0)
		return r;
	p->brk = want;
	mirror_mark(p);
	return (int)want;
}

int do_setpgid(message *m)
{
	struct mproc *caller = mproc_by_endpoint(m->source);
	if (!caller)
		return -ESRCH;
	struct mproc *t = m->pm.pid ? mproc_by_pid(m->pm.pid) : caller;
	int pgrp = m->pm.pgrp ? m->pm.pgrp : (t ? t->pid : 0);
	if (!t || t->state != MP_ALIVE || (t != caller && t->ppid != caller->pid))
		return -ESRCH;
	if (pgrp < 0 || t->sid != caller->sid || t->pid == t->sid)
		return pgrp < 0 ? -EINVAL : -EPERM;
	t->pgrp = pgrp;
	mirror_mark(t);
	return 0;
}

int do_setsid(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	if (p->pgrp == p->pid)
		return -EPERM;  /* already a group leader */
	p->sid = p->pgrp = p->pid;
	mirror_mark(p);
	return p->sid;
}

int do_getuid(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p && m->pm.pid != 0)
		p = mproc_by_endpoint(m->pm.pid);   /* a service asks about a program */
	if (!p)
		return -ESRCH;
	m->pm.uid = p->uid;
	m->pm.gid = p->gid;
	return p->uid;
}

int do_setuid(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	bool set_uid = m->pm.options & PM_SET_UID, set_gid = m->pm.options & PM_SET_GID;
	if (p->uid != 0 && ((set_uid && m->pm.uid != p->uid) || (set_gid && m->pm.gid != p->gid)))
		return -EPERM;
	if (set_gid)
		p->gid = m->pm.gid;
	if (set_uid)
		p->uid = m->pm.uid;
	mirror_mark(p);
	pm_tell_vfs_ids(VFS_PM_SETUID, p);   /* VFS checks permissions with them */
	return 0;
}

int do_procinfo(message *m)
{
	endpoint_t asker = m->source;  /* waiting for this very reply, yet running */
	int index = m->pm.pid;
	if (index < 0 || index >= PM_PROCS)
		return -EINVAL;
	const struct mproc *p = &mproc[index];
	memset(&m->pm, 0, sizeof(m->pm));
	if (p->state == MP_FREE)
		return -ENOENT;
	m->pm.pid = p->pid;
	m->pm.ppid = p->ppid;
	m->pm.pgrp = p->pgrp;
	m->pm.uid = p->uid;
	struct kinfo_proc row;
	bool blocked = p->state == MP_ALIVE && p->endpoint != asker && sys_proc_info((uint32_t)endpoint_slot(p->endpoint), &row) == 0 &&
		       row.endpoint == p->endpoint && row.flags != 0;
	m->pm.state = p->state == MP_ZOMBIE ? 'Z' : blocked ? 'S' : 'R';  /* S: waiting for something */
	memcpy(m->pm.name, p->name, sizeof(m->pm.name));
	return 0;
}
