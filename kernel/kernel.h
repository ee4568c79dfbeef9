/* What every kernel file needs: kernel-wide declarations and helpers. */
#pragma once

#include <samsara/config.h>
#include <samsara/types.h>
#include <samsara/errno.h>
#include <samsara/endpoint.h>
#include <samsara/ipc.h>
#include <samsara/kcall.h>
#include "arch/i386/arch.h"
#include "proc.h"

/* lib/libc/string/string.c, shared with user space */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strlcpy(char *dst, const char *src, size_t size);
int strcmp(const char *a, const char *b);

/* kprintf.c */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* memory.c: physical page frames */
void memory_init(phys_addr_t lowest_free, phys_addr_t top);
void memory_add_range(phys_addr_t start, phys_addr_t end);
void memory_reserve(phys_addr_t start, phys_addr_t end);
void *page_alloc_zeroed(void);
phys_addr_t page_alloc(void);
void page_free(phys_addr_t page);
uint32_t memory_free_pages(void);

/* vm.c: user memory */
/* Copies between address spaces; a NULL page directory means kernel memory. */
int vm_copy(uint32_t *dst_dir, vir_addr_t dst, const uint32_t *src_dir, vir_addr_t src, size_t len);
int vm_copy_to_image(uint32_t *dst_dir, vir_addr_t dst, const uint32_t *src_dir, vir_addr_t src, size_t len);
static inline int copy_from_user(struct proc *p, void *dst, vir_addr_t src, size_t len)
{
	return vm_copy(NULL, (vir_addr_t)dst, p->pagedir, src, len);
}
static inline int copy_to_user(struct proc *p, vir_addr_t dst, const void *src, size_t len)
{
	return vm_copy(p->pagedir, dst, NULL, (vir_addr_t)src, len);
}
bool vm_user_writable(const uint32_t *dir, vir_addr_t addr, size_t len);
int vm_alloc_range(uint32_t *pagedir, vir_addr_t start, uint32_t len, bool write);
uint32_t *vm_clone(const uint32_t *pagedir);

/* exec.c: building a process image */
int exec_check(const uint32_t *src_dir, vir_addr_t elf_addr, uint32_t elf_len);
int exec_load(struct proc *p, const uint32_t *src_dir, vir_addr_t elf_addr, uint32_t elf_len,
	      vir_addr_t stack_addr, uint32_t stack_len);
/* The same, with the stack's bytes in another address space (NULL: the kernel's). */
int exec_load_split(struct proc *p, const uint32_t *src_dir, vir_addr_t elf_addr, uint32_t elf_len,
		    const uint32_t *stack_dir, vir_addr_t stack_addr, uint32_t stack_len);

/* ipc.c */
void ipc_wake_all_waiting_on(struct proc *dead);
void ipc_kick(struct proc *p);
void ipc_notify_kernel(struct proc *dst);

/* irq.c and clock.c */
void irq_handle(int irq);
void irq_release_all(struct proc *p);
extern volatile uint32_t clock_ticks;
void clock_tick(void);
void clock_set_alarm(struct proc *p, uint32_t ticks);
void irq_init(void);
int irq_control(struct proc *caller, int op, int irq);

/* boot.c: the boot modules stay in memory, for PM and RS to start again */
int boot_module(unsigned index, phys_addr_t *start, uint32_t *len, char name[16]);
/* Starts boot module index again, as a restart, managed by manager; returns its endpoint. */
int boot_spawn(unsigned index, endpoint_t manager);
/* Starts RS (boot module index) again after it died, and gives it back the services. */
void boot_respawn_rs(unsigned index);

/* keep.c: KC_KEEP's memory; returns KEEP_FRESH, KEEP_HANDED_OVER or an error. */
int keep_map(struct proc *caller, vir_addr_t addr, uint32_t pages);
/* p dies: its kept memory waits for its successor; returns what the processes
 * p managed inherit as their heir (1 + the record), or 0 if p kept none. */
int keep_release(const struct proc *p);
/* system/do_code.c: a sum of the read-only pages of an address space */
uint32_t code_sum(const uint32_t *pagedir);

/* image.c: service images kept for services started from files */
int image_keep(struct proc *caller, const struct kc_image *req);
int image_drop(uint32_t index);
int image_spawn(uint32_t index, endpoint_t manager, bool fresh);
void image_adopt_orphans(endpoint_t rs);
bool image_label_taken(const char *label);

/* kcall.c */
void kcall_trap(struct trapframe *f);

/* priv.c */
void priv_init(void);

const char *arch_exception_name(uint32_t vector);
