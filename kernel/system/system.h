/* Kernel-call handlers: one file each, dispatched through the table in kcall.c. */
#pragma once

#include "../kernel.h"

/* The five argument registers of a kernel call, in order: ebx ecx edx esi edi. */
struct kcall_args {
	uint32_t a[5];
};

typedef int (*kcall_handler)(struct proc *caller, const struct kcall_args *args);

int do_null(struct proc *caller, const struct kcall_args *args);
int do_diag(struct proc *caller, const struct kcall_args *args);
int do_info(struct proc *caller, const struct kcall_args *args);
int do_fork(struct proc *caller, const struct kcall_args *args);
int do_exec(struct proc *caller, const struct kcall_args *args);
int do_exit(struct proc *caller, const struct kcall_args *args);
int do_kill(struct proc *caller, const struct kcall_args *args);
int do_privctl(struct proc *caller, const struct kcall_args *args);
int do_irqctl(struct proc *caller, const struct kcall_args *args);
int do_grant(struct proc *caller, const struct kcall_args *args);
int do_revoke(struct proc *caller, const struct kcall_args *args);
int do_safecopy_from(struct proc *caller, const struct kcall_args *args);
int do_safecopy_to(struct proc *caller, const struct kcall_args *args);
int do_alarm(struct proc *caller, const struct kcall_args *args);
int do_shutdown(struct proc *caller, const struct kcall_args *args);
int do_vm(struct proc *caller, const struct kcall_args *args);
int do_bootimage(struct proc *caller, const struct kcall_args *args);
int do_spawn(struct proc *caller, const struct kcall_args *args);
int do_keep(struct proc *caller, const struct kcall_args *args);
int do_image(struct proc *caller, const struct kcall_args *args);
int do_code(struct proc *caller, const struct kcall_args *args);
int do_sigsend(struct proc *caller, const struct kcall_args *args);
int do_sigreturn(struct proc *caller, const struct kcall_args *args);

/* May caller manage target (kill it, change its privileges)? */
bool may_manage(const struct proc *caller, const struct proc *target);

/*
 * Status returned by a handler whose caller no longer exists (KC_EXIT) or
 * whose eax must stay as it is: a value no call returns (1 is a valid
 * result: an uptime, a count, KC_CODE's "changed").
 */
#define KCALL_NO_RETURN (-2147483647 - 1)
