/* POSIX <signal.h>: signal numbers, kill, and signal() for SIG_DFL/SIG_IGN. */
#pragma once

#include <sys/types.h>
#include <samsara/pm.h>

typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

/* Only SIG_DFL and SIG_IGN for now: handlers fail with ENOSYS. */
sighandler_t signal(int sig, sighandler_t handler);
int kill(pid_t pid, int sig);
