/*
 * Kernel-call dispatch: bounds-check the number, check it against the
 * caller's privilege bitmap, then call the handler from the table.
 */
#include "system/system.h"
#include "priv.h"

static const kcall_handler kcall_table[KC_NR_CALLS] = {
	[KC_NULL] = do_null,
	[KC_DIAG] = do_diag,
	[KC_INFO] = do_info,
	[KC_FORK] = do_fork,
	[KC_EXEC] = do_exec,
	[KC_EXIT] = do_exit,
	[KC_KILL] = do_kill,
	[KC_PRIVCTL] = do_privctl,
	[KC_IRQCTL] = do_irqctl,
	[KC_GRANT] = do_grant,
	[KC_REVOKE] = do_revoke,
	[KC_SAFECOPY_FROM] = do_safecopy_from,
	[KC_SAFECOPY_TO] = do_safecopy_to,
	[KC_ALARM] = do_alarm,
	[KC_SHUTDOWN] = do_shutdown,
	[KC_VM] = do_vm,
	[KC_BOOTIMAGE] = do_bootimage,
	[KC_SPAWN] = do_spawn,
	[KC_IMAGE] = do_image,
	[KC_CODE] = do_code,
	[KC_SIGSEND] = do_sigsend,
	[KC_SIGRETURN] = do_sigreturn,
	[KC_KEEP] = do_keep,
};

void kcall_trap(struct trapframe *f)
{
	struct proc *caller = current_proc();
	uint32_t number = f->eax;
	int r;
	if (number >= KC_NR_CALLS || !kcall_table[number]) {
		r = -ENOSYS;
	} else if (!(caller->priv->kcalls & KC_BIT(number))) {
		r = -ECALLDENIED;
	} else {
		struct kcall_args args = { { f->ebx, f->ecx, f->edx, f->esi, f->edi } };
		r = kcall_table[number](caller, &args);
		if (r == KCALL_NO_RETURN)
			return;
	}
	f->eax = (uint32_t)r;
}

bool may_manage(const struct proc *caller, const struct proc *target)
{
	return target->manager == caller->endpoint || (caller->priv->flags & PRIV_KILL_ANY);
}
