/*
 * Hardware interrupts. The clock (IRQ 0) is the kernel's own; any other line
 * can be owned by one driver, which receives it as a notification from
 * HARDWARE with the line masked until the driver re-enables it. A driver may
 * also hook IRQ 0, to be told of clock ticks the same way.
 */
#include "kernel.h"

static struct {
	endpoint_t owner;    /* NONE if unowned */
	bool enabled;        /* the owner wants the next interrupt */
} irq_lines[ARCH_NR_IRQS];

void irq_init(void)
{
	for (int i = 0; i < ARCH_NR_IRQS; i++)
		irq_lines[i].owner = NONE;
	arch_irq_unmask(0);
}

void irq_handle(int irq)
{
	if (irq == 0)
		clock_tick();
	struct proc *owner = proc_lookup(irq_lines[irq].owner);
	if (owner && irq_lines[irq].enabled) {
		irq_lines[irq].enabled = false;
		if (irq != 0)
			arch_irq_mask(irq);
		owner->irq_pending |= 1u << irq;
		ipc_notify_kernel(owner);
	}
	arch_irq_eoi(irq);
}

/* Precondition: the caller's privileges allow this line. */
int irq_control(struct proc *caller, int op, int irq)
{
	bool mine = irq_lines[irq].owner == caller->endpoint;
	switch (op) {
	case IRQCTL_SUBSCRIBE:
		if (proc_lookup(irq_lines[irq].owner) && !mine)
			return -EBUSY;
		irq_lines[irq].owner = caller->endpoint;
		irq_lines[irq].enabled = true;
		break;
	case IRQCTL_ENABLE:
	case IRQCTL_DISABLE:
		if (!mine)
			return -EPERM;
		irq_lines[irq].enabled = op == IRQCTL_ENABLE;
		break;
	case IRQCTL_RELEASE:
		if (!mine)
			return -EPERM;
		irq_lines[irq].owner = NONE;
		irq_lines[irq].enabled = false;
		break;
	default:
		return -EINVAL;
	}
	if (irq != 0) {
		if (irq_lines[irq].enabled)
			arch_irq_unmask(irq);
		else
			arch_irq_mask(irq);
	}
	return 0;
}

void irq_release_all(struct proc *p)
{
	for (int irq = 0; irq < ARCH_NR_IRQS; irq++) {
		if (irq_lines[irq].owner == p->endpoint) {
			irq_lines[irq].owner = NONE;
			irq_lines[irq].enabled = false;
			if (irq != 0)
				arch_irq_mask(irq);
		}
	}
}
