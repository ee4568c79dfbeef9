/* KC_NULL: no arguments, no effect. The cheapest possible round trip into the kernel. */
#include "system.h"

int do_null(struct proc *caller, const struct kcall_args *args)
{
	return 0;
}
