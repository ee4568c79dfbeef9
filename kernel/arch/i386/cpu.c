/* Segments, the task state segment and the interrupt table. */
#include "arch.h"
#include "cpu.h"
#include "../../kernel.h"

struct gdt_entry {
	uint16_t limit_low, base_low;
	uint8_t base_mid, access, flags_limit_high, base_high;
} __attribute__((packed));

struct gdt_pointer {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

struct idt_entry {
	uint16_t offset_low, selector;
	uint8_t zero, type_attr;
	uint16_t offset_high;
} __attribute__((packed));

static struct gdt_entry gdt[6];
static struct idt_entry idt[256];
struct tss arch_tss;

static void gdt_set(int i, uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
	gdt[i] = (struct gdt_entry){
		.limit_low = limit & 0xffff, .base_low = base & 0xffff,
		.base_mid = (base >> 16) & 0xff, .access = access,
		.flags_limit_high = (uint8_t)((flags << 4) | ((limit >> 16) & 0xf)),
		.base_high = (base >> 24) & 0xff,
	};
}

static void idt_set(int vector, void (*handler)(void), int dpl)
{
	uint32_t off = (uint32_t)handler;
	idt[vector] = (struct idt_entry){
		.offset_low = off & 0xffff, .selector = SEL_KERNEL_CS, .zero = 0,
		/* present, interrupt gate (interrupts off in the kernel) */
		.type_attr = (uint8_t)(0x8e | (dpl << 5)), .offset_high = off >> 16,
	};
}

static void load_gdt(void)
{
	struct gdt_pointer p = { sizeof(gdt) - 1, (uint32_t)gdt };
	__asm__ volatile(
		"lgdt %0\n"
		"ljmp %1, $1f\n"
		"1:\n"
		"mov %2, %%ax\n mov %%ax, %%ss\n"
		"mov %3, %%ax\n mov %%ax, %%ds\n mov %%ax, %%es\n mov %%ax, %%fs\n mov %%ax, %%gs\n"
		"mov %4, %%ax\n ltr %%ax\n"
		: : "m"(p), "i"(SEL_KERNEL_CS), "i"(SEL_KERNEL_DS), "i"(SEL_USER_DS), "i"(SEL_TSS)
		: "eax", "memory");
}

#define STUB(n) extern void trap_vector_##n(void);
#define STUBS8(a,b,c,d,e,f,g,h) STUB(a) STUB(b) STUB(c) STUB(d) STUB(e) STUB(f) STUB(g) STUB(h)
STUBS8(0,1,2,3,4,5,6,7) STUBS8(8,9,10,11,12,13,14,15) STUBS8(16,17,18,19,20,21,22,23)
STUBS8(24,25,26,27,28,29,30,31) STUBS8(32,33,34,35,36,37,38,39) STUBS8(40,41,42,43,44,45,46,47)
STUB(128) STUB(129)

static void (*const trap_vectors[48])(void) = {
	trap_vector_0, trap_vector_1, trap_vector_2, trap_vector_3, trap_vector_4,
	trap_vector_5, trap_vector_6, trap_vector_7, trap_vector_8, trap_vector_9,
	trap_vector_10, trap_vector_11, trap_vector_12, trap_vector_13, trap_vector_14,
	trap_vector_15, trap_vector_16, trap_vector_17, trap_vector_18, trap_vector_19,
	trap_vector_20, trap_vector_21, trap_vector_22, trap_vector_23, trap_vector_24,
	trap_vector_25, trap_vector_26, trap_vector_27, trap_vector_28, trap_vector_29,
	trap_vector_30, trap_vector_31, trap_vector_32, trap_vector_33, trap_vector_34,
	trap_vector_35, trap_vector_36, trap_vector_37, trap_vector_38, trap_vector_39,
	trap_vector_40, trap_vector_41, trap_vector_42, trap_vector_43, trap_vector_44,
	trap_vector_45, trap_vector_46, trap_vector_47,
};

void arch_init_cpu(void)
{
	gdt_set(0, 0, 0, 0, 0);
	gdt_set(1, 0, 0xfffff, 0x9a, 0xc);  /* kernel code */
	gdt_set(2, 0, 0xfffff, 0x92, 0xc);  /* kernel data */
	gdt_set(3, 0, 0xfffff, 0xfa, 0xc);  /* user code */
	gdt_set(4, 0, 0xfffff, 0xf2, 0xc);  /* user data */
	gdt_set(5, (uint32_t)&arch_tss, sizeof(arch_tss) - 1, 0x89, 0x0);
	arch_tss.ss0 = SEL_KERNEL_DS;
	arch_io_bitmap_enable(false);
	memset(arch_tss.io_bitmap, 0xff, sizeof(arch_tss.io_bitmap)); /* every port denied */
	load_gdt();

	for (int v = 0; v < 48; v++)
		idt_set(v, trap_vectors[v], 0);
	idt_set(3, trap_vector_3, 3);       /* int3 from user code is a fault report */
	idt_set(IPC_VECTOR, trap_vector_128, 3);
	idt_set(KCALL_VECTOR, trap_vector_129, 3);
	struct gdt_pointer p = { sizeof(idt) - 1, (uint32_t)idt };
	__asm__ volatile("lidt %0" : : "m"(p));
}

void arch_io_permit(uint16_t base, uint16_t count, bool allow)
{
	for (uint32_t port = base; port < (uint32_t)base + count && port < 65536; port++) {
		if (allow)
			arch_tss.io_bitmap[port / 8] &= (uint8_t)~(1u << (port % 8));
		else
			arch_tss.io_bitmap[port / 8] |= (uint8_t)(1u << (port % 8));
	}
}

void arch_idle(void)
{
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}

void arch_init_user_frame(struct trapframe *f, uint32_t entry, uint32_t esp)
{
	memset(f, 0, sizeof(*f));
	f->eip = entry;
	f->esp = esp;
	f->cs = SEL_USER_CS;
	f->ss = SEL_USER_DS;
	f->eflags = EFLAGS_IF | 0x2;
}
