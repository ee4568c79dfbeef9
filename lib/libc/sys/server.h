/* The servers behind libc's system calls (server.c); private to lib/libc/sys. */
#pragma once

#include <libsys.h>

/*
 * A server behind system calls, found by label and cached; __libc_call sends
 * it a request (sendrec), again to each new instance if it was replaced
 * (for a few seconds at most), and returns the reply's status, or -1 with
 * errno set.
 */
struct __libc_server {
	const char *label;
	endpoint_t endpoint;         /* NONE until looked up */
};
extern struct __libc_server __libc_pm, __libc_vfs;
endpoint_t __libc_server(struct __libc_server *s, bool again);
int __libc_call(struct __libc_server *s, int type, message *m);

/* A buffer a request lends the server: made a grant for the server's
 * current endpoint at each sending, its id put in *field (inside m). */
struct __libc_lend {
	const void *buf;
	size_t len;                  /* 0 is lent as 1 byte */
	uint32_t access;             /* GRANT_READ, GRANT_WRITE */
	grant_id_t *field;
};
/* As __libc_call, lending the n buffers for the call. */
int __libc_call_lending(struct __libc_server *s, int type, message *m, const struct __libc_lend *lends, int n);
/* After s died: its next instance, waited for a few seconds at most (RS
 * restarts it); NONE if none came. */
endpoint_t __libc_server_return(struct __libc_server *s);
