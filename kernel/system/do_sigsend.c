/*
 * KC_SIGSEND(ep, struct kc_sigsend *) and KC_SIGRETURN(struct sigcontext *):
 * signal handlers. PM, which manages ep, asks for a handler to run: the
 * kernel saves ep's registers in a struct sigframe pushed on ep's user stack
 * and starts it at the handler, whose return address is libc's restorer.
 * The restorer calls KC_SIGRETURN with the saved context, and ep goes on
 * where the signal found it. ep must not be waiting in IPC: PM first ends
 * any request ep is blocked on (with EINTR).
 */
#include "system.h"

#define EFLAGS_USER 0x00000cd5u  /* CF PF AF ZF SF DF OF: what a program may change */

int do_sigsend(struct proc *caller, const struct kcall_args *args)
{
	struct proc *target;
	struct kc_sigsend req;
	int r = proc_lookup_checked((endpoint_t)args->a[0], caller, &target);
	if (r < 0)
		return r;
	if (target == caller || !may_manage(caller, target))
		return -EPERM;
	if (target->block & (BLOCK_SENDING | BLOCK_RECEIVING | BLOCK_STOPPED))
		return -EBUSY;
	if (copy_from_user(caller, &req, args->a[1], sizeof(req)) < 0)
		return -EFAULT;
	struct trapframe *f = &target->frame;
	struct sigframe frame = {
		.return_address = req.restorer, .sig = req.sig,
		.context = { f->edi, f->esi, f->ebp, f->ebx, f->edx, f->ecx, f->eax,
			     f->eip, f->esp, f->eflags, req.old_mask },
	};
	vir_addr_t sp = (f->esp - sizeof(frame)) & ~3u;
	if (copy_to_user(target, sp, &frame, sizeof(frame)) < 0)
		return -EFAULT;  /* no room on its stack: PM ends it instead */
	/* Point of no return. */
	f->esp = sp;
	f->eip = req.handler;
	return 0;
}

int do_sigreturn(struct proc *caller, const struct kcall_args *args)
{
	struct sigcontext c;
	if (copy_from_user(caller, &c, args->a[0], sizeof(c)) < 0)
		return -EFAULT;
	struct trapframe *f = &caller->frame;
	f->edi = c.edi;
	f->esi = c.esi;
	f->ebp = c.ebp;
	f->ebx = c.ebx;
	f->edx = c.edx;
	f->ecx = c.ecx;
	f->eax = c.eax;
	f->eip = c.eip;
	f->esp = c.esp;
	f->eflags = (f->eflags & ~EFLAGS_USER) | (c.eflags & EFLAGS_USER);
	return KCALL_NO_RETURN;  /* eax is the restored one */
}
