/* Register dumps and frame-pointer backtraces for panics and fault logs. */
#include "arch.h"
#include "cpu.h"
#include "../../kernel.h"

void arch_print_frame(const struct trapframe *f)
{
	kprintf("  eax=%08x ebx=%08x ecx=%08x edx=%08x\n", f->eax, f->ebx, f->ecx, f->edx);
	kprintf("  esi=%08x edi=%08x ebp=%08x cr2=%08x\n", f->esi, f->edi, f->ebp, read_cr2());
	kprintf("  eip=%08x cs=%04x eflags=%08x vector=%u error=%08x\n",
		f->eip, f->cs, f->eflags, f->vector, f->error_code);
}

extern char kernel_stack_bottom[], kernel_stack_top[];

/* Walks saved frame pointers, trusting only those inside the kernel stack. */
void arch_backtrace(uint32_t ebp)
{
	kprintf("  backtrace:");
	for (int depth = 0; depth < 16; depth++) {
		if (ebp < (uint32_t)kernel_stack_bottom || ebp + 8 > (uint32_t)kernel_stack_top)
			break;
		const uint32_t *fp = (const uint32_t *)ebp;
		kprintf(" %08x", fp[1]);
		ebp = fp[0];
	}
	kprintf("\n");
}
