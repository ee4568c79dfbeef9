/*
 * Finding and calling the servers behind the system calls (PM, VFS): by
 * label through the kernel, once, and again when the server was replaced.
 */
#include <libsys.h>
#include <errno.h>
#include "server.h"

endpoint_t __libc_server(struct __libc_server *s, bool again)
{
	if (s->endpoint == NONE || again) {
		char label[LABEL_MAX] = { 0 };
		for (int i = 0; i < LABEL_MAX - 1 && s->label[i]; i++)
			label[i] = s->label[i];
		int r = sys_info(KINFO_FIND_LABEL, 0, label);
		s->endpoint = r < 0 ? NONE : r;
	}
	return s->endpoint;
}

int __libc_call(struct __libc_server *s, int type, message *m)
{
	m->type = type;
	endpoint_t ep = s->endpoint != NONE ? s->endpoint : __libc_server(s, false);
	int r = ep == NONE ? -ENOSYS : ipc_sendrec(ep, m);
	if (r == -EDEADSRCDST && __libc_server(s, true) != NONE) {
		/* A new instance: ask it again. The kernel writes the reply into
		 * m only when sendrec succeeds, so m still holds the request. */
		m->type = type;
		r = ipc_sendrec(s->endpoint, m);
	}
	if (r == 0)
		r = m->type;
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}

struct __libc_server __libc_pm = { "pm", NONE };
struct __libc_server __libc_vfs = { "vfs", NONE };
