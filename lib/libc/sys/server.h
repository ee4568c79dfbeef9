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
/* After s died: its next instance, waited for a few seconds at most (RS
 * restarts it); NONE if none came. */
endpoint_t __libc_server_return(struct __libc_server *s);
