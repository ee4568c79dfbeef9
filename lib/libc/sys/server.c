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

/* How long a caller waits for a server that died to come back: longer than
 * RS's largest backoff (2 s), in seconds. */
#define SERVER_RETURN_SECONDS 5

endpoint_t __libc_server_return(struct __libc_server *s)
{
	uint32_t since = (uint32_t)sys_uptime();
	uint32_t limit = (uint32_t)sys_info(KINFO_HZ, 0, NULL) * SERVER_RETURN_SECONDS;
	for (;;) {     /* until RS, which runs above us, has started it */
		if (__libc_server(s, true) != NONE || (uint32_t)sys_uptime() - since > limit)
			return s->endpoint;
	}
}

/*
 * s died while it had m (EDEADSRCDST): the request is sent again, as it
 * was, to the next instance, as soon as RS has started one; a new instance
 * that dies too (even long after) is waited for in the same way.
 */
static int call_again(struct __libc_server *s, int type, const message *request, message *m)
{
	int r = -EDEADSRCDST;
	while (r == -EDEADSRCDST && __libc_server_return(s) != NONE) {
		*m = *request;
		m->type = type;
		r = ipc_sendrec(s->endpoint, m);
	}
	return r;
}

int __libc_call(struct __libc_server *s, int type, message *m)
{
	message request = *m;
	m->type = type;
	endpoint_t ep = __libc_server(s, false);
	int r = ep == NONE ? -ENOSYS : ipc_sendrec(ep, m);
	if (r == -EDEADSRCDST)
		r = call_again(s, type, &request, m);
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
