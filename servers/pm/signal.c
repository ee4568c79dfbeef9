/*
 * Signals: default actions and SIG_IGN only for now. SIGCHLD is ignored by
 * default; every other signal not ignored ends the process with that signal
 * as its wait status (SIGKILL cannot be ignored). Handlers (sigaction) need
 * the kernel to build a signal frame and are future work.
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

int signal_send(struct mproc *p, int sig)
{
	/* SIGCHLD and SIGCONT are ignored by default; stopping (SIGSTOP, SIGTSTP,
	 * SIGTTIN, SIGTTOU) is not supported yet, so those are ignored too. */
	const uint32_t default_ignored = 1u << SIGCHLD | 1u << SIGCONT | 1u << SIGSTOP |
					 1u << SIGTSTP | 1u << SIGTTIN | 1u << SIGTTOU;
	if (p->state != MP_ALIVE || (sig != SIGKILL && ((p->ignored | default_ignored) & (1u << sig))))
		return 0;
	mproc_terminate(p, W_EXITCODE(0, sig));
	return 0;
}

int do_sigignore(message *m)
{
	struct mproc *p = mproc_by_endpoint(m->source);
	int sig = m->pm.sig;
	if (!p)
		return -ESRCH;
	if (sig <= 0 || sig >= NSIG || sig == SIGKILL)
		return -EINVAL;
	int was = (p->ignored >> sig) & 1u;
	if (m->pm.status)
		p->ignored |= 1u << sig;
	else
		p->ignored &= ~(1u << sig);
	return was;
}
