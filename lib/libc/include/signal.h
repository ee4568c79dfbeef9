/* POSIX <signal.h>: signal numbers, handlers, masks, kill. */
#pragma once

#include <sys/types.h>
#include <samsara/pm.h>
#include <samsara/kcall.h>

typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

typedef uint32_t sigset_t;

struct sigaction {
	sighandler_t sa_handler;
	sigset_t sa_mask;        /* also blocked while the handler runs */
	int sa_flags;            /* none are supported yet */
};

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
sighandler_t signal(int sig, sighandler_t handler);
int kill(pid_t pid, int sig);
int raise(int sig);
int pause(void);
