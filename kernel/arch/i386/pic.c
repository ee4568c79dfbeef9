/* The two cascaded 8259A interrupt controllers, remapped to vectors 32..47. */
#include "arch.h"
#include "cpu.h"

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define IRQ_CASCADE 2

/* Lines the kernel has unmasked; all start masked except the cascade. */
static uint16_t irq_mask = 0xffff & (uint16_t)~(1u << IRQ_CASCADE);

static void pic_write_mask(void)
{
	out8(PIC1_DATA, irq_mask & 0xff);
	out8(PIC2_DATA, irq_mask >> 8);
}

void arch_pic_init(void)
{
	out8(PIC1_CMD, 0x11);  /* ICW1: init, expect ICW4 */
	out8(PIC2_CMD, 0x11);
	out8(PIC1_DATA, 32);   /* ICW2: vector offsets */
	out8(PIC2_DATA, 40);
	out8(PIC1_DATA, 1u << IRQ_CASCADE); /* ICW3: slave on IRQ 2 */
	out8(PIC2_DATA, IRQ_CASCADE);
	out8(PIC1_DATA, 0x01); /* ICW4: 8086 mode */
	out8(PIC2_DATA, 0x01);
	pic_write_mask();
}

void arch_irq_mask(int irq)
{
	irq_mask |= (uint16_t)(1u << irq);
	pic_write_mask();
}

void arch_irq_unmask(int irq)
{
	irq_mask &= (uint16_t)~(1u << irq);
	pic_write_mask();
}

void arch_irq_eoi(int irq)
{
	if (irq >= 8)
		out8(PIC2_CMD, PIC_EOI);
	out8(PIC1_CMD, PIC_EOI);
}
