/*
 * Signals: handlers (the kernel builds the frame, KC_SIGSEND), masks, SIG_IGN
 * and the default actions. SIGCHLD (sent to the parent whenever a child
 * ends) and SIGCONT are ignored by default; every other signal not ignored
 * ends the process with that signal as its wait status (SIGKILL cannot be
 * ignored). Besides kill, signals come from faults, the terminal (^C), the
 * clock (SIGALRM) and VFS (SIGPIPE, collected after VFS notifies PM).
 */
#include "pm.h"

int signal_for_exception(uint32_t vector)
{
	switch (vector) {
	case 0: return SIGFPE;     /* divide error */
	case 3: return SIGTRAP;    /* breakpoint */
	case 6: return SIGILL;     /* invalid opcode */
	case 17: return SIGBUS;    /* alignment check */
	default: return SIGSEGV;   /* page fault, general protection, the rest */
	}
}

/* Ends whatever p waits for (EINTR), so that its registers can be changed. */
static void interrupt(struct mproc *p)
{
	message reply = { 0 };
	mirror_mark(p);
	if (p->waiting) {
		p->waiting = false;
		pm_reply(p->endpoint, &reply, -EINTR);
	} else if (p->wake_tick) {
		reply.pm.len = time_ticks_left(p->wake_tick);  /* for sleep's "seconds left" */
		p->wake_tick = 0;
		pm_reply(p->endpoint, &reply, -EINTR);
	} else {
		pm_tell_vfs(VFS_PM_UNPAUSE, p->endpoint, NONE);
	}
}

/* Runs p's handler for sig; false if p cannot take it now (it stays pending). */
static bool run_handler(struct mproc *p, int sig)
{
	interrupt(p);
	struct kc_sigsend req = { p->handler[sig], p->restorer, sig, p->blocked };
	int r = kcall5(KC_SIGSEND, (uint32_t)p->endpoint, (uint32_t)&req, 0, 0, 0);
	if (r == -EBUSY)
		return false;
	if (r < 0) {  /* no stack to run it on: the default action */
		mproc_terminate(p, W_EXITCODE(0, sig));
		return true;
	}
	p->blocked |= p->handler_mask[sig] | 1u << sig;
	return true;
}

void signal_deliver_pending(struct mproc *p)
{
	mirror_mark(p);
	for (int sig = 1; sig < NSIG && p->state == MP_ALIVE; sig++) {
		uint32_t bit = 1u << sig;
		if ((p->pending & bit) && !(p->blocked & bit) && run_handler(p, sig))
			p->pending &= ~bit;
	}
	if (p->state == MP_ALIVE && (p->pending & ~p->blocked))
		time_arm();  /* it was busy: try again at the next tick */
}

int signal_send(struct mproc *p, int sig)
{
	if (p->state == MP_ALIVE && sig != SIGKILL && p->handler[sig]) {
		p->pending |= 1u << sig;
		mirror_mark(p);
		signal_deliver_pending(p);
		return 0;
	}
	/* SIGCHLD and SIGCONT are ignored by default; stopping (SIGSTOP, SIGTSTP,
	 * SIGTTIN, SIGTTOU) is not supported yet, so those are ignored too. */
	const uint32_t default_ignored = 1u << SIGCHLD | 1u << SIGCONT | 1u << SIGSTOP |
					 1u << SIGTSTP | 1u << SIGTTIN | 1u << SIGTTOU;
	if (p->state != MP_ALIVE || (sig != SIGKILL && ((p->ignored | default_ignored) & (1u << sig))))
		return 0;
	mproc_terminate(p, W_EXITCODE(0, sig));
	return 0;
}

void signal_parent(int ppid)
{
	struct mproc *parent = mproc_by_pid(ppid);
	if (parent && parent->state == MP_ALIVE)
		signal_send(parent, SIGCHLD);
}

/*
 * VFS never sends PM a request (PM calls VFS, so the other way round could
 * deadlock): it notifies, and PM collects what it has, one process at a
 * time, with VFS_PM_TAKE_SIGNAL, which VFS answers at once. Each answer
 * empties one process's set, so there are at most as many rounds as
 * processes.
 */
void signal_take_from_vfs(endpoint_t vfs)
{
	for (int rounds = 0; rounds < PM_PROCS; rounds++) {
		message m = { .type = VFS_PM_TAKE_SIGNAL };
		if (ipc_sendrec(vfs, &m) < 0 || m.type < 0)
			return;
		struct mproc *p = mproc_by_endpoint(m.vfs.ep);
		for (int sig = 1; p && sig < NSIG; sig++) {
			if (m.vfs.flags & (1u << sig))
				signal_send(p, sig);
		}
	}
}

int do_sigaction(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	int sig = m->pm.sig;
	if (!p)
		return -ESRCH;
	if (sig <= 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP)
		return -EINVAL;
	uint32_t old = (p->ignored >> sig) & 1u ? 1 : p->handler[sig];
	uint32_t handler = m->pm.addr;
	m->pm.addr = old;
	if (handler == SIGACTION_QUERY)
		return 0;
	mirror_mark(p);
	p->ignored &= ~(1u << sig);
	p->handler[sig] = 0;
	if (handler == 1)
		p->ignored |= 1u << sig;
	else if (handler > 1)
		p->handler[sig] = handler;
	p->handler_mask[sig] = m->pm.len & ~(1u << SIGKILL | 1u << SIGSTOP);
	if (m->pm.grant)
		p->restorer = (uint32_t)m->pm.grant;
	return 0;
}

int do_sigprocmask(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	if (!p)
		return -ESRCH;
	uint32_t set = m->pm.addr & ~(1u << SIGKILL | 1u << SIGSTOP), old = p->blocked;
	mirror_mark(p);
	switch (m->pm.options) {
	case SIG_BLOCK: p->blocked |= set; break;
	case SIG_UNBLOCK: p->blocked &= ~set; break;
	case SIG_SETMASK: p->blocked = set; break;
	default: return -EINVAL;
	}
	m->pm.addr = old;
	m->type = 0;
	if (p->pending & ~p->blocked) {  /* answer first: the handler runs after the call returns */
		pm_reply(p->endpoint, m, 0);
		signal_deliver_pending(p);
		return -EDONTREPLY;
	}
	return 0;
}

