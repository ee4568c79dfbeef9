/* KC_ALARM(ticks): a notification from CLOCK after ticks clock ticks; 0 cancels. */
#include "system.h"

int do_alarm(struct proc *caller, const struct kcall_args *args)
{
	clock_set_alarm(caller, args->a[0]);
	return 0;
}
