/* The kernel's entry from boot.S: bring up the CPU, memory and boot image, then schedule. */
#include "kernel.h"

struct multiboot_info;
void boot_start(uint32_t magic, const struct multiboot_info *mbi);
void kmain(uint32_t magic, const struct multiboot_info *mbi) __attribute__((noreturn));

void kmain(uint32_t magic, const struct multiboot_info *mbi)
{
	arch_console_init();
	kprintf("\nSamsara microkernel (i386), %d Hz clock, %d process slots\n", CONFIG_HZ, NR_PROCS);
	arch_init_cpu();
	arch_pic_init();
	priv_init();
	boot_start(magic, mbi);
	irq_init();
	arch_timer_init(CONFIG_HZ);
	schedule_and_return();
}
