/* KC_DIAG(addr, len): write the caller's bytes to the kernel log console. */
#include "system.h"

#define DIAG_MAX 1024

int do_diag(struct proc *caller, const struct kcall_args *args)
{
	vir_addr_t addr = args->a[0];
	uint32_t len = args->a[1];
	char buf[128];
	if (len > DIAG_MAX)
		return -EINVAL;
	for (uint32_t done = 0; done < len; done += sizeof(buf)) {
		uint32_t left = len - done;
		uint32_t chunk = left < sizeof(buf) ? left : (uint32_t)sizeof(buf);
		if (copy_from_user(caller, buf, addr + done, chunk) < 0)
			return -EFAULT;
		for (const char *c = buf; c < buf + chunk; c++)
			arch_console_putc(*c);
	}
	return (int)len;
}
