/*
 * The IPC fast path: the three steps of a client-server round trip in their
 * common case, each straight through with no general machinery.
 *
 *   sendrec to a server already waiting in receive: copy, block the client,
 *       switch straight to the server;
 *   send or sendnb of the reply to a client waiting for it: copy, wake it;
 *   receive from ANY with nothing pending: block and switch.
 *
 * Each checks everything first and hands the call to the slow path (ipc.c)
 * on any doubt; nothing is changed before the marked point of no return.
 */
#include "ipc.h"
#include "priv.h"

static inline bool allowed(const struct proc *caller, uint32_t call)
{
	return caller->priv->ipc_calls & KC_BIT(call);
}

/* dst, if caller may send to it and it waits in receive for caller's message. */
__attribute__((always_inline)) static inline struct proc *waiting_receiver(struct proc *caller, endpoint_t ep, bool reply_only)
{
	struct proc *dst = proc_lookup(ep);
	if (!dst || dst->block != BLOCK_RECEIVING || !dst->msg_kernel)
		return NULL;
	if (dst->recv_from != caller->endpoint && (reply_only || dst->recv_from != ANY || dst->sendrec))
		return NULL;
	return priv_may_send(caller->priv, dst->priv) ? dst : NULL;
}

static void fast_sendrec(struct proc *caller, endpoint_t ep, vir_addr_t addr)
{
	if (!allowed(caller, IPC_SENDREC))
		return;
	struct proc *dst = waiting_receiver(caller, ep, false);
	/* The server must be what the scheduler would pick once the client blocks. */
	if (!dst || dst->priority > caller->priority)
		return;
	message *mine = ipc_buffer_in_page(caller, addr, true);
	if (!mine)
		return;

	/* Point of no return. */
	copy_message(dst->msg_kernel, mine);
	dst->msg_kernel->source = caller->endpoint;
	caller->msg_addr = addr;
	caller->msg_kernel = mine;
	caller->recv_from = dst->endpoint;
	caller->sendrec = true;
	sched_block_current(caller, BLOCK_RECEIVING);
	dst->frame.eax = 0;
	dst->block = 0;
	sched_enqueue(dst);
	sched_switch_to(dst);
	arch_return_to_user(&dst->frame);
}

static void fast_reply(struct proc *caller, uint32_t call, endpoint_t ep, vir_addr_t addr)
{
	if (!allowed(caller, call))
		return;
	struct proc *dst = waiting_receiver(caller, ep, true);
	if (!dst || dst->priority < caller->priority)
		return;
	const message *mine = ipc_buffer_in_page(caller, addr, false);
	if (!mine)
		return;

	/* Point of no return. */
	copy_message(dst->msg_kernel, mine);
	dst->msg_kernel->source = caller->endpoint;
	dst->frame.eax = 0;
	dst->sendrec = false;
	dst->block = 0;
	sched_enqueue(dst);
	caller->frame.eax = 0;
	arch_return_to_user(&caller->frame);
}

static bool nothing_pending(const struct proc *p)
{
	uint32_t any = p->irq_pending | p->clock_pending | p->report_pending | (p->callers != NULL);
	for (unsigned i = 0; i < BITMAP_WORDS(NR_PROCS); i++)
		any |= p->notify_pending[i];
	return !any;
}

static void fast_receive_any(struct proc *caller, vir_addr_t addr)
{
	if (!allowed(caller, IPC_RECEIVE) || !nothing_pending(caller))
		return;
	message *mine = ipc_buffer_in_page(caller, addr, true);
	if (!mine)
		return;

	/* Point of no return. */
	caller->msg_addr = addr;
	caller->msg_kernel = mine;
	caller->recv_from = ANY;
	sched_block_current(caller, BLOCK_RECEIVING);
	schedule_and_return();
}

/* Entered from entry.S on int $IPC_VECTOR: eax = call, ebx = endpoint, ecx = message. */
void ipc_trap(struct trapframe *f) __attribute__((noreturn));
void ipc_trap(struct trapframe *f)
{
	struct proc *caller = current_proc();
	uint32_t call = f->eax;
	endpoint_t ep = (endpoint_t)f->ebx;
	vir_addr_t addr = f->ecx;
	if (call == IPC_SENDREC)
		fast_sendrec(caller, ep, addr);
	else if (call == IPC_SENDNB || call == IPC_SEND)
		fast_reply(caller, call, ep, addr);
	else if (call == IPC_RECEIVE && ep == ANY)
		fast_receive_any(caller, addr);

	/* The fast path declined: the slow path handles every case. */
	int r = ipc_call(caller, call, ep, addr);
	if (r != IPC_BLOCKED)
		f->eax = (uint32_t)r;
	schedule_and_return();
}
