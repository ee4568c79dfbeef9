/*
 * Message passing: send, receive, sendrec, sendnb and notify, rendezvous
 * style. A message goes straight from the sender's copy (validated when it
 * was sent) into the receiver's buffer; nothing is buffered in the kernel
 * except one message per blocked sender and one bit per pending notification.
 */
#include "kernel.h"
#include "priv.h"
#include "ipc.h"


static void wake(struct proc *p, uint32_t reason, int status)
{
	p->frame.eax = (uint32_t)status;
	if (reason & BLOCK_RECEIVING)
		p->sendrec = false;
	proc_set_runnable_flags(p, 0, reason);
}

/* Does p, blocked in receive, accept a message from src? */
static bool accepts(const struct proc *p, endpoint_t src)
{
	return (p->block & BLOCK_RECEIVING) && !(p->block & BLOCK_SENDING) &&
	       (p->recv_from == ANY || p->recv_from == src);
}

/* Writes m into receiver's buffer and wakes it; false if the buffer is bad. */
static bool deliver(struct proc *receiver, const message *m)
{
	int r = 0;
	if (receiver->msg_kernel)
		copy_message(receiver->msg_kernel, m);
	else
		r = copy_to_user(receiver, receiver->msg_addr, m, sizeof(*m));
	wake(receiver, BLOCK_RECEIVING, r);
	return r == 0;
}

/*
 * Checks that p can receive into addr and remembers where that is, so that
 * a delivery later needs no page-table walk (see ipc_fast.c).
 */
static int prepare_buffer(struct proc *p, vir_addr_t addr)
{
	p->msg_kernel = ipc_buffer_in_page(p, addr, true);
	if (!p->msg_kernel && !vm_user_writable(p->pagedir, addr, sizeof(message)))
		return -EFAULT;
	p->msg_addr = addr;
	return 0;
}

/*
 * Would blocking caller on dst close a cycle of processes each waiting for
 * the next? Follows the chain of who waits for whom, starting at dst.
 */
static bool closes_cycle(const struct proc *caller, const struct proc *dst)
{
	const struct proc *p = dst;
	for (int hops = 0; hops < NR_PROCS && p; hops++) {
		endpoint_t next;
		if (p->block & BLOCK_SENDING)
			next = p->send_to;
		else if ((p->block & BLOCK_RECEIVING) && endpoint_is_process(p->recv_from))
			next = p->recv_from;
		else
			return false;
		if (next == caller->endpoint)
			return true;
		p = proc_lookup(next);
	}
	return false;
}

static void build_notify(message *m, endpoint_t source, uint32_t irqs)
{
	memset(m, 0, sizeof(*m));
	m->source = source;
	m->type = NOTIFY_MESSAGE;
	m->notify.timestamp = clock_ticks;
	m->notify.irqs = irqs;
}

/*
 * Finds something already pending for p that its receive accepts: a
 * notification, a kernel report, or a queued sender. Fills m; for a queued
 * sender also completes that sender's send.
 */
static bool take_pending(struct proc *p, message *m)
{
	endpoint_t want = p->recv_from;
	if (!p->sendrec) {  /* a sendrec waits for its reply only */
		if (p->irq_pending && (want == ANY || want == HARDWARE)) {
			build_notify(m, HARDWARE, p->irq_pending);
			p->irq_pending = 0;
			return true;
		}
		if (p->clock_pending && (want == ANY || want == CLOCK)) {
			build_notify(m, CLOCK, 0);
			p->clock_pending = false;
			return true;
		}
		if (p->report_pending && (want == ANY || want == KERNEL) && proc_take_report(p, m))
			return true;
		int from = want == ANY ? bitmap_find_set(p->notify_pending, NR_PROCS, 0)
		         : endpoint_is_process(want) && endpoint_slot(want) < NR_PROCS &&
		           bitmap_test(p->notify_pending, (unsigned)endpoint_slot(want))
		         ? endpoint_slot(want) : -1;
		if (from >= 0) {
			bitmap_clear(p->notify_pending, (unsigned)from);
			build_notify(m, proc_slot(from)->endpoint, 0);
			return true;
		}
	}
	struct proc **link = &p->callers;
	for (struct proc *s = p->callers; s; link = &s->next_caller, s = s->next_caller) {
		if (want != ANY && want != s->endpoint)
			continue;
		*link = s->next_caller;
		s->next_caller = NULL;
		*m = s->sendbuf;
		if (s->sendrec) {  /* now wait for the reply */
			s->block = (s->block & ~BLOCK_SENDING) | BLOCK_RECEIVING;
			s->recv_from = p->endpoint;
		} else {
			wake(s, BLOCK_SENDING, 0);
		}
		return true;
	}
	return false;
}

/* If p waits in receive and something it accepts is pending, deliver it now. */
void ipc_kick(struct proc *p)
{
	message m;
	if ((p->block & BLOCK_RECEIVING) && !(p->block & BLOCK_SENDING) && take_pending(p, &m))
		deliver(p, &m);
}

