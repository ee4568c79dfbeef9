/*
 * The process table. A slot holds one process: its saved registers (first,
 * see frame.h), its address space, its IPC state and its privileges. A process
 * is runnable exactly when its block flags are all clear.
 */
#pragma once

#include <samsara/config.h>
#include <samsara/ipc.h>
#include <samsara/kcall.h>
#include "arch/i386/arch.h"
#include "priv.h"
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


struct proc {
	struct trapframe frame;      /* must stay first: entry.S saves into it */
	uint32_t *pagedir;           /* address space; NULL for a free slot */
	uint32_t block;              /* BLOCK_* reasons; 0 = runnable */
	endpoint_t endpoint;         /* slot + generation */
	int generation;              /* of this slot; survives reuse */
	struct priv *priv;           /* never NULL for a live process */
	endpoint_t manager;          /* gets fault and exit reports; NONE = kernel */
	int boot_module;             /* 1 + its boot module's index; 0 = not started from one */
	int heir;                    /* its manager died holding kept memory (keep.c): the
				      * next instance takes it over; 0 = not waiting for one */
	int image;                   /* 1 + its kept service image's index (image.c); 0 = none */
	uint32_t code_sum;           /* of its read-only pages when loaded (KC_CODE); 0 = none */

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
	message *msg_kernel;         /* the same, through the identity map, when it lies
				      * in one page (checked writable); else NULL */
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

extern struct proc *sched_current;
extern struct runqueue sched_ready;
static inline struct proc *current_proc(void) { return sched_current; }
/* The live process named by ep, or NULL (dead, replaced, or malformed). */
__attribute__((always_inline)) static inline struct proc *proc_lookup(endpoint_t ep)
{
	if (!endpoint_is_process(ep) || endpoint_slot(ep) >= NR_PROCS)
		return NULL;
	struct proc *p = proc_slot(endpoint_slot(ep));
	return p->endpoint == ep && proc_is_live(p) ? p : NULL;
}
/* As proc_lookup, but SELF names the caller and errors are returned. */
int proc_lookup_checked(endpoint_t ep, struct proc *caller, struct proc **out);

struct proc *proc_alloc(const char *name);
__attribute__((always_inline)) static inline void sched_enqueue(struct proc *p) { rq_push_back(&sched_ready, &p->rq, p->priority); }
static inline void sched_dequeue(struct proc *p) { rq_remove(&sched_ready, &p->rq, p->priority); }

/* Changes block reasons, keeping the ready queue in step. */
static inline void proc_set_runnable_flags(struct proc *p, uint32_t set, uint32_t clear)
{
	bool was_ready = p->block == 0;
	p->block = (p->block | set) & ~clear;
	if (was_ready && p->block)
		sched_dequeue(p);
	else if (!was_ready && !p->block)
		sched_enqueue(p);
}
void proc_exit(struct proc *p, int32_t status);
void proc_destroy(struct proc *p);
void proc_fault(struct proc *p, uint32_t vector, uint32_t error, uint32_t address);
bool proc_take_report(struct proc *manager, message *m);

/* sched.c */
void sched_tick(void);
void schedule_and_return(void) __attribute__((noreturn));
void sched_switch_to_none(void);
extern const struct priv *sched_io_loaded, *sched_io_bitmap_holder;
/* Rewrites the TSS I/O bitmap to open next's port ranges (and no others). */
void sched_io_bitmap_load(const struct priv *next);
/* p's port ranges were set anew: the bitmap no longer reflects them. */
void sched_io_ranges_changed(const struct priv *p);

/* Makes p the running process: its kernel entry, address space and ports. */
__attribute__((always_inline)) static inline void sched_switch_to(struct proc *p)
{
	sched_current = p;
	arch_set_kernel_entry(&p->frame + 1);
	arch_load_address_space(p->pagedir);
	const struct priv *io = priv_io(p->priv);
	if (io == sched_io_loaded)
		return;
	sched_io_loaded = io;
	if (io && io != sched_io_bitmap_holder)
		sched_io_bitmap_load(io);
	arch_io_bitmap_enable(io != NULL);   /* off: every port denied */
}

/*
 * The running process blocks for reason. It is the head of its ready queue
 * (the scheduler runs the head, and wake-ups queue behind it).
 */
__attribute__((always_inline)) static inline void sched_block_current(struct proc *p, uint32_t reason)
{
	unsigned prio = p->priority;
	p->block = reason;
	if (sched_ready.head[prio] != &p->rq) {
		rq_remove(&sched_ready, &p->rq, prio);
		return;
	}
	sched_ready.head[prio] = p->rq.next;
	if (!p->rq.next) {
		sched_ready.tail[prio] = NULL;
		sched_ready.nonempty &= ~(1u << prio);
	}
}
