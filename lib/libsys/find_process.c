/* Finding a process by name in the kernel's process table (until DS names services). */
#include <libsys.h>
#include <string.h>

endpoint_t sys_find_process(const char *name)
{
	struct kinfo_proc row;
	for (uint32_t slot = 0; slot < CONFIG_NR_PROCS; slot++) {
		if (sys_proc_info(slot, &row) == 0 && row.endpoint != NONE &&
		    strcmp(row.name, name) == 0)
			return row.endpoint;
	}
	return NONE;
}
