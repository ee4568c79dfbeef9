/*
 * The reincarnation server's protocol: the `service` command asks RS about
 * the system services and tells it to restart, stop, start them or to
 * inject faults. Reading (RS_STATUS, RS_LOG) is open to every program;
 * everything else only to root (RS asks PM for the caller's uid).
 *
 * RS's heartbeat is a notify to the service, answered by a notify back; the
 * service framework does both sides (lib/libsys/service.c).
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>

enum rs_request {
	RS_STATUS = RS_BASE + 1,   /* index -> struct rs_status of the index-th service in the grant */
	RS_LOG,                    /* index -> struct rs_log_entry (0 = the oldest kept) in the grant */
	RS_RESTART,                /* label: kill it and start it again */
	RS_DOWN,                   /* label: stop it and leave it down */
	RS_UP,                     /* label: start a service that is down or failed, counters reset */
	RS_SET,                    /* label, period_ms, max_restarts, policy (0 = leave as is),
				    * backoff_ms (RS_KEEP = leave as is) */
	RS_FI,                     /* label, kind, count: make it inject a fault into itself */
	RS_START,                  /* grant, len -> struct rs_start: a new service from an ELF file */
	RS_SET_SCRIPT,             /* label, grant, len -> its recovery script's path ("" = none) */
	RS_SCRIPT_WAIT,            /* grant, len -> struct rs_script_job: answered when a
				    * recovery script is to run (the runner, `service scripts`) */
};

#define RS_SCRIPT_MAX 64           /* a recovery script's path, NUL included */
#define RS_ARGS_MAX 64             /* a file service's arguments, NUL included */

/* RS_START: what `service up FILE -label L ...` lends RS (by grant). */
struct rs_start {
	char label[16];
	char script[RS_SCRIPT_MAX];    /* "" = none: RS restarts it itself */
	char args[RS_ARGS_MAX];        /* space-separated words given after argv[0] */
	grant_id_t image_grant;        /* the ELF file, readable by RS */
	uint32_t image_len;
	uint32_t period_ms;            /* 0 = the default */
	uint32_t max_restarts;         /* 0 = the default */
};

/* RS_SCRIPT_WAIT's answer: run `sh SCRIPT LABEL REASON COUNT`. */
struct rs_script_job {
	char label[16];
	char script[RS_SCRIPT_MAX];
	char reason[16];               /* fault, exit or hang */
	uint32_t count;                /* failures in the current window, this one included */
};

/* Fault kinds for RS_FI and SERVICE_FI. */
enum rs_fault {
	FI_NULL = 1,      /* dereference NULL */
	FI_ILLEGAL,       /* an illegal instruction (ud2) */
	FI_DIVIDE,        /* divide by zero */
	FI_STACK,         /* unbounded recursion until the stack overflows */
	FI_PANIC,         /* abort: exit with a failure status */
	FI_HANG,          /* an endless loop */
	FI_DEADLOCK,      /* a blocking receive from a source that never sends */
	FI_WILD,          /* count random words of its own data and heap overwritten */
	FI_GARBAGE,       /* count random messages sent to random system services */
	FI_FLIP,          /* count random bits of its code flipped (by RS, through the kernel) */
	FI_NR
};

enum rs_state {
	RS_RUNNING = 1,
	RS_BACKOFF,       /* dead; restarted when its backoff delay has passed */
	RS_STOPPED,       /* down on request (service down, or the "down" policy) */
	RS_FAILED,        /* crashed too often: left down, clients get an error */
};

enum rs_reason {
	RS_REASON_NONE = 0,
	RS_REASON_FAULT,      /* CPU exception; detail = vector */
	RS_REASON_EXIT,       /* exited; detail = status */
	RS_REASON_HANG,       /* missed two heartbeats */
	RS_REASON_REQUEST,    /* service restart */
	RS_REASON_CORRUPT,    /* its code changed (a flipped bit): found at a heartbeat */
};

enum rs_policy {
	RS_POLICY_RESTART = 1,
	RS_POLICY_DOWN,       /* leave it down after a failure */
};

struct msg_rs {
	char label[16];
	uint32_t index;
	uint32_t kind;         /* RS_FI: enum rs_fault */
	uint32_t count;        /* RS_FI: how many words or messages */
	uint32_t period_ms;    /* RS_SET */
	uint32_t max_restarts; /* RS_SET */
	uint32_t policy;       /* RS_SET */
	grant_id_t grant;      /* RS_STATUS, RS_LOG: where the row goes */
	uint32_t len;
	uint32_t backoff_ms;   /* RS_SET: first backoff delay (0: restart at once every time) */
	uint8_t pad[4];
};
#define RS_KEEP 0xffffffffu
_Static_assert(sizeof(struct msg_rs) == 56, "msg_rs fills the message payload");

struct rs_status {
	char label[16];
	endpoint_t endpoint;       /* NONE while down */
	uint32_t state;            /* enum rs_state */
	uint32_t restarts;         /* since boot */
	uint32_t last_reason;      /* enum rs_reason */
	int32_t last_detail;       /* vector or exit status */
	uint32_t last_recovery_us; /* fault to the new instance's first heartbeat answer */
	uint32_t up_ticks;         /* since the current instance started */
	uint32_t period_ms;        /* heartbeat period */
	uint32_t max_restarts;     /* in a window before it is marked failed */
	uint32_t policy;
	uint32_t backoff_ms;       /* first backoff delay; doubles with each crash */
};

struct rs_log_entry {
	uint32_t tick;             /* uptime when the failure was seen */
	char label[16];
	uint32_t reason;
	int32_t detail;
	uint32_t recovery_us;      /* 0 while (or if never) recovered */
	uint32_t restarts;         /* the service's count after this one */
};

/* The framework's request that makes a service hurt itself (from RS only). */
#define SERVICE_FI (SERVICE_BASE + 2)   /* words: kind, count, seed */
