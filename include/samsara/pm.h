/*
 * The process manager's protocol: what programs ask of PM (through libc) to
 * create, run and end processes. PM keeps the POSIX view of processes (pid,
 * parent, process group, session, exit status); the kernel keeps only
 * endpoints.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>

enum pm_request {
	PM_FORK = PM_BASE + 1,   /* -> child's pid (0 in the child) */
	PM_EXIT,                 /* status: the caller ends (no reply) */
	PM_WAITPID,              /* pid, options -> pid, status */
	PM_GETPID,               /* -> pid; ppid, pgrp */
	PM_KILL,                 /* pid, sig */
	PM_EXEC_BOOT,            /* name, grant+len: stack image -> no reply on success */
	PM_BRK,                  /* addr (0: ask) -> the break */
	PM_SETPGID,              /* pid, pgrp */
	PM_SETSID,               /* -> the new session id */
	PM_GETUID,               /* -> uid; euid, gid, egid in the payload. A system
				  * service may name a program's endpoint in pid (RS) */
	PM_PROCINFO,             /* pid = index -> one row of the process list */
	PM_EXEC_IMAGE,           /* name; grant+len: stack image; image_grant+image_len: the ELF
				  * executable, read by the caller from a file -> no reply on success */
	PM_TIME,                 /* -> seconds since 1970 in addr, ticks since boot in len */
	PM_SLEEP,                /* len: ticks to wait (reply when they have passed; if a signal
				  * ends it early, EINTR with the ticks left in len) */
	PM_UNAME,                /* grant: struct utsname */
	PM_TIMES,                /* -> the caller's user and system ticks in addr and len */
	PM_SIGACTION,            /* sig; addr: handler (0 default, 1 ignore, SIGACTION_QUERY: no
				  * change); len: mask while it runs; grant: the restorer address
				  * -> the old handler in addr */
	PM_SIGPROCMASK,          /* options: how; addr: the set -> the old mask in addr */
	PM_REBOOT,               /* options: SHUTDOWN_POWEROFF, _REBOOT or _HALT (root only) */
	PM_ALARM,                /* len: seconds until SIGALRM (0: cancel) -> seconds that were
				  * left of the previous alarm (0 if none) */
	PM_SETUID,               /* options: PM_SET_UID and/or PM_SET_GID; uid, gid. Root may
				  * set any; others only their own */
};

#define SIGACTION_QUERY 0xffffffffu
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

struct utsname {
	char sysname[32], nodename[32], release[32], version[64], machine[32];
};

/* waitpid options and status encoding, as POSIX and Linux have them. */
#define WNOHANG 1
#define W_EXITCODE(code, sig) (((code) & 0xff) << 8 | ((sig) & 0x7f))

struct msg_pm {
	int32_t pid;             /* request argument, or result */
	union {
		int32_t status;          /* PM_WAITPID: wait status; PM_EXIT: exit status */
		uint32_t image_len;      /* PM_EXEC_IMAGE */
	};
	union {
		int32_t options; /* PM_WAITPID */
		int32_t sig;     /* PM_KILL */
	};
	union {
		uint32_t addr;           /* PM_BRK */
		grant_id_t image_grant;  /* PM_EXEC_IMAGE */
	};
	grant_id_t grant;        /* PM_EXEC_BOOT: the stack image */
	uint32_t len;
	union {
		int32_t ppid;    /* PM_GETPID, PM_PROCINFO */
		uint32_t seq;    /* PM_FORK, PM_WAITPID, PM_SLEEP: the caller's request number,
				  * the same when libc sends it again to a restarted PM, which
				  * then answers it without doing it twice; 0 = none */
	};
	int32_t pgrp;            /* PM_GETPID, PM_PROCINFO */
	uint16_t uid, gid;       /* PM_GETUID (euid = uid, egid = gid for now), PM_PROCINFO */
	char name[16];           /* PM_EXEC_BOOT: module; PM_PROCINFO: command */
	uint8_t state;           /* PM_PROCINFO: 'R' running, 'S' waiting, 'Z' zombie */
	uint8_t pad[3];
};
_Static_assert(sizeof(struct msg_pm) == 56, "msg_pm fills the message payload");

#define PM_SET_UID 1
#define PM_SET_GID 2

/* Signals PM knows by number (Linux's numbers). */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define NSIG 32

/* Where program heaps start (PM_BRK); they grow up to USER_HEAP_TOP. */
#define USER_HEAP_BASE 0x60000000u
