/*
 * KC_FORK(ep): make a new process that is a copy of ep (SELF, or a process
 * the caller manages): same memory (copied), registers, priority and kind of
 * privileges. The caller becomes the child's manager. A child of SELF sees 0
 * in eax. A child of a process waiting for a reply (PM forking a program
 * blocked in sendrec) waits for that reply too, so both can be answered.
 * Returns the child's endpoint.
 */
#include "system.h"
#include "../priv.h"

static int copy_privileges(struct proc *child, const struct proc *parent)
{
	if (parent->priv->id == PRIV_ID_USER) {
		child->priv = parent->priv;
		return 0;
	}
	struct priv *priv = priv_alloc_dynamic();
	if (!priv)
		return -ENOMEM;
	int id = priv->id;
	*priv = *parent->priv;
	priv->id = id;
	priv->in_use = true;
	static const struct priv_io_range no_ports[PRIV_MAX_IO_RANGES];
	priv_set_io(priv, no_ports);   /* ports and IRQs are not inherited */
	priv->irqs = 0;
	priv->label[0] = '\0';                 /* nor is the service's identity */
	priv->mem_len = 0;                      /* nor device memory */
	child->priv = priv;
	return 0;
}

int do_fork(struct proc *caller, const struct kcall_args *args)
{
	struct proc *parent;
	int r = proc_lookup_checked((endpoint_t)args->a[0], caller, &parent);
	if (r < 0)
		return r;
	if (parent != caller && !may_manage(caller, parent))
		return -EPERM;
	if (parent->block & ~BLOCK_RECEIVING & ~BLOCK_STOPPED)
		return -EBUSY;    /* a queued send cannot be duplicated */
	if (parent != caller && !(parent->block & BLOCK_RECEIVING))
		return -EBUSY;    /* only a process waiting for the caller's reply can be forked */

	struct proc *child = proc_alloc(parent->name);
	if (!child)
		return -EAGAIN;
	child->pagedir = vm_clone(parent->pagedir);
	if (!child->pagedir || copy_privileges(child, parent) < 0) {
		if (child->pagedir)
			arch_pagedir_destroy(child->pagedir, true);
		child->pagedir = NULL;
		child->block = BLOCK_FREE;
		child->endpoint = NONE;
		return -ENOMEM;
	}

	/* Point of no return. */
	child->frame = parent->frame;
	child->priority = parent->priority;
	child->quantum_ticks = child->ticks_left = parent->quantum_ticks;
	child->manager = caller->endpoint;
	memcpy(child->grants, parent->grants, sizeof(child->grants));
	if (parent == caller) {
		child->frame.eax = 0;
		proc_set_runnable_flags(child, 0, BLOCK_STOPPED);
	} else if (parent->block & BLOCK_RECEIVING) {
		child->recv_from = parent->recv_from;
		child->msg_addr = parent->msg_addr;  /* msg_kernel stays NULL: another space */
		child->sendrec = parent->sendrec;
		proc_set_runnable_flags(child, BLOCK_RECEIVING, BLOCK_STOPPED);
	}
	return child->endpoint;
}
