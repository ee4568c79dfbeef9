/* Finding a process by name or label in the kernel's process table. */
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

endpoint_t sys_find_label(const char *label)
{
	char buf[LABEL_MAX] = { 0 };
	strlcpy(buf, label, sizeof(buf));
	int r = sys_info(KINFO_FIND_LABEL, 0, buf);
	return r < 0 ? NONE : r;
}
