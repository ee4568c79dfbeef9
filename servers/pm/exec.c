/*
 * exec: the program image comes from a boot module (read with KC_BOOTIMAGE)
 * or from the caller, which read it from a file; the initial stack (arguments
 * and environment, laid out by libc for their final addresses) comes from the
 * caller's grant. The kernel checks the ELF image before the old one goes.
 */
#include <string.h>
#include "pm.h"

#define MAX_IMAGE (1024 * 1024)
#define MAX_STACK (16 * 1024)

static uint8_t image[MAX_IMAGE];
static uint8_t stack[MAX_STACK];

/* Reads the boot module called name into image; returns its size or an error. */
static int load_module(const char *name)
{
	char module[16];
	for (uint32_t index = 0;; index++) {
		int size = sys_bootimage(index, 0, NULL, 0, module);
		if (size < 0)
			return size == -ENOENT ? -ENOENT : size;
		if (strcmp(module, name) != 0)
			continue;
		if (size > MAX_IMAGE)
			return -E2BIG;
		return sys_bootimage(index, 0, image, (uint32_t)size, NULL);
	}
}

/* Replaces p's program with the image in image[0..size) and the stack from m's grant. */
static int exec_image(struct mproc *p, message *m, int size)
{
	struct kc_exec req = { (vir_addr_t)image, (uint32_t)size, (vir_addr_t)stack, m->pm.len, { 0 } };
	strlcpy(req.name, m->pm.name, sizeof(req.name));
	int r = sys_exec(p->endpoint, &req);
	if (r < 0)
		return r;
	strlcpy(p->name, m->pm.name, sizeof(p->name));
	p->brk = USER_HEAP_BASE;
	memset(p->handler, 0, sizeof(p->handler));  /* handlers are gone with the old image */
	p->pending = 0;
	p->answered_seq = p->sleep_seq = 0;  /* the new program's libc counts from 0 */
	mirror_mark(p);
	pm_tell_vfs(VFS_PM_EXEC, p->endpoint, NONE);
	return -EDONTREPLY;  /* the caller now runs the new program */
}

/* The name and the stack image, checked and copied in; p is the caller. */
static int take_request(const message *m, struct mproc **p)
{
	*p = mproc_by_endpoint(m->source);
	if (!*p)
		return -ESRCH;
	if (!memchr(m->pm.name, '\0', sizeof(m->pm.name)) || m->pm.len > MAX_STACK || m->pm.len % 4)
		return -EINVAL;
	return sys_safecopy_from(m->source, m->pm.grant, 0, stack, m->pm.len);
}

int do_exec_boot(message *m)
{
	struct mproc *p;
	int r = take_request(m, &p);
	if (r < 0)
		return r;
	int size = load_module(m->pm.name);
	return size < 0 ? size : exec_image(p, m, size);
}

int do_exec_image(message *m)
{
	struct mproc *p;
	int r = take_request(m, &p);
	if (r < 0)
		return r;
	if (m->pm.image_len == 0 || m->pm.image_len > MAX_IMAGE)
		return m->pm.image_len ? -E2BIG : -ENOEXEC;
	r = sys_safecopy_from(m->source, m->pm.image_grant, 0, image, m->pm.image_len);
	return r < 0 ? r : exec_image(p, m, (int)m->pm.image_len);
}
