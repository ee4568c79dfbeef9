/*
 * User memory as the kernel sees it. The kernel never dereferences a user
 * pointer: it translates each page through the owner's page directory,
 * checking presence, user access and (for writes) writability, and copies
 * through the identity map. A bad address is an -EFAULT, never a kernel fault.
 */
#include "kernel.h"

/* A kernel pointer for va in dir (NULL dir: va is a kernel address), or 0. */
static uint32_t resolve(const uint32_t *dir, vir_addr_t va, bool write)
{
	return dir ? arch_translate(dir, va, write) : va;
}

/* dst_writable: the destination pages must be writable by their owner. */
static int copy(uint32_t *dst_dir, vir_addr_t dst, const uint32_t *src_dir, vir_addr_t src,
		size_t len, bool dst_writable)
{
	while (len) {
		size_t chunk = len;
		if (dst_dir && PAGE_SIZE - (dst % PAGE_SIZE) < chunk)
			chunk = PAGE_SIZE - (dst % PAGE_SIZE);
		if (src_dir && PAGE_SIZE - (src % PAGE_SIZE) < chunk)
			chunk = PAGE_SIZE - (src % PAGE_SIZE);
		uint32_t to = resolve(dst_dir, dst, dst_writable), from = resolve(src_dir, src, false);
		if (!to || !from)
			return -EFAULT;
		memcpy((void *)to, (const void *)from, chunk);
		dst += chunk;
		src += chunk;
		len -= chunk;
	}
	return 0;
}

int vm_copy(uint32_t *dst_dir, vir_addr_t dst, const uint32_t *src_dir, vir_addr_t src, size_t len)
{
	return copy(dst_dir, dst, src_dir, src, len, true);
}

/* For the loader: fills pages the program itself may not write (its code). */
int vm_copy_to_image(uint32_t *dst_dir, vir_addr_t dst, const uint32_t *src_dir, vir_addr_t src, size_t len)
{
	return copy(dst_dir, dst, src_dir, src, len, false);
}

/* Maps fresh zeroed pages over [start, start+len); pages already there stay. */
int vm_alloc_range(uint32_t *dir, vir_addr_t start, uint32_t len, bool write)
{
	vir_addr_t first = start & ~(PAGE_SIZE - 1);
	if (start < USER_BASE || len > USER_TOP - start)
		return -EFAULT;
	for (vir_addr_t va = first; va < start + len; va += PAGE_SIZE) {
		phys_addr_t have = arch_translate(dir, va, false);
		if (have) {
			if (write)
				arch_map_page(dir, va, have & ~(PAGE_SIZE - 1), PAGE_WRITE);
			continue;
		}
		void *page = page_alloc_zeroed();
		if (!page)
			return -ENOMEM;
		int r = arch_map_page(dir, va, (phys_addr_t)page, write ? PAGE_WRITE : 0);
		if (r < 0) {
			page_free((phys_addr_t)page);
			return r;
		}
	}
	return 0;
}

struct clone_state {
	uint32_t *dir;
	int error;
};

static void clone_page(vir_addr_t va, phys_addr_t pa, uint32_t flags, void *ctx)
{
	struct clone_state *st = ctx;
	if (st->error || (flags & PAGE_DEVICE))
		return;  /* device memory stays with the process that mapped it */
	void *page = (void *)page_alloc();     /* not zeroed: the copy fills it */
	if (!page) {
		st->error = -ENOMEM;
		return;
	}
	memcpy(page, (const void *)pa, PAGE_SIZE);
	st->error = arch_map_page(st->dir, va, (phys_addr_t)page, flags & PAGE_WRITE);
	if (st->error)
		page_free((phys_addr_t)page);
}

/* A page-by-page copy of an address space (no copy-on-write yet). */
uint32_t *vm_clone(const uint32_t *dir)
{
	struct clone_state st = { arch_pagedir_create(), 0 };
	if (!st.dir)
		return NULL;
	arch_for_each_user_page(dir, clone_page, &st);
	if (st.error) {
		arch_pagedir_destroy(st.dir, true);
		return NULL;
	}
	return st.dir;
}

/* Can [addr, addr+len) be written by the process owning dir? len <= PAGE_SIZE. */
bool vm_user_writable(const uint32_t *dir, vir_addr_t addr, size_t len)
{
	return len && arch_translate(dir, addr, true) &&
	       arch_translate(dir, addr + (vir_addr_t)len - 1, true);
}
