/* PM's process table and the functions its files share. */
#pragma once

#include <service.h>
#include <samsara/pm.h>

#define PM_PROCS CONFIG_NR_PROCS
#define INIT_PID 1

enum mproc_state { MP_FREE = 0, MP_ALIVE, MP_ZOMBIE };

struct mproc {
	enum mproc_state state;
	endpoint_t endpoint;
	int pid, ppid, pgrp, sid;
	int uid, gid;
	int wait_status;             /* once a zombie */
	bool waiting;                /* blocked in waitpid (reply deferred) */
	int wait_pid, wait_options;
	uint32_t wait_seq;           /* libc's number for that waitpid */
	uint32_t answered_seq;       /* the last fork or waitpid that ended with answer (and */
	int answer, answer_status;   /* answer_status): sent again if libc asks again */
	uint32_t sleep_seq;          /* the last sleep, and the tick it ends at: a sleep */
	uint32_t sleep_until;        /* sent again after a restart ends when the first would */
	uint32_t brk;                /* the program break */
	uint32_t ignored;            /* bit n: signal n is ignored */
	uint32_t blocked, pending;   /* signal mask; signals waiting for delivery */
	uint32_t handler[NSIG];      /* 0 = default action (ignored is the bit above) */
	uint32_t handler_mask[NSIG]; /* blocked while handler[n] runs */
	uint32_t restorer;           /* libc's return path from handlers */
	uint32_t wake_tick;          /* sleeping until this tick (reply deferred); 0 = not */
	uint32_t alarm_tick;         /* SIGALRM at this tick (alarm); 0 = no alarm */
	char name[16];
};

extern struct mproc mproc[PM_PROCS];

struct mproc *mproc_by_endpoint(endpoint_t ep);
struct mproc *mproc_by_pid(int pid);
struct mproc *mproc_new(endpoint_t ep, int ppid, const char *name);
/* The pid the next process gets (kept in the mirror across restarts). */
int mproc_next_pid(void);
void mproc_set_next_pid(int pid);
/* Records the answer to p's request seq (fork, waitpid), for a re-send. */
void mproc_answered(struct mproc *p, uint32_t seq, int answer, int answer_status);
/* p ends with wait status: its memory goes, its parent may collect it. */
void mproc_terminate(struct mproc *p, int wait_status);

int do_fork(message *m);
int do_exit(message *m);
int do_waitpid(message *m);
int do_getpid(message *m);
int do_kill(message *m);
int do_exec_boot(message *m);
int do_brk(message *m);
int do_setpgid(message *m);
int do_setsid(message *m);
int do_getuid(message *m);
int do_setuid(message *m);
int do_procinfo(message *m);
int do_exec_image(message *m);
int do_time(message *m);
int do_sleep(message *m);
int do_uname(message *m);
int do_times(message *m);
int do_sigaction(message *m);
int do_sigprocmask(message *m);
int do_reboot(message *m);
int do_alarm(message *m);
/* Delivers whatever pending signals p no longer blocks. */
void signal_deliver_pending(struct mproc *p);
/* time.c: the clock */
void time_init(void);
/* The wall clock's base: seconds since 1970 at a tick (kept in the mirror, so
 * that the clock does not jump when a restarted PM reads the CMOS again). */
void time_base(uint32_t *seconds, uint32_t *ticks);
void time_set_base(uint32_t seconds, uint32_t ticks);
void time_alarm(void);
/* Sets PM's alarm for the next sleeper, process alarm, or signal to retry. */
void time_arm(void);
/* Ticks from now until tick, 0 if it has passed. */
uint32_t time_ticks_left(uint32_t tick);

/*
 * mirror.c: the process table's copy in memory the kernel keeps for PM
 * (KC_KEEP), from which a restarted PM rebuilds it. A record that changes
 * is marked; marked records are copied out before any reply leaves PM.
 */
/* Maps the mirror; true if it holds a predecessor's table (a restart). */
bool mirror_init(void);
/* Rebuilds mproc[] from the mirror, checked against the kernel's table. */
void mirror_recover(void);
void mirror_mark(const struct mproc *p);
/* Copies every marked record out (the framework's commit, and before deferred replies). */
void mirror_commit(void);
/* Commits, then sends a deferred reply. */
int pm_reply(endpoint_t client, message *m, int status);

/* Tells VFS p's user and group IDs in a request of that type (VFS_PM_SETUID, _RESTORE). */
int pm_tell_vfs_ids(int type, const struct mproc *p);
/* A new VFS instance: tells it of every process. */
void mproc_introduce_to_vfs(void);

/* Tells VFS of a process event (VFS_PM_*); nothing if VFS is not running. */
int pm_tell_vfs(int type, endpoint_t ep, endpoint_t ep2);

/* The signal a CPU exception becomes. */
int signal_for_exception(uint32_t vector);
/* Delivers sig to p: runs its handler, ignores it, or takes the default action. */
int signal_send(struct mproc *p, int sig);
/* Tells process ppid with SIGCHLD that a child of its has ended. */
void signal_parent(int ppid);
/* VFS has signals for processes (SIGPIPE): collects and sends them. */
void signal_take_from_vfs(endpoint_t vfs);
