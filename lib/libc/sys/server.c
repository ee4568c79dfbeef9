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

#define LENDS_MAX 4

static void take_back(const grant_id_t *ids, int n)
{
	for (int i = 0; i < n; i++)
		sys_revoke(ids[i]);
}

/* Lends the n buffers to ep: each grant id into its field and into ids[]
 * (the reply overwrites the fields); on failure none stays lent. */
static int lend(endpoint_t ep, const struct __libc_lend *lends, int n, grant_id_t *ids)
{
	for (int i = 0; i < n; i++) {
		grant_id_t g = sys_grant(ep, lends[i].buf, lends[i].len ? lends[i].len : 1, lends[i].access);
		if (g < 0) {
			take_back(ids, i);
			return g;
		}
		ids[i] = *lends[i].field = g;
	}
	return 0;
}

/*
 * Sends m to s, lending the buffers for the call. If s dies meanwhile
 * (EDEADSRCDST), the request is sent again, as it was, to the next instance
 * as soon as RS has started one, with the buffers lent anew (a grant names
 * its grantee); a new instance that dies too (even long after) is waited
 * for in the same way. A cached endpoint of a dead instance (a child's,
 * from its parent) fails the same way and is looked up again.
 */
static int send_lending(struct __libc_server *s, int type, message *m, const struct __libc_lend *lends, int n)
{
	grant_id_t ids[LENDS_MAX];
	endpoint_t ep = s->endpoint != NONE ? s->endpoint : __libc_server(s, false);
	if (ep == NONE)
		return -ENOSYS;
	if (n > LENDS_MAX)
		return -EINVAL;
	int r = -EDEADSRCDST;
	while (r == -EDEADSRCDST && ep != NONE) {
		/* The kernel writes the reply into m only when sendrec succeeds,
		 * so after EDEADSRCDST m still holds the request (with the grant
		 * fields lend() sets anew). */
		m->type = type;
		r = lend(ep, lends, n, ids);
		if (r < 0)
			return r;
		r = ipc_sendrec(ep, m);
		take_back(ids, n);
		if (r == -EDEADSRCDST)
			ep = __libc_server_return(s);
	}
	return r;
}

/* What a call returns: the reply's type, or -1 with errno for an error of
 * the call (r) or of the server (a negative type). */
static inline int call_result(int r, const message *m)
{
	if (r == 0)
		r = m->type;
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}

int __libc_call(struct __libc_server *s, int type, message *m)
{
	/* the common case at its cheapest: nothing lent, the server known and alive */
	m->type = type;
	int r = s->endpoint != NONE ? ipc_sendrec(s->endpoint, m) : -EDEADSRCDST;
	if (r == -EDEADSRCDST)
		return __libc_call_lending(s, type, m, NULL, 0);
	return call_result(r, m);
}

int __libc_call_lending(struct __libc_server *s, int type, message *m, const struct __libc_lend *lends, int n)
{
	return call_result(send_lending(s, type, m, lends, n), m);
}

struct __libc_server __libc_pm = { "pm", NONE };
struct __libc_server __libc_vfs = { "vfs", NONE };
