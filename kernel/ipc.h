/* Shared between the IPC slow path (ipc.c) and its fast path (ipc_fast.c). */
#pragma once

#include "kernel.h"

#define IPC_BLOCKED 1   /* the caller now waits; its status comes later */

/* The slow path: every primitive, every case. Returns a status or IPC_BLOCKED. */
int ipc_call(struct proc *caller, uint32_t call, endpoint_t ep, vir_addr_t addr);

__attribute__((always_inline)) static inline void copy_message(message *dst, const message *src)
{
	uint32_t *d = (uint32_t *)dst;
	const uint32_t *s = (const uint32_t *)src;
	uint32_t words = sizeof(message) / 4;
	__asm__ volatile("cld; rep movsl" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
}

/*
 * p's message buffer at addr as a kernel pointer, if the whole message lies
 * in one page that p may access (and write, if write); otherwise NULL.
 */
__attribute__((always_inline)) static inline message *ipc_buffer_in_page(const struct proc *p, vir_addr_t addr, bool write)
{
	if ((addr & (PAGE_SIZE - 1)) > PAGE_SIZE - sizeof(message))
		return NULL;
	return (message *)arch_translate(p->pagedir, addr, write);
}
