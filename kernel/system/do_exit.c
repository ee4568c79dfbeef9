/* KC_EXIT(status): the caller ends; its manager gets an exit report. */
#include "system.h"

int do_exit(struct proc *caller, const struct kcall_args *args)
{
	proc_exit(caller, (int32_t)args->a[0]);
	return KCALL_NO_RETURN;
}
