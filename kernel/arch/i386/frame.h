/*
 * The register frame saved on every trap. It lives at the start of each
 * process's table entry: the TSS points ring-0 entries at its end, so the CPU
 * and the entry stubs save a process's state straight into its slot and the
 * kernel never copies registers around.
 */
#pragma once

#include <stdint.h>

struct trapframe {
	/* pushed by pusha in the entry stub */
	uint32_t edi, esi, ebp, esp_ignored, ebx, edx, ecx, eax;
	/* pushed by the stub */
	uint32_t vector;
	uint32_t error_code;     /* CPU's, or 0 */
	/* pushed by the CPU */
	uint32_t eip, cs, eflags;
	uint32_t esp, ss;        /* only when coming from ring 3 */
};
_Static_assert(sizeof(struct trapframe) == 60, "entry.S relies on this layout");

#define FRAME_OFFSET_CS 44
