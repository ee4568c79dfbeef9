/* KC_IRQCTL(op, irq): own, enable, disable or release an interrupt line. */
#include "system.h"
#include "../priv.h"

int do_irqctl(struct proc *caller, const struct kcall_args *args)
{
	uint32_t irq = args->a[1];
	if (irq >= ARCH_NR_IRQS)
		return -EINVAL;
	if (!(caller->priv->irqs & (1u << irq)))
		return -EPERM;
	return irq_control(caller, (int)args->a[0], (int)irq);
}
