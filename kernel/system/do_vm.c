/*
 * KC_VM(op, ep, addr, len): PM's memory management of the processes it
 * manages (brk, later mmap). VM_ALLOC maps zeroed writable pages over the
 * range, keeping pages already there; VM_FREE unmaps and frees the pages
 * wholly inside it. The range must lie between USER_BASE and USER_HEAP_TOP,
 * so the stack and the kernel are out of reach.
 */
#include "system.h"
#include "../priv.h"

static int vm_free_range(uint32_t *dir, vir_addr_t start, uint32_t len)
{
	vir_addr_t first = (start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	for (vir_addr_t va = first; va + PAGE_SIZE <= start + len; va += PAGE_SIZE) {
		phys_addr_t page = arch_unmap_page(dir, va);
		if (page)
			page_free(page);
	}
	return 0;
}

/* Maps device memory the caller's privileges name, uncached semantics aside. */
static int vm_map_phys(struct proc *caller, vir_addr_t addr, uint32_t len, phys_addr_t phys)
{
	const struct priv *priv = caller->priv;
	if (addr % PAGE_SIZE || phys % PAGE_SIZE || len == 0 || len % PAGE_SIZE)
		return -EINVAL;
	if (phys < priv->mem_base || len > priv->mem_len || phys - priv->mem_base > priv->mem_len - len)
		return -EPERM;
	for (uint32_t off = 0; off < len; off += PAGE_SIZE) {
		if (arch_translate(caller->pagedir, addr + off, false))
			return -EEXIST;
	}
	for (uint32_t off = 0; off < len; off += PAGE_SIZE) {
		int r = arch_map_page(caller->pagedir, addr + off, phys + off, PAGE_WRITE | PAGE_DEVICE);
		if (r < 0)
			return r;
	}
	return 0;
}

int do_vm(struct proc *caller, const struct kcall_args *args)
{
	struct proc *target;
	vir_addr_t addr = args->a[2];
	uint32_t len = args->a[3];
	int r = proc_lookup_checked((endpoint_t)args->a[1], caller, &target);
	if (r < 0)
		return r;
	if (target != caller && !may_manage(caller, target))
		return -EPERM;
	if (addr < USER_BASE || addr >= USER_HEAP_TOP || len > USER_HEAP_TOP - addr)
		return -EFAULT;
	switch (args->a[0]) {
	case VM_ALLOC:
		return vm_alloc_range(target->pagedir, addr, len, true);
	case VM_FREE:
		return vm_free_range(target->pagedir, addr, len);
	case VM_MAP_PHYS:
		return target == caller ? vm_map_phys(caller, addr, len, args->a[4]) : -EPERM;
	default:
		return -EINVAL;
	}
}
