/*
 * The interface between the portable kernel and the IA-32 code in this
 * folder. A port to another CPU provides these and nothing else.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/kcall.h>
#include "frame.h"
#include "paging.h"
#include "tss.h"

struct proc;

/* cpu.c: GDT, TSS, IDT */
void arch_init_cpu(void);
void arch_idle(void);
void arch_return_to_user(struct trapframe *frame) __attribute__((noreturn));
void arch_init_user_frame(struct trapframe *f, uint32_t entry, uint32_t esp);

/* io.c: per-process port access through the TSS I/O bitmap */
void arch_io_permit(uint16_t base, uint16_t count, bool allow);

/* pic.c, pit.c */
void arch_pic_init(void);
void arch_irq_mask(int irq);
void arch_irq_unmask(int irq);
void arch_irq_eoi(int irq);
void arch_timer_init(uint32_t hz);
#define ARCH_NR_IRQS 16

/* console.c: the kernel's own log output */
void arch_console_init(void);
void arch_console_putc(char c);
void arch_console_flush(void);

/* power.c */
void arch_shutdown(int how, int code) __attribute__((noreturn));

/* paging.c: address spaces. A page directory is named by its physical
 * address, which is also a kernel pointer (the kernel is identity-mapped). */
#define PAGE_SIZE 4096u
#define PAGE_WRITE 0x2u
#define PAGE_DEVICE 0x200u   /* device memory: never freed, copied or unmapped as RAM */
void arch_paging_init(phys_addr_t mapped_top);
uint32_t *arch_pagedir_create(void);
int arch_map_page(uint32_t *pagedir, vir_addr_t va, phys_addr_t pa, uint32_t flags);
/* Removes va's mapping; returns the page it mapped, or 0 if none. */
phys_addr_t arch_unmap_page(const uint32_t *pagedir, vir_addr_t va);
void arch_load_kernel_space(void);
typedef void (*page_visitor)(vir_addr_t va, phys_addr_t pa, uint32_t flags, void *ctx);
void arch_for_each_user_page(const uint32_t *pagedir, page_visitor fn, void *ctx);
void arch_pagedir_destroy(uint32_t *pagedir, bool free_pages);

/* backtrace.c */
void arch_print_frame(const struct trapframe *f);
void arch_backtrace(uint32_t ebp);
