/*
 * rs: the reincarnation server. It is the manager of every system service
 * of the boot image: the kernel reports their faults and exits to it, it
 * pings them (heartbeats), and it starts a dead or hung one again from the
 * image the kernel keeps (KC_SPAWN), publishing the new endpoint in DS.
 * Its table is kept in DS too, so a restarted RS takes over where the old
 * one stopped without restarting anything that is healthy.
 */
#pragma once

#include <service.h>
#include <samsara/rs.h>

#define RS_MAX_SERVICES 16
#define RS_LOG_SIZE 32
#define RS_DEFAULT_PERIOD_MS 500
#define RS_DEFAULT_MAX_RESTARTS 10   /* in RS_WINDOW_MS */
#define RS_WINDOW_MS 10000
#define RS_BACKOFF_FIRST_MS 20       /* doubles with each crash in the window */
#define RS_BACKOFF_MAX_MS 2000

struct rs_service {
	char label[16];
	uint32_t module;             /* boot module index, or kept image index (>= IMAGE_INDEX_BASE) */
	char script[RS_SCRIPT_MAX];  /* recovery script run on a failure; "" = restart it */
	endpoint_t endpoint;         /* NONE while down */
	uint32_t state;              /* enum rs_state */
	uint32_t policy;             /* enum rs_policy */
	uint32_t period_ms;
	uint32_t max_restarts;
	uint32_t backoff_ms;         /* first backoff delay */
	uint32_t restarts;
	uint32_t window_start;       /* tick the current crash window began */
	uint32_t window_crashes;
	uint32_t last_reason;
	int32_t last_detail;
	uint32_t last_recovery_us;
	uint32_t started;            /* tick the current instance started */
	uint32_t restart_at;         /* RS_BACKOFF: tick to restart at */
	uint32_t next_ping;          /* tick of the next heartbeat */
	uint32_t missed;             /* heartbeats sent and not answered */
	uint32_t cpu_ticks;          /* its CPU time at the last heartbeat */
	uint64_t failed_tsc;         /* when the last failure was seen */
	bool recovering;             /* restarted, waiting for its first answer */
	int log_index;               /* its entry in the recovery log, or -1 */
};

/* The part of RS's state kept in DS (blob "rs.table"). */
struct rs_saved {
	uint32_t nr_services;
	struct rs_service services[RS_MAX_SERVICES];
	uint32_t log_next;           /* entries written so far */
	struct rs_log_entry log[RS_LOG_SIZE];
};

extern struct rs_saved rs;

/* table.c */
void table_build(bool restarted);
struct rs_service *table_find(const char *label);
struct rs_service *table_by_endpoint(endpoint_t ep);
void table_failed(struct rs_service *s, uint32_t reason, int32_t detail);
void table_answered(struct rs_service *s);
void table_tick(void);
int table_restart(struct rs_service *s, uint32_t reason);
void table_stop(struct rs_service *s, uint32_t state);
int table_start(struct rs_service *s);
int table_launch(struct rs_service *s, uint32_t spawn_flags);
struct rs_service *table_add(const char *label, uint32_t module, endpoint_t ep);
void table_reset(struct rs_service *s, const char *label, uint32_t module, endpoint_t ep);
void table_save(void);
uint32_t ticks_of_ms(uint32_t ms);

/* mirror.c: DS's store, kept here so that it survives a crash of DS */
int mirror_lend(endpoint_t ds);
void mirror_started(const char *label, endpoint_t ep);
/* script.c: recovery scripts, run by `service scripts` */
void script_queue(const struct rs_service *s, const char *reason, uint32_t count);
int do_set_script(message *m);
int do_script_wait(message *m);

/* start.c: services started from files */
int do_start(message *m);

/* request.c */
bool caller_privileged(endpoint_t caller);
int do_status(message *m);
int do_log(message *m);
int do_restart(message *m);
int do_down(message *m);
int do_up(message *m);
int do_set(message *m);
int do_fi(message *m);
/* Sends a fault whose service was busy when it was asked for (at a clock tick). */
void fi_retry(void);
