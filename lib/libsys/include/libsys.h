/*
 * libsys: the user-space face of the kernel. IPC primitives and kernel calls
 * as inline traps (see <samsara/ipc.h> and <samsara/kcall.h> for the ABI).
 * Every function returns 0 or a value >= 0 on success, a negated error code
 * on failure.
 */
#pragma once

#include <samsara/config.h>
#include <samsara/types.h>
#include <samsara/errno.h>
#include <samsara/endpoint.h>
#include <samsara/ipc.h>
#include <samsara/kcall.h>

/* The kernel reads *m (send) and/or writes it (receive). */
static inline int ipc_trap(uint32_t op, endpoint_t ep, message *m)
{
	int r;
	__asm__ volatile("int $0x80" : "=a"(r), "+m"(*m) : "a"(op), "b"(ep), "c"(m) : "memory");
	return r;
}

static inline int ipc_send(endpoint_t dst, message *m) { return ipc_trap(IPC_SEND, dst, m); }
static inline int ipc_receive(endpoint_t src, message *m) { return ipc_trap(IPC_RECEIVE, src, m); }
static inline int ipc_sendrec(endpoint_t dst, message *m) { return ipc_trap(IPC_SENDREC, dst, m); }
static inline int ipc_sendnb(endpoint_t dst, message *m) { return ipc_trap(IPC_SENDNB, dst, m); }
static inline int ipc_notify(endpoint_t dst)
{
	int r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(IPC_NOTIFY), "b"(dst), "c"(0) : "memory");
	return r;
}

static inline int kcall5(uint32_t n, uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t e)
{
	int r;
	__asm__ volatile("int $0x81" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e) : "memory");
	return r;
}

static inline int sys_null(void) { return kcall5(KC_NULL, 0, 0, 0, 0, 0); }
static inline int sys_diag(const void *buf, size_t len) { return kcall5(KC_DIAG, (uint32_t)buf, len, 0, 0, 0); }
static inline int sys_info(uint32_t what, uint32_t arg, void *out) { return kcall5(KC_INFO, what, arg, (uint32_t)out, 0, 0); }
/* One row of the kernel's process table (slot 0 .. CONFIG_NR_PROCS-1). */
static inline int sys_proc_info(uint32_t slot, struct kinfo_proc *row)
{
	int r;
	__asm__ volatile("int $0x81" : "=a"(r), "=m"(*row)
			 : "a"(KC_INFO), "b"(KINFO_PROC), "c"(slot), "d"(row) : "memory");
	return r;
}
static inline int sys_uptime(void) { return sys_info(KINFO_UPTIME, 0, NULL); }
static inline endpoint_t sys_self(void) { return sys_info(KINFO_SELF, 0, NULL); }
static inline int sys_fork(endpoint_t ep) { return kcall5(KC_FORK, (uint32_t)ep, 0, 0, 0, 0); }
static inline int sys_exec(endpoint_t ep, const struct kc_exec *req) { return kcall5(KC_EXEC, (uint32_t)ep, (uint32_t)req, 0, 0, 0); }
static inline int sys_kill(endpoint_t ep) { return kcall5(KC_KILL, (uint32_t)ep, 0, 0, 0, 0); }
static inline int sys_privctl(endpoint_t ep, uint32_t op, uint32_t arg) { return kcall5(KC_PRIVCTL, (uint32_t)ep, op, arg, 0, 0); }
static inline int sys_irqctl(uint32_t op, int irq) { return kcall5(KC_IRQCTL, op, (uint32_t)irq, 0, 0, 0); }
static inline grant_id_t sys_grant(endpoint_t grantee, const void *addr, size_t len, uint32_t access)
{
	return kcall5(KC_GRANT, (uint32_t)grantee, (uint32_t)addr, len, access, 0);
}
static inline int sys_revoke(grant_id_t id) { return kcall5(KC_REVOKE, (uint32_t)id, 0, 0, 0, 0); }
static inline int sys_safecopy_from(endpoint_t owner, grant_id_t id, uint32_t offset, void *addr, size_t len)
{
	return kcall5(KC_SAFECOPY_FROM, (uint32_t)owner, (uint32_t)id, offset, (uint32_t)addr, len);
}
static inline int sys_safecopy_to(endpoint_t owner, grant_id_t id, uint32_t offset, const void *addr, size_t len)
{
	return kcall5(KC_SAFECOPY_TO, (uint32_t)owner, (uint32_t)id, offset, (uint32_t)addr, len);
}
static inline int sys_vm(uint32_t op, endpoint_t ep, uint32_t addr, uint32_t len)
{
	return kcall5(KC_VM, op, (uint32_t)ep, addr, len, 0);
}
/* Maps device memory (physical [phys, phys+len)) that the caller's privileges allow, at addr. */
static inline int sys_vm_map_phys(uint32_t addr, uint32_t len, uint32_t phys)
{
	return kcall5(KC_VM, VM_MAP_PHYS, (uint32_t)SELF, addr, len, phys);
}
static inline int sys_bootimage(uint32_t index, uint32_t offset, void *addr, uint32_t len, char name[16])
{
	return kcall5(KC_BOOTIMAGE, index, offset, (uint32_t)addr, len, (uint32_t)name);
}
/* Starts boot module or kept image index (as a restart unless SPAWN_FRESH), managed by the caller (RS). */
static inline int sys_spawn(uint32_t index, uint32_t flags) { return kcall5(KC_SPAWN, index, flags, 0, 0, 0); }
/* Has the kernel keep a service image (see struct kc_image); returns its KC_SPAWN index. */
static inline int sys_image_keep(const struct kc_image *req) { return kcall5(KC_IMAGE, IMAGE_KEEP, (uint32_t)req, 0, 0, 0); }
static inline int sys_image_drop(uint32_t index) { return kcall5(KC_IMAGE, IMAGE_DROP, index, 0, 0, 0); }
/* Flips count random bits in the code of ep (SELF or a process the caller manages). */
static inline int sys_code_flip(endpoint_t ep, uint32_t count, uint32_t seed)
{
	return kcall5(KC_CODE, CODE_FLIP, (uint32_t)ep, count, seed, 0);
}
/* 1 if the code of ep has changed since it was loaded, 0 if not. */
static inline int sys_code_check(endpoint_t ep) { return kcall5(KC_CODE, CODE_CHECK, (uint32_t)ep, 0, 0, 0); }
/* Maps the memory the kernel keeps for the caller's label at addr (KEEP_FRESH or KEEP_HANDED_OVER). */
static inline int sys_keep(void *addr, uint32_t pages) { return kcall5(KC_KEEP, (uint32_t)addr, pages, 0, 0, 0); }
static inline int sys_alarm(uint32_t ticks) { return kcall5(KC_ALARM, ticks, 0, 0, 0, 0); }
static inline int sys_shutdown(uint32_t how, uint32_t code) { return kcall5(KC_SHUTDOWN, how, code, 0, 0, 0); }
__attribute__((noreturn)) void sys_exit(int status);
/* Wall-clock seconds since 1970 from the CMOS clock (needs ports 0x70-0x71). */
uint32_t cmos_time(void);
/* The endpoint of the live process called name, from the kernel's table; NONE if none. */
endpoint_t sys_find_process(const char *name);
/* The endpoint of the live process whose privileges carry label; NONE if none. */
endpoint_t sys_find_label(const char *label);

static inline uint64_t read_tsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}
