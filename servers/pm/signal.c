/*
 * Signals, default actions only for now: SIGCHLD is ignored, every other
 * signal ends the process with that signal as its wait status. Handlers
 * (sigaction) need the kernel to build a signal frame and are future work.
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
	if (sig == SIGCHLD || p->state != MP_ALIVE)
		return 0;
	mproc_terminate(p, W_EXITCODE(0, sig));
	return 0;
}
