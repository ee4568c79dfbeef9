/*
 * The task state segment: where the CPU finds the kernel stack on a trap
 * from ring 3, and the I/O permission bitmap. Switching processes updates
 * both, so the helpers here are inline for the IPC fast path.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include "frame.h"

#define IO_BITMAP_BYTES 8192

/* The TSS, followed by the I/O permission bitmap and its terminating byte. */
struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
	uint8_t io_bitmap[IO_BITMAP_BYTES + 1];
} __attribute__((packed));

extern struct tss arch_tss;
extern uint32_t *arch_loaded_pagedir;

/* Traps from ring 3 will save registers just below frame_end. */
static inline void arch_set_kernel_entry(struct trapframe *frame_end)
{
	arch_tss.esp0 = (uint32_t)frame_end;
}

static inline void arch_load_address_space(uint32_t *pagedir)
{
	if (pagedir != arch_loaded_pagedir) {
		arch_loaded_pagedir = pagedir;
		__asm__ volatile("mov %0, %%cr3" : : "r"(pagedir) : "memory");
	}
}

/*
 * Whether the I/O permission bitmap applies: when off, the bitmap's offset
 * lies past the TSS's limit, so every port is denied in ring 3 whatever
 * the bitmap holds. One store, for switches to processes without ports.
 */
static inline void arch_io_bitmap_enable(bool on)
{
	arch_tss.iomap_base = on ? (uint16_t)__builtin_offsetof(struct tss, io_bitmap) : (uint16_t)sizeof(struct tss);
}
