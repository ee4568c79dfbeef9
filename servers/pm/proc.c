/* PM's process table: pids, parents, zombies, and reaping. */
#include <string.h>
#include <ds.h>
#include "pm.h"

struct mproc mproc[PM_PROCS];
static int next_pid = INIT_PID + 1;

struct mproc *mproc_by_endpoint(endpoint_t ep)
{
	for (int i = 0; i < PM_PROCS; i++) {
		if (mproc[i].state == MP_ALIVE && mproc[i].endpoint == ep)
			return &mproc[i];
	}
	return NULL;
}

struct mproc *mproc_by_pid(int pid)
{
	for (int i = 0; i < PM_PROCS; i++) {
		if (mproc[i].state != MP_FREE && mproc[i].pid == pid)
			return &mproc[i];
	}
	return NULL;
}

int mproc_next_pid(void)
{
	return next_pid;
}

void mproc_set_next_pid(int pid)
{
	next_pid = pid > INIT_PID && pid < 30000 ? pid : INIT_PID + 1;
}

/* The next pid not in use, wrapping below 30000 as traditional Unixes do. */
static int allocate_pid(void)
{
	for (;;) {
		int pid = next_pid++;
		if (next_pid >= 30000)
			next_pid = INIT_PID + 1;
		if (!mproc_by_pid(pid))
			return pid;
	}
}

struct mproc *mproc_new(endpoint_t ep, int ppid, const char *name)
{
	for (int i = 0; i < PM_PROCS; i++) {
		struct mproc *p = &mproc[i];
		if (p->state != MP_FREE)
			continue;
		memset(p, 0, sizeof(*p));
		p->state = MP_ALIVE;
		p->endpoint = ep;
		p->pid = ppid ? allocate_pid() : INIT_PID;
		p->ppid = ppid;
		p->pgrp = p->sid = p->pid;
		p->brk = USER_HEAP_BASE;
		strlcpy(p->name, name, sizeof(p->name));
		mirror_mark(p);
		return p;
	}
	return NULL;
}

static bool wait_matches(const struct mproc *parent, const struct mproc *child)
{
	int want = parent->wait_pid;
	return want == -1 || (want > 0 && child->pid == want) ||
	       (want == 0 && child->pgrp == parent->pgrp) || (want < -1 && child->pgrp == -want);
}

/* Hands a zombie to its parent if it is waiting for it; frees the slot then. */
static void try_reap(struct mproc *child)
{
	struct mproc *parent = mproc_by_pid(child->ppid);
	mirror_mark(child);
	if (!parent || parent->state != MP_ALIVE) {
		memset(child, 0, sizeof(*child));  /* nobody will ever ask */
		return;
	}
	if (!parent->waiting || !wait_matches(parent, child))
		return;
	message reply = { 0 };
	reply.pm.pid = child->pid;
	reply.pm.status = child->wait_status;
	mproc_answered(parent, parent->wait_seq, child->pid, child->wait_status);
	parent->waiting = false;
	memset(child, 0, sizeof(*child));
	pm_reply(parent->endpoint, &reply, reply.pm.pid);
}

void mproc_answered(struct mproc *p, uint32_t seq, int answer, int answer_status)
{
	p->answered_seq = seq;
	p->answer = answer;
	p->answer_status = answer_status;
	mirror_mark(p);
}

/* How long PM waits for a VFS that died to come back, in ticks (RS's largest backoff is 2 s). */
#define VFS_RETURN_TICKS 500

/*
 * Sends m to VFS and returns its answer; 0 if the system has no VFS. If VFS
 * is dead or dies meanwhile, m goes to its next instance, which RS starts at
 * once (a fork VFS never heard of would leave the child without its files):
 * VFS's answers to PM can be given twice (a repeated fork is refused with
 * EEXIST).
 */
static int vfs_call(message *m)
{
	static bool vfs_seen;   /* a VFS ran: one missing now is being restarted */
	message request = *m;
	endpoint_t vfs = ds_lookup("vfs");
	if (vfs == NONE && !vfs_seen)
		return 0;
	vfs_seen = true;
	int r = vfs == NONE ? -EDEADSRCDST : ipc_sendrec(vfs, m);
	uint32_t start = (uint32_t)sys_uptime();
	while (r == -EDEADSRCDST && (uint32_t)sys_uptime() - start < VFS_RETURN_TICKS) {
		if ((vfs = sys_find_label("vfs")) == NONE)
			continue;   /* not restarted yet: RS runs above us */
		*m = request;
		r = ipc_sendrec(vfs, m);
	}
	return r < 0 ? r : m->type;
}

int pm_tell_vfs(int type, endpoint_t ep, endpoint_t ep2)
{
	message m = { .type = type };
	m.vfs.ep = ep;
	m.vfs.ep2 = ep2;
	return vfs_call(&m);
}

int pm_tell_vfs_ids(int type, const struct mproc *p)
{
	message m = { .type = type };
	m.vfs.ep = p->endpoint;
	m.vfs.flags = (uint32_t)p->uid;
	m.vfs.mode = (uint32_t)p->gid;
	return vfs_call(&m);
}

/*
 * VFS has a new endpoint. If it is a new instance, it knows no process:
 * each is introduced to it (VFS_PM_RESTORE), with no descriptors, since
 * those died with the old VFS. VFS refuses the ones it knows (EEXIST), so
 * this does nothing when only the endpoint's entry was published again.
 */
void mproc_introduce_to_vfs(void)
{
	int told = 0;
	for (int i = 0; i < PM_PROCS; i++) {
		if (mproc[i].state == MP_ALIVE && pm_tell_vfs_ids(VFS_PM_RESTORE, &mproc[i]) == 0)
			told++;
	}
	if (told)
		service_log("a new VFS: told it of %d processes, whose open files are lost", told);
}

void mproc_terminate(struct mproc *p, int wait_status)
{
	if (p->state != MP_ALIVE)
		return;
	pm_tell_vfs(VFS_PM_EXIT, p->endpoint, NONE);  /* closes its files first */
	sys_kill(p->endpoint);
	mirror_mark(p);
	p->state = MP_ZOMBIE;
	p->endpoint = NONE;
	p->wait_status = wait_status;
	p->alarm_tick = 0;
	int ppid = p->ppid;
	for (int i = 0; i < PM_PROCS; i++) {  /* orphans go to init */
		struct mproc *c = &mproc[i];
		if (c->state != MP_FREE && c->ppid == p->pid) {
			c->ppid = INIT_PID;
			mirror_mark(c);
			if (c->state == MP_ZOMBIE)
				try_reap(c);
		}
	}
	try_reap(p);          /* a parent in waitpid gets its answer first, */
	signal_parent(ppid);  /* so that a SIGCHLD handler cannot make it EINTR */
}
