/*
 * Signals: sigaction, sigprocmask and the sigset functions, signal, raise,
 * pause, abort. PM keeps the handlers and the mask; the kernel runs a handler
 * on the process's own stack, and returns through __libc_sigreturn_stub,
 * which restores the mask and the interrupted registers.
 */
#include <libsys.h>
#include <libc_private.h>
#include "server.h"
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <stdlib.h>
#include <time.h>

void __libc_sigreturn_stub(void);
__attribute__((noreturn, used)) void __libc_sigreturn(struct sigcontext *c);

/* A handler returns here, with esp at its argument: the context follows it. */
__asm__(".text\n"
	".globl __libc_sigreturn_stub\n"
	"__libc_sigreturn_stub:\n"
	"	lea 4(%esp), %eax\n"
	"	push %eax\n"
	"	call __libc_sigreturn\n");

void __libc_sigreturn(struct sigcontext *c)
{
	sigset_t mask = c->old_mask;
	sigprocmask(SIG_SETMASK, &mask, NULL);
	kcall5(KC_SIGRETURN, (uint32_t)c, 0, 0, 0, 0);
	abort();  /* unreachable: the kernel does not come back */
}

static int pm_signal_call(int type, message *m)
{
	return __libc_call(&__libc_pm, type, m);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	message m = { 0 };
	m.pm.sig = sig;
	m.pm.addr = act ? (uint32_t)act->sa_handler : SIGACTION_QUERY;
	if (act) {
		m.pm.len = act->sa_mask;
		m.pm.grant = (grant_id_t)(uint32_t)__libc_sigreturn_stub;
	}
	if (pm_signal_call(PM_SIGACTION, &m) < 0)
		return -1;
	if (old) {
		old->sa_handler = (sighandler_t)m.pm.addr;
		old->sa_mask = 0;
		old->sa_flags = 0;
	}
	return 0;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	message m = { 0 };
	if (!set) {
		how = SIG_BLOCK;      /* blocking nothing more: just reads the mask */
		m.pm.addr = 0;
	} else {
		m.pm.addr = *set;
	}
	m.pm.options = how;
	if (pm_signal_call(PM_SIGPROCMASK, &m) < 0)
		return -1;
	if (old)
		*old = m.pm.addr;
	return 0;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler }, old;
	return sigaction(sig, &act, &old) < 0 ? SIG_ERR : old.sa_handler;
}

int sigemptyset(sigset_t *set) { *set = 0; return 0; }
int sigfillset(sigset_t *set) { *set = ~(sigset_t)0; return 0; }

int sigaddset(sigset_t *set, int sig)
{
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	*set |= 1u << sig;
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	*set &= ~(1u << sig);
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	return sig > 0 && sig < NSIG && (*set >> sig) & 1u;
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int pause(void)
{
	struct timespec long_time = { 1000000, 0 };
	while (nanosleep(&long_time, NULL) == 0)
		;
	return -1;  /* a signal's handler ran: EINTR */
}

void abort(void)
{
	signal(SIGABRT, SIG_DFL);
	kill(getpid(), SIGABRT);
	_exit(128 + SIGABRT);
}
