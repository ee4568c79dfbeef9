/*
 * Building a process image from an ELF executable, either in kernel memory
 * (boot modules) or in the caller's memory (KC_EXEC). The new address space
 * is complete before the process is touched, so a failure leaves it as it was.
 */
#include "kernel.h"
#include "lib/elf.h"

/* Header and program headers, copied in so that they cannot change under us. */
static uint8_t header_buffer[1024];

static int load_segments(uint32_t *dir, const uint32_t *src_dir, vir_addr_t elf_addr)
{
	const struct elf32_header *h = (const void *)header_buffer;
	for (unsigned i = 0; i < h->phnum; i++) {
		const struct elf32_phdr *ph = elf_phdr(header_buffer, i);
		if (ph->type != ELF_PT_LOAD || ph->memsz == 0)
			continue;
		int r = vm_alloc_range(dir, ph->vaddr, ph->memsz, ph->flags & ELF_PF_W);
		if (r == 0)
			r = vm_copy_to_image(dir, ph->vaddr, src_dir, elf_addr + ph->offset, ph->filesz);
		if (r < 0)
			return r;
	}
	return 0;
}

/* Copies the header in and checks it; the image's headers are then in header_buffer. */
int exec_check(const uint32_t *src_dir, vir_addr_t elf_addr, uint32_t elf_len)
{
	uint32_t header_len = elf_len < sizeof(header_buffer) ? elf_len : sizeof(header_buffer);
	if (vm_copy(NULL, (vir_addr_t)header_buffer, src_dir, elf_addr, header_len) < 0)
		return -EFAULT;
	/* elf_check reads the program headers: they must lie in the buffer. */
	const struct elf32_header *h = (const void *)header_buffer;
	if (header_len < sizeof(*h) || h->phoff > header_len ||
	    (uint32_t)h->phnum * sizeof(struct elf32_phdr) > header_len - h->phoff)
		return -ENOEXEC;
	if (elf_check(header_buffer, elf_len, USER_BASE, USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE) < 0)
		return -ENOEXEC;
	return 0;
}

int exec_load(struct proc *p, const uint32_t *src_dir, vir_addr_t elf_addr, uint32_t elf_len,
	      vir_addr_t stack_addr, uint32_t stack_len)
{
	return exec_load_split(p, src_dir, elf_addr, elf_len, src_dir, stack_addr, stack_len);
}

int exec_load_split(struct proc *p, const uint32_t *src_dir, vir_addr_t elf_addr, uint32_t elf_len,
		    const uint32_t *stack_dir, vir_addr_t stack_addr, uint32_t stack_len)
{
	const uint32_t stack_bytes = USER_STACK_PAGES * PAGE_SIZE;
	if (stack_len > stack_bytes / 2 || stack_len % 4)
		return -E2BIG;
	int r = exec_check(src_dir, elf_addr, elf_len);
	if (r < 0)
		return r;
	const struct elf32_header *h = (const void *)header_buffer;

	uint32_t *dir = arch_pagedir_create();
	if (!dir)
		return -ENOMEM;
	uint32_t esp = USER_STACK_TOP - stack_len;
	r = load_segments(dir, src_dir, elf_addr);
	if (r == 0)
		r = vm_alloc_range(dir, USER_STACK_TOP - stack_bytes, stack_bytes, true);
	if (r == 0)
		r = vm_copy(dir, esp, stack_dir, stack_addr, stack_len);
	if (r < 0) {
		arch_pagedir_destroy(dir, true);
		return r;
	}

	/* Point of no return: the new image replaces the old one. */
	uint32_t *old = p->pagedir;
	p->pagedir = dir;
	if (old) {
		if (current_proc() == p)
			arch_load_address_space(dir);
		arch_pagedir_destroy(old, true);
	}
	p->code_sum = code_sum(dir);
	arch_init_user_frame(&p->frame, h->entry, esp);
	memset(p->grants, 0, sizeof(p->grants));
	return 0;
}
