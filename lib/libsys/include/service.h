/*
 * The service framework every server and driver is built on. A service
 * describes itself (label, request handlers, callbacks) and calls
 * service_run(), which never returns: it starts the service fresh or after a
 * restart, receives requests, answers heartbeat pings itself, dispatches
 * each request to its handler through the table and sends the reply.
 *
 * A handler gets the request in *m, validates every field, fills the reply
 * payload in place and returns the status, which becomes the reply's type.
 * Returning -EDONTREPLY means it will reply later with service_reply().
 */
#pragma once

#include <libsys.h>
#include <samsara/service.h>

typedef int (*request_handler)(message *m);

struct service {
	const char *label;                 /* its name in the boot table and in DS; NULL: the
					    * label it was started under (from a file) */
	int base;                          /* protocol base of its requests */
	const request_handler *handlers;   /* indexed by type - base; NULL = ENOSYS */
	unsigned nr_handlers;
	/* Before the first request; restarted says whether a predecessor ran.
	 * A negative return stops the service with that status. */
	int (*init)(bool restarted);
	void (*notify)(const message *m);  /* notifications: IRQs, alarms, DS */
	void (*kreport)(const message *m); /* reports about processes it manages */
	/* Optional: a check every request passes before its handler; a negative
	 * return is the reply (e.g. "nothing is mounted yet"). */
	int (*admit)(const message *m);
	/* Optional: after each message is handled and before its reply goes
	 * out, a service that mirrors its state outside itself writes it here,
	 * so that no client learns of a change its successor would not know. */
	void (*commit)(void);
};

/* Runs the service. argv[1] == "restart" marks a restarted instance. */
__attribute__((noreturn)) void service_run(const struct service *svc, int argc, char **argv);

/* Sends a deferred reply (after a handler returned -EDONTREPLY). */
int service_reply(endpoint_t client, message *m, int status);

/* Saves name's bytes in DS under this service's label, for its successor. */
int service_save_state(const char *name, const void *data, size_t len);
/* Gets them back after a restart; returns the length or a negated error. */
int service_restore_state(const char *name, void *buf, size_t size);

/* Makes the service fail in the given way (enum rs_fault); see fault.c. */
void service_inject_fault(const struct service *svc, uint32_t kind, uint32_t count, uint32_t seed);

/*
 * Mirrors in memory the kernel keeps for the service's label (keep.c).
 * service_keep maps size bytes at addr, which begin with a uint32_t magic:
 * 1 if they hold what a predecessor wrote under that magic; otherwise they
 * are zeroed and stamped with it (0); a negated error if nothing was mapped.
 */
int service_keep(void *addr, size_t size, uint32_t magic);
/* A record's checksum, which depends on its slot too. */
uint32_t service_checksum(const void *data, size_t len, int slot);
/* Marks slot (below nr_slots) in the set marks; takes the lowest marked slot, or -1. */
void service_mark(uint32_t *marks, size_t nr_slots, size_t slot);
int service_take_mark(uint32_t *marks, size_t nr_slots);

/* Prints a log line "label: ..." on the kernel console. */
void service_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