static int do_send(struct proc *caller, struct proc *dst, vir_addr_t addr, bool nonblocking)
{
	if (copy_from_user(caller, &caller->sendbuf, addr, sizeof(message)) < 0)
		return -EFAULT;
	caller->sendbuf.source = caller->endpoint;
	if (accepts(dst, caller->endpoint))
		return deliver(dst, &caller->sendbuf) ? 0 : -EFAULT;
	if (nonblocking)
		return -EAGAIN;
	if (closes_cycle(caller, dst))
		return -ELOCKED;
	proc_set_runnable_flags(caller, BLOCK_SENDING, 0);
	caller->send_to = dst->endpoint;
	struct proc **tail = &dst->callers;
	while (*tail)
		tail = &(*tail)->next_caller;
	*tail = caller;
	caller->next_caller = NULL;
	return IPC_BLOCKED;
}

static int do_receive(struct proc *caller, endpoint_t src, vir_addr_t addr)
{
	if (src != ANY && src != HARDWARE && src != CLOCK && src != KERNEL) {
		struct proc *from = proc_lookup(src);
		if (!from)
			return endpoint_is_process(src) ? -EDEADSRCDST : -EBADEPT;
	}
	if (prepare_buffer(caller, addr) < 0)
		return -EFAULT;
	caller->recv_from = src;
	message m;
	if (take_pending(caller, &m))
		return copy_to_user(caller, addr, &m, sizeof(m));
	struct proc *from = proc_lookup(src);
	if (from && closes_cycle(caller, from))
		return -ELOCKED;
	proc_set_runnable_flags(caller, BLOCK_RECEIVING, 0);
	return IPC_BLOCKED;
}

static int do_notify(struct proc *caller, struct proc *dst)
{
	bitmap_set(dst->notify_pending, (unsigned)proc_nr(caller));
	ipc_kick(dst);
	return 0;
}

/* A notification from the kernel (HARDWARE, CLOCK, KERNEL): flags are set by the caller. */
void ipc_notify_kernel(struct proc *dst)
{
	ipc_kick(dst);
}

/* Checks shared by the primitives that name a destination. */
static int check_destination(struct proc *caller, endpoint_t ep, struct proc **dst)
{
	int r = proc_lookup_checked(ep, caller, dst);
	if (r < 0)
		return r;
	if (*dst == caller)
		return -EINVAL;
	if (!priv_may_send(caller->priv, (*dst)->priv))
		return -ECALLDENIED;
	return 0;
}

int ipc_call(struct proc *caller, uint32_t call, endpoint_t ep, vir_addr_t addr)
{
	if (call >= IPC_NR_CALLS || call == 0)
		return -ENOSYS;
	if (!(caller->priv->ipc_calls & KC_BIT(call)))
		return -ECALLDENIED;
	if (call == IPC_RECEIVE)
		return do_receive(caller, ep, addr);
	struct proc *dst;
	int r = check_destination(caller, ep, &dst);
	if (r < 0)
		return r;
	switch (call) {
	case IPC_NOTIFY:
		return do_notify(caller, dst);
	case IPC_SENDNB:
		return do_send(caller, dst, addr, true);
	case IPC_SEND:
		return do_send(caller, dst, addr, false);
	default: /* IPC_SENDREC */
		if (prepare_buffer(caller, addr) < 0)
			return -EFAULT;
		caller->sendrec = true;
		r = do_send(caller, dst, addr, false);
		if (r == 0) {
			caller->recv_from = dst->endpoint;
			proc_set_runnable_flags(caller, BLOCK_RECEIVING, 0);
			return IPC_BLOCKED;
		}
		if (r < 0)
			caller->sendrec = false;
		return r;
	}
}

/* Wakes, with EDEADSRCDST, everyone sending to or waiting to hear from dead. */
void ipc_wake_all_waiting_on(struct proc *dead)
{
	if (dead->block & BLOCK_SENDING) {
		struct proc *dst = proc_lookup(dead->send_to);
		for (struct proc **link = dst ? &dst->callers : NULL; link && *link;
		     link = &(*link)->next_caller) {
			if (*link == dead) {
				*link = dead->next_caller;
				break;
			}
		}
	}
	for (struct proc *s = dead->callers; s; ) {
		struct proc *next = s->next_caller;
		s->next_caller = NULL;
		s->sendrec = false;
		wake(s, BLOCK_SENDING, -EDEADSRCDST);
		s = next;
	}
	dead->callers = NULL;
	unsigned slot = (unsigned)proc_nr(dead);
	for (int i = 0; i < NR_PROCS; i++) {
		struct proc *p = proc_slot(i);
		bitmap_clear(p->notify_pending, slot);
		if (p != dead && (p->block & BLOCK_RECEIVING) && !(p->block & BLOCK_SENDING) &&
		    p->recv_from == dead->endpoint)
			wake(p, BLOCK_RECEIVING, -EDEADSRCDST);
	}
}
