/* POSIX <sys/wait.h>: waiting for child processes and reading their status. */
#pragma once

#include <sys/types.h>
#include <samsara/pm.h>

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s)    ((s) & 0x7f)
#define WIFEXITED(s)   (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0)

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
