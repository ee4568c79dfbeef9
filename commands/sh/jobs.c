/*
 * jobs.c - creating child processes and waiting for them: process groups
 * and the terminal for foreground jobs when job control is on, and the
 * table of background jobs that `wait` and $! refer to.
 */
#include "sh.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

struct job {
    pid_t pid;
    int status;    /* exit status once done */
    int done;
};

static struct job jobs[64];
static int job_count;

int wait_status(int raw)
{
    if (WIFEXITED(raw))
        return WEXITSTATUS(raw);
    if (WIFSIGNALED(raw))
        return 128 + WTERMSIG(raw);
    return 1;
}

int wait_pid(pid_t pid)
{
    int raw;

    while (waitpid(pid, &raw, 0) < 0) {
        if (errno != EINTR)
            return 127;
    }
    return wait_status(raw);
}

/* In the child: process group, terminal and signal dispositions. */
static void child_setup(enum fork_mode mode, pid_t pgid, int job_control, int interactive)
{
    if (job_control && mode != FORK_PLAIN) {
        setpgid(0, pgid);
        if (mode == FORK_FOREGROUND)
            tcsetpgrp(0, pgid ? pgid : getpid());
    }
    if (interactive) {
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGTTOU, SIG_DFL);
    }
    if (mode == FORK_BACKGROUND && !job_control) {
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
    }
}

/*
 * Forks a subshell. pgid is the process group to join (0: a new one led by
 * the child); it only matters with job control. The child forgets the
 * parent's jobs and is never interactive.
 */
pid_t sh_fork(enum fork_mode mode, pid_t pgid)
{
    pid_t pid;

    out_flush();
    pid = fork();
    if (pid < 0) {
        sh_error("fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        child_setup(mode, pgid, shell.job_control, shell.interactive);
        shell.is_child = 1;
        shell.interactive = 0;
        shell.job_control = 0;
        job_count = 0;
        return 0;
    }
    if (shell.job_control && mode != FORK_PLAIN)
        setpgid(pid, pgid ? pgid : pid);
    return pid;
}

/* Waits for a foreground job (all pids in one process group, the first
 * leading it); returns the status of the last. */
int wait_foreground(pid_t *pids, int count)
{
    int status = 0;

    if (shell.job_control)
        tcsetpgrp(0, pids[0]);
    for (int i = 0; i < count; i++)
        status = pids[i] > 0 ? wait_pid(pids[i]) : 127;
    if (shell.job_control) {
        tcsetpgrp(0, shell.shell_pgrp);
        if (status == 128 + SIGINT)
            write_all(2, "\n", 1);
    }
    return status;
}

static void jobs_forget_done(void)
{
    int kept = 0;

    for (int i = 0; i < job_count; i++)
        if (!jobs[i].done)
            jobs[kept++] = jobs[i];
    job_count = kept;
}

void jobs_add(pid_t pid)
{
    if (job_count == (int)(sizeof jobs / sizeof jobs[0]))
        jobs_forget_done();
    if (job_count == (int)(sizeof jobs / sizeof jobs[0]))
        jobs[--job_count].pid = 0; /* forget the newest: it stays a zombie */
    jobs[job_count++] = (struct job){ .pid = pid };
    shell.last_bg_pid = pid;
}

/* Collects finished background jobs without blocking. */
void jobs_reap(void)
{
    for (int i = 0; i < job_count; i++) {
        int raw;

        if (!jobs[i].done && waitpid(jobs[i].pid, &raw, WNOHANG) == jobs[i].pid) {
            jobs[i].status = wait_status(raw);
            jobs[i].done = 1;
        }
    }
}

static int job_finish(struct job *job)
{
    if (!job->done) {
        job->status = wait_pid(job->pid);
        job->done = 1;
    }
    return job->status;
}

/* wait [pid]: pid 0 waits for every job and returns 0. */
int jobs_wait(pid_t pid)
{
    int status = 0;

    for (int i = 0; i < job_count; i++) {
        if (pid == 0)
            job_finish(&jobs[i]);
        else if (jobs[i].pid == pid)
            status = job_finish(&jobs[i]);
        else
            continue;
        if (pid != 0)
            return status;
    }
    if (pid == 0) {
        job_count = 0;
        return 0;
    }
    return 127;
}
