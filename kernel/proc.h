/*
 * The process table. A slot holds one process: its saved registers (first,
 * see frame.h), its address space, its IPC state and its privileges. A process
 * is runnable exactly when its block flags are all clear.
 */
#pragma once

#include <samsara/config.h>
#include <samsara/ipc.h>
#include <samsara/kcall.h>
#include "arch/i386/frame.h"
#include "lib/bitmap.h"
#include "lib/runqueue.h"

#define NR_PROCS CONFIG_NR_PROCS
_Static_assert(NR_PROCS <= ENDPOINT_MAX_SLOTS, "NR_PROCS exceeds the endpoint slot bits");

/* Reasons a process cannot run (struct proc.block). */
#define BLOCK_FREE       0x01  /* the slot is unused */
#define BLOCK_SENDING    0x02  /* waiting for send_to to receive our message */
#define BLOCK_RECEIVING  0x04  /* waiting for a message from recv_from */
#define BLOCK_STOPPED    0x08  /* faulted; waiting for its manager */
#define BLOCK_ZOMBIE     0x10  /* exited; slot freed once the manager is told */

/* Pending kernel report kinds (struct proc.report). */
#define REPORT_NONE 0

struct grant {
	endpoint_t grantee;      /* who may use it; ANY for anyone */
	vir_addr_t base;
	uint32_t len;
	uint16_t access;         /* GRANT_READ | GRANT_WRITE; 0 = slot unused */
	uint16_t generation;     /* bumped on revoke, part of the grant id */
};

struct priv;

struct proc {
	struct trapframe frame;      /* must stay first: entry.S saves into it */
	uint32_t *pagedir;           /* address space; NULL for a free slot */
	uint32_t block;              /* BLOCK_* reasons; 0 = runnable */
	endpoint_t endpoint;         /* slot + generation */
	int generation;              /* of this slot; survives reuse */
	struct priv *priv;           /* never NULL for a live process */
	endpoint_t manager;          /* gets fault and exit reports; NONE = kernel */

	/* scheduling */
	struct rq_link rq;           /* in the ready queue while runnable */
	uint8_t priority;
	uint32_t quantum_ticks;      /* full quantum */
	uint32_t ticks_left;         /* of the current quantum */
	uint32_t user_ticks, sys_ticks;

	/* IPC */
	endpoint_t send_to;          /* while BLOCK_SENDING */
	endpoint_t recv_from;        /* while BLOCK_RECEIVING: ANY or an endpoint */
	vir_addr_t msg_addr;         /* the caller's message buffer while blocked */
	bool sendrec;                /* receive the reply from send_to once sent */
	struct proc *callers;        /* queue of processes sending to us */
	struct proc *next_caller;    /* link in the receiver's callers queue */
	uint32_t notify_pending[BITMAP_WORDS(NR_PROCS)]; /* by sender slot */
	uint32_t irq_pending;        /* IRQs behind a HARDWARE notification */
	bool clock_pending;          /* a CLOCK notification is due */
	bool report_pending;         /* some process we manage has a report */

	/* the report this process owes its manager */
	uint32_t report_kind;        /* REPORT_NONE or enum kreport_kind */
	uint32_t fault_vector, fault_error, fault_address, fault_eip;
	int32_t exit_status;

	message sendbuf;             /* the message while BLOCK_SENDING */
	uint32_t alarm_tick;         /* 0 = no alarm */
	struct grant grants[CONFIG_NR_GRANTS];
	char name[16];
};

extern struct proc proc_table[NR_PROCS];

static inline struct proc *proc_slot(int slot) { return &proc_table[slot]; }
static inline int proc_nr(const struct proc *p) { return (int)(p - proc_table); }
static inline bool proc_is_live(const struct proc *p)
{
	return !(p->block & (BLOCK_FREE | BLOCK_ZOMBIE));
}

struct proc *current_proc(void);
/* The live process named by ep, or NULL (dead, replaced, or malformed). */
struct proc *proc_lookup(endpoint_t ep);
/* As proc_lookup, but SELF names the caller and errors are returned. */
int proc_lookup_checked(endpoint_t ep, struct proc *caller, struct proc **out);

struct proc *proc_alloc(const char *name);
void proc_set_runnable_flags(struct proc *p, uint32_t set, uint32_t clear);
void proc_exit(struct proc *p, int32_t status);
void proc_destroy(struct proc *p);
void proc_fault(struct proc *p, uint32_t vector, uint32_t error, uint32_t address);
bool proc_take_report(struct proc *manager, message *m);

/* sched.c */
void sched_enqueue(struct proc *p);
void sched_dequeue(struct proc *p);
void sched_tick(void);
void schedule_and_return(void) __attribute__((noreturn));
void sched_switch_to(struct proc *p);
