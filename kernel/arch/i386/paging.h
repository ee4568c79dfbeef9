/* Page-table entry bits and the translation the IPC paths use on every call. */
#pragma once

#include <samsara/types.h>
#include <samsara/kcall.h>

#define PDE_PRESENT 0x001u
#define PDE_WRITE   0x002u
#define PDE_USER    0x004u
#define PTE_FLAGS   0xfffu
#define ENTRIES     1024u

/*
 * The kernel address of user address va in pagedir, or 0 unless va lies in
 * user space and is mapped for user access (and writable, if write).
 */
__attribute__((always_inline)) static inline phys_addr_t arch_translate(const uint32_t *pagedir, vir_addr_t va, bool write)
{
	if (va < USER_BASE || va >= USER_TOP)
		return 0;
	uint32_t pde = pagedir[va >> 22];
	if ((pde & (PDE_PRESENT | PDE_USER)) != (PDE_PRESENT | PDE_USER))
		return 0;
	uint32_t pte = ((const uint32_t *)(pde & ~PTE_FLAGS))[(va >> 12) & (ENTRIES - 1)];
	uint32_t need = PDE_PRESENT | PDE_USER | (write ? PDE_WRITE : 0);
	if ((pte & need) != need)
		return 0;
	return (pte & ~PTE_FLAGS) | (va & PTE_FLAGS);
}
