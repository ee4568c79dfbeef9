/*
 * Trap dispatch: turns what the entry stubs saved into calls on the portable
 * kernel. A trap from ring 3 ends in the scheduler; a trap while the kernel
 * runs is either an interrupt during the idle halt or a kernel bug.
 */
#include "arch.h"
#include "cpu.h"
#include "../../kernel.h"

#define VECTOR_IRQ0 32
#define VECTOR_PAGE_FAULT 14

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
	"invalid opcode", "device not available", "double fault", "coprocessor overrun",
	"invalid TSS", "segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 error", "alignment check", "machine check",
	"SIMD error", "virtualization", "control protection",
};

const char *arch_exception_name(uint32_t vector)
{
	if (vector < 32 && exception_names[vector])
		return exception_names[vector];
	return "reserved exception";
}

static void handle_irq(uint32_t vector)
{
	int irq = (int)vector - VECTOR_IRQ0;
	/* The spurious IRQ 7/15 of the 8259 has no in-service bit to clear. */
	if (irq == 7 || irq == 15) {
		out8(irq == 7 ? 0x20 : 0xa0, 0x0b);
		uint8_t isr = in8(irq == 7 ? 0x20 : 0xa0);
		if (!(isr & 0x80)) {
			if (irq == 15)
				arch_irq_eoi(0);
			return;
		}
	}
	irq_handle(irq);
}

void arch_trap_from_user(struct trapframe *f) __attribute__((noreturn));
void arch_trap_from_user(struct trapframe *f)
{
	uint32_t vector = f->vector;
	if (vector == KCALL_VECTOR) {
		kcall_trap(f);
	} else if (vector >= VECTOR_IRQ0 && vector < VECTOR_IRQ0 + ARCH_NR_IRQS) {
		handle_irq(vector);
	} else {
		uint32_t address = vector == VECTOR_PAGE_FAULT ? read_cr2() : f->eip;
		proc_fault(current_proc(), vector, f->error_code, address);
	}
	schedule_and_return();
}

void arch_trap_from_kernel(struct trapframe *f);
void arch_trap_from_kernel(struct trapframe *f)
{
	if (f->vector >= VECTOR_IRQ0 && f->vector < VECTOR_IRQ0 + ARCH_NR_IRQS) {
		handle_irq(f->vector);
		return;
	}
	kprintf("kernel: %s in kernel mode\n", arch_exception_name(f->vector));
	arch_print_frame(f);
	arch_backtrace(f->ebp);
	panic("unexpected exception in the kernel");
}
