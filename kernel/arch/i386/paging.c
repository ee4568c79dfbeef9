/*
 * Two-level IA-32 paging. The low gigabyte (up to the end of RAM) is the
 * kernel's: identity-mapped with 4 MiB pages, supervisor-only, shared by every
 * page directory. Everything from USER_BASE up belongs to the process. The
 * kernel reaches any physical page through the identity map, which is how it
 * copies between address spaces without switching to them.
 */
#include "arch.h"
#include "cpu.h"
#include "../../kernel.h"

#define PDE_4MB     0x080u
#define PDE_GLOBAL  0x100u
#define KERNEL_PDES (USER_BASE >> 22)

#define CR0_WP (1u << 16)
#define CR0_PG (1u << 31)
#define CR4_PSE (1u << 4)
#define CR4_PGE (1u << 7)

static uint32_t kernel_pdes[KERNEL_PDES];
uint32_t *arch_loaded_pagedir;
static uint32_t *kernel_pagedir;  /* kernel mappings only; used when no process runs */

static uint32_t cpuid_edx(void)
{
	uint32_t a = 1, b, c, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return d;
}

void arch_paging_init(phys_addr_t mapped_top)
{
	uint32_t features = cpuid_edx();
	if (!(features & (1u << 3)))
		panic("CPU lacks 4 MiB pages (PSE)");
	bool global = features & (1u << 13);
	for (uint32_t i = 0; i < KERNEL_PDES && (i << 22) < mapped_top; i++)
		kernel_pdes[i] = (i << 22) | PDE_PRESENT | PDE_WRITE | PDE_4MB | (global ? PDE_GLOBAL : 0);

	uint32_t *boot_dir = arch_pagedir_create();
	if (!boot_dir)
		panic("no memory for the first page directory");
	uint32_t cr4;
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_PSE | (global ? CR4_PGE : 0);
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
	kernel_pagedir = boot_dir;
	arch_load_address_space(boot_dir);
	uint32_t cr0;
	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 |= CR0_PG | CR0_WP;
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
}

uint32_t *arch_pagedir_create(void)
{
	uint32_t *dir = page_alloc_zeroed();
	if (dir)
		memcpy(dir, kernel_pdes, sizeof(kernel_pdes));
	return dir;
}

int arch_map_page(uint32_t *pagedir, vir_addr_t va, phys_addr_t pa, uint32_t flags)
{
	uint32_t pdi = va >> 22, pti = (va >> 12) & (ENTRIES - 1);
	if (va < USER_BASE || va >= USER_TOP)
		return -EFAULT;
	if (!(pagedir[pdi] & PDE_PRESENT)) {
		uint32_t *table = page_alloc_zeroed();
		if (!table)
			return -ENOMEM;
		pagedir[pdi] = (uint32_t)table | PDE_PRESENT | PDE_WRITE | PDE_USER;
	}
	uint32_t *table = (uint32_t *)(pagedir[pdi] & ~PTE_FLAGS);
	table[pti] = pa | PDE_PRESENT | PDE_USER | (flags & (PAGE_WRITE | PAGE_DEVICE));
	if (pagedir == arch_loaded_pagedir)
		invlpg(va);
	return 0;
}

phys_addr_t arch_unmap_page(const uint32_t *pagedir, vir_addr_t va)
{
	uint32_t pde = pagedir[va >> 22];
	if (va < USER_BASE || va >= USER_TOP || !(pde & PDE_PRESENT))
		return 0;
	uint32_t *table = (uint32_t *)(pde & ~PTE_FLAGS);
	uint32_t pte = table[(va >> 12) & (ENTRIES - 1)];
	if (!(pte & PDE_PRESENT) || (pte & PAGE_DEVICE))
		return 0;
	table[(va >> 12) & (ENTRIES - 1)] = 0;
	if (pagedir == arch_loaded_pagedir)
		invlpg(va);
	return pte & ~PTE_FLAGS;
}

void arch_load_kernel_space(void)
{
	arch_load_address_space(kernel_pagedir);
}

/*
 * The index of the first non-zero entry of table[from..ENTRIES), or ENTRIES.
 * An address space is mostly empty entries, and fork and exit walk all of
 * them: one string instruction per entry instead of a loop of several.
 */
static uint32_t next_used_entry(const uint32_t *table, uint32_t from)
{
	if (from >= ENTRIES)
		return ENTRIES;
	const uint32_t *p = table + from;
	uint32_t left = ENTRIES - from;
	__asm__ volatile("cld; repe scasl" : "+D"(p), "+c"(left) : "a"(0) : "memory", "cc");
	uint32_t last = (uint32_t)(p - table) - 1;   /* the entry it stopped at */
	return table[last] ? last : ENTRIES;
}

void arch_for_each_user_page(const uint32_t *pagedir, page_visitor fn, void *ctx)
{
	for (uint32_t pdi = next_used_entry(pagedir, KERNEL_PDES); pdi < ENTRIES;
	     pdi = next_used_entry(pagedir, pdi + 1)) {
		if (!(pagedir[pdi] & PDE_PRESENT))
			continue;
		const uint32_t *table = (const uint32_t *)(pagedir[pdi] & ~PTE_FLAGS);
		for (uint32_t pti = next_used_entry(table, 0); pti < ENTRIES; pti = next_used_entry(table, pti + 1)) {
			if (table[pti] & PDE_PRESENT)
				fn((pdi << 22) | (pti << 12), table[pti] & ~PTE_FLAGS,
				   table[pti] & PTE_FLAGS, ctx);
		}
	}
}

void arch_pagedir_destroy(uint32_t *pagedir, bool free_pages)
{
	if (pagedir == arch_loaded_pagedir)
		panic("destroying the loaded address space");
	for (uint32_t pdi = next_used_entry(pagedir, KERNEL_PDES); pdi < ENTRIES;
	     pdi = next_used_entry(pagedir, pdi + 1)) {
		if (!(pagedir[pdi] & PDE_PRESENT))
			continue;
		uint32_t *table = (uint32_t *)(pagedir[pdi] & ~PTE_FLAGS);
		for (uint32_t pti = next_used_entry(table, 0); free_pages && pti < ENTRIES;
		     pti = next_used_entry(table, pti + 1)) {
			if ((table[pti] & PDE_PRESENT) && !(table[pti] & PAGE_DEVICE))
				page_free(table[pti] & ~PTE_FLAGS);
		}
		page_free((phys_addr_t)table);
	}
	page_free((phys_addr_t)pagedir);
}
