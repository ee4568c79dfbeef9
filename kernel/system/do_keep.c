/*
 * KC_KEEP(addr, pages): map the memory the kernel keeps for the caller's
 * label at addr (pages of it, at most KEEP_PAGES_MAX). The first instance
 * gets zeroed pages (KEEP_FRESH); a restarted one the same pages with what
 * its predecessor wrote (KEEP_HANDED_OVER), and the processes that one
 * managed. See kernel/keep.c.
 */
#include "system.h"

int do_keep(struct proc *caller, const struct kcall_args *args)
{
	return keep_map(caller, args->a[0], args->a[1]);
}
