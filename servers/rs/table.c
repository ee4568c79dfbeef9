/*
 * RS's table of services: failures, restarts with backoff, heartbeats, and
 * the copy of it all in DS.
 */
#include <ds.h>
#include <stdio.h>
#include <string.h>
#include <samsara/endpoint.h>
#include "rs.h"

#define LOG_CHUNK 16                 /* log entries per DS blob */

static uint32_t hz;
static uint64_t tsc_start;           /* rdtsc and uptime when RS started: */
static uint32_t tick_start;          /* the tsc rate is measured against the clock */

static uint32_t now(void) { return (uint32_t)sys_uptime(); }

uint32_t ticks_of_ms(uint32_t ms)
{
	uint32_t t = ms * hz / 1000;
	return t ? t : 1;
}

/* Microseconds in a tsc difference, at the rate seen since RS started. */
static uint32_t tsc_to_us(uint64_t delta)
{
	uint64_t ticks = now() - tick_start, elapsed = read_tsc() - tsc_start;
	if (ticks < 2 || elapsed == 0)
		return 0;
	uint64_t us = ticks * 1000000 / hz;
	while (delta > (1ull << 32) || us > (1ull << 31)) {   /* keep delta * us in 64 bits */
		delta >>= 1;
		elapsed >>= 1;
		if (elapsed == 0)
			return 0;
	}
	return (uint32_t)(delta * us / elapsed);
}

void table_save(void)
{
	uint32_t meta[2] = { rs.nr_services, rs.log_next };
	service_save_state("meta", meta, sizeof(meta));
	for (uint32_t i = 0; i < rs.nr_services; i++) {
		char name[16];
		snprintf(name, sizeof(name), "svc%u", i);
		service_save_state(name, &rs.services[i], sizeof(rs.services[i]));
	}
	for (uint32_t chunk = 0; chunk * LOG_CHUNK < RS_LOG_SIZE; chunk++) {
		char name[16];
		snprintf(name, sizeof(name), "log%u", chunk);
		service_save_state(name, &rs.log[chunk * LOG_CHUNK], LOG_CHUNK * sizeof(rs.log[0]));
	}
}

static bool table_restore(void)
{
	uint32_t meta[2];
	if (service_restore_state("meta", meta, sizeof(meta)) != sizeof(meta) ||
	    meta[0] > RS_MAX_SERVICES)
		return false;
	rs.nr_services = meta[0];
	rs.log_next = meta[1];
	for (uint32_t i = 0; i < rs.nr_services; i++) {
		char name[16];
		snprintf(name, sizeof(name), "svc%u", i);
		if (service_restore_state(name, &rs.services[i], sizeof(rs.services[i])) !=
		    sizeof(rs.services[i]))
			return false;
		rs.services[i].label[sizeof(rs.services[i].label) - 1] = '\0';
	}
	for (uint32_t chunk = 0; chunk * LOG_CHUNK < RS_LOG_SIZE; chunk++) {
		char name[16];
		snprintf(name, sizeof(name), "log%u", chunk);
		service_restore_state(name, &rs.log[chunk * LOG_CHUNK], LOG_CHUNK * sizeof(rs.log[0]));
	}
	return true;
}

/* The next alarm: the earliest heartbeat or restart due. */
static void schedule(void)
{
	uint32_t t = now(), soonest = UINT32_MAX;
	for (uint32_t i = 0; i < rs.nr_services; i++) {
		const struct rs_service *s = &rs.services[i];
		uint32_t due = s->state == RS_RUNNING ? s->next_ping
			     : s->state == RS_BACKOFF ? s->restart_at : UINT32_MAX;
		if (due != UINT32_MAX) {
			uint32_t in = (int32_t)(due - t) > 0 ? due - t : 1;
			soonest = in < soonest ? in : soonest;
		}
	}
	sys_alarm(soonest == UINT32_MAX ? 0 : soonest);
}

struct rs_service *table_find(const char *label)
{
	for (uint32_t i = 0; i < rs.nr_services; i++)
		if (strcmp(rs.services[i].label, label) == 0)
			return &rs.services[i];
	return NULL;
}

struct rs_service *table_by_endpoint(endpoint_t ep)
{
	for (uint32_t i = 0; i < rs.nr_services; i++)
		if (rs.services[i].endpoint == ep && ep != NONE)
			return &rs.services[i];
	return NULL;
}

/* Whether the live process ep has RS (us) as its manager. */
static bool managed_by_us(endpoint_t ep)
{
	struct kinfo_proc row;
	return sys_proc_info((uint32_t)endpoint_slot(ep), &row) == 0 && row.endpoint == ep &&
	       row.manager == sys_self();
}

struct rs_service *table_add(const char *label, uint32_t module, endpoint_t ep)
{
	if (rs.nr_services == RS_MAX_SERVICES)
		return NULL;
	struct rs_service *s = &rs.services[rs.nr_services++];
	table_reset(s, label, module, ep);
	return s;
}

/* s, with the default policy, running as ep (or down if NONE) from module. */
void table_reset(struct rs_service *s, const char *label, uint32_t module, endpoint_t ep)
{
	memset(s, 0, sizeof(*s));
	strlcpy(s->label, label, sizeof(s->label));
	s->module = module;
	s->endpoint = ep;
	s->state = RS_RUNNING;
	s->policy = RS_POLICY_RESTART;
	s->period_ms = RS_DEFAULT_PERIOD_MS;
	s->max_restarts = RS_DEFAULT_MAX_RESTARTS;
	s->backoff_ms = RS_BACKOFF_FIRST_MS;
	s->started = now();
	s->log_index = -1;
}

void table_build(bool restarted)
{
	hz = (uint32_t)sys_info(KINFO_HZ, 0, NULL);
	tsc_start = read_tsc();
	tick_start = now();
	if (restarted && table_restore()) {
		/* Keep the services that live on; start those that died meanwhile. */
		for (uint32_t i = 0; i < rs.nr_services; i++) {
			struct rs_service *s = &rs.services[i];
			endpoint_t ep = sys_find_label(s->label);
			s->missed = 0;
			s->recovering = false;
			s->next_ping = now() + ticks_of_ms(s->period_ms);
			if (ep != NONE) {
				s->endpoint = ep;
				s->state = RS_RUNNING;
			} else if (s->state == RS_RUNNING || s->state == RS_BACKOFF) {
				s->endpoint = NONE;
				table_start(s);
			}
		}
		service_log("restarted: took over %u services from DS", rs.nr_services);
	} else {
		memset(&rs, 0, sizeof(rs));
		char name[16];
		for (uint32_t index = 0; sys_bootimage(index, 0, NULL, 0, name) >= 0; index++) {
			endpoint_t ep = sys_find_label(name);
			if (ep != NONE && managed_by_us(ep) && !table_find(name))
				table_add(name, index, ep);
		}
		for (uint32_t i = 0; i < rs.nr_services; i++)
			rs.services[i].next_ping = now() + ticks_of_ms(rs.services[i].period_ms);
		service_log("watching %u services", rs.nr_services);
	}
	table_save();
	schedule();
}

static struct rs_log_entry *log_add(struct rs_service *s, uint32_t reason, int32_t detail)
{
	int index = (int)(rs.log_next++ % RS_LOG_SIZE);
	struct rs_log_entry *e = &rs.log[index];
	memset(e, 0, sizeof(*e));
	e->tick = now();
	strlcpy(e->label, s->label, sizeof(e->label));
	e->reason = reason;
	e->detail = detail;
	s->log_index = index;
	return e;
}

int table_start(struct rs_service *s)
{
	return table_launch(s, 0);
}

/* Starts s (spawn_flags: SPAWN_FRESH for a first start) and publishes it. */
int table_launch(struct rs_service *s, uint32_t spawn_flags)
{
	int ep = sys_spawn(s->module, spawn_flags);
	if (ep < 0) {
		service_log("%s could not be started (error %d)", s->label, ep);
		s->state = RS_FAILED;
		return ep;
	}
	s->endpoint = ep;
	s->state = RS_RUNNING;
	s->started = now();
	mirror_started(s->label, ep);
	ds_publish_endpoint(s->label, ep);
	ipc_notify(ep);                      /* ping at once: its answer ends the recovery */
	s->missed = 1;
	s->next_ping = now() + ticks_of_ms(s->period_ms);
	return 0;
}

static const char *const reason_names[] = {
	[RS_REASON_NONE] = "none", [RS_REASON_FAULT] = "fault", [RS_REASON_EXIT] = "exit",
	[RS_REASON_HANG] = "hang", [RS_REASON_REQUEST] = "restart request",
	[RS_REASON_CORRUPT] = "corrupt",
};

/* Restarts s now, counting a restart; the failure is already logged. */
static void restart_now(struct rs_service *s)
{
	s->restarts++;
	if (s->log_index >= 0)
		rs.log[s->log_index].restarts = s->restarts;
	if (table_start(s) == 0)
		s->recovering = true;
}

void table_failed(struct rs_service *s, uint32_t reason, int32_t detail)
{
	if (s->state != RS_RUNNING)
		return;
	s->endpoint = NONE;
	s->last_reason = reason;
	s->last_detail = detail;
	s->failed_tsc = read_tsc();
	s->recovering = false;
	log_add(s, reason, detail);
	uint32_t t = now();
	if (t - s->window_start > ticks_of_ms(RS_WINDOW_MS)) {
		s->window_start = t;
		s->window_crashes = 0;
	}
	s->window_crashes++;
	if (s->policy == RS_POLICY_DOWN) {
		service_log("%s died (%s %d); its policy leaves it down", s->label, reason_names[reason], detail);
		s->state = RS_STOPPED;
	} else if (s->window_crashes > s->max_restarts) {
		service_log("%s died (%s %d) %u times in %u ms: marked failed", s->label, reason_names[reason],
			    detail, s->window_crashes, RS_WINDOW_MS);
		s->state = RS_FAILED;
		ds_delete(s->label);             /* its clients now get an error at once */
	} else if (s->script[0]) {
		service_log("%s died (%s %d): running its recovery script %s", s->label,
			    reason_names[reason], detail, s->script);
		s->state = RS_STOPPED;           /* the script decides: typically `service restart` */
		script_queue(s, reason_names[reason], s->window_crashes);
	} else if (s->window_crashes == 1 || s->backoff_ms == 0) {
		service_log("%s died (%s %d): restarting", s->label, reason_names[reason], detail);
		restart_now(s);
	} else {
		uint32_t shift = s->window_crashes - 2 < 16 ? s->window_crashes - 2 : 16;
		uint32_t delay = s->backoff_ms << shift;
		delay = delay < RS_BACKOFF_MAX_MS ? delay : RS_BACKOFF_MAX_MS;
		service_log("%s died (%s %d), crash %u in the window: restarting in %u ms", s->label,
			    reason_names[reason], detail, s->window_crashes, delay);
		s->state = RS_BACKOFF;
		s->restart_at = t + ticks_of_ms(delay);
	}
	table_save();
	schedule();
}

void table_answered(struct rs_service *s)
{
	s->missed = 0;
	if (!s->recovering)
		return;
	s->recovering = false;
	s->last_recovery_us = tsc_to_us(read_tsc() - s->failed_tsc);
	if (s->log_index >= 0)
		rs.log[s->log_index].recovery_us = s->last_recovery_us;
	service_log("%s is back (endpoint %d) after %u us", s->label, s->endpoint, s->last_recovery_us);
	table_save();
}

/*
 * Whether an unanswered heartbeat says nothing about s: it is ready but has
 * not had the CPU since the last one (a busy service above it runs), or it
 * waits for another process, which is checked on its own. A loop shows as
 * CPU time; a deadlock as waiting for ANY or a source that never sends.
 */
static bool excused(struct rs_service *s)
{
	struct kinfo_proc row;
	if (sys_proc_info((uint32_t)endpoint_slot(s->endpoint), &row) < 0 || row.endpoint != s->endpoint)
		return false;
	uint32_t cpu = row.user_ticks + row.sys_ticks;
	bool starved = row.flags == 0 && cpu == s->cpu_ticks;
	s->cpu_ticks = cpu;
	return starved || endpoint_is_process(row.waiting_for);
}

void table_tick(void)
{
	uint32_t t = now();
	if (sys_code_check(SELF) > 0) {
		service_log("my code is corrupted: exiting, so that the kernel starts me afresh");
		sys_exit(1);
	}
	for (uint32_t i = 0; i < rs.nr_services; i++) {
		struct rs_service *s = &rs.services[i];
		if (s->state == RS_BACKOFF && (int32_t)(t - s->restart_at) >= 0) {
			s->state = RS_RUNNING;
			restart_now(s);
		} else if (s->state == RS_RUNNING && (int32_t)(t - s->next_ping) >= 0) {
			/* a new instance gets time for its start-up before it counts as hung */
			uint32_t allowed = s->recovering ? 2 + 5000 / s->period_ms : 2;
			if (s->missed && excused(s))
				s->missed = 1;
			if (s->missed >= allowed) {
				sys_kill(s->endpoint);
				table_failed(s, RS_REASON_HANG, (int32_t)s->missed);
				continue;
			}
			if (sys_code_check(s->endpoint) > 0) {
				sys_kill(s->endpoint);   /* it would run broken code: start a pristine copy */
				table_failed(s, RS_REASON_CORRUPT, 0);
				continue;
			}
			ipc_notify(s->endpoint);
			s->missed++;
			s->next_ping = t + ticks_of_ms(s->period_ms);
		}
	}
	schedule();
}

void table_stop(struct rs_service *s, uint32_t state)
{
	endpoint_t ep = s->endpoint;
	s->state = state;
	s->endpoint = NONE;
	s->recovering = false;
	if (ep != NONE)
		sys_kill(ep);
	ds_delete(s->label);
	table_save();
	schedule();
}

int table_restart(struct rs_service *s, uint32_t reason)
{
	if (s->endpoint != NONE)
		sys_kill(s->endpoint);
	s->endpoint = NONE;
	s->last_reason = reason;
	s->last_detail = 0;
	s->failed_tsc = read_tsc();
	log_add(s, reason, 0);
	service_log("%s: restarting (%s)", s->label, reason_names[reason]);
	restart_now(s);
	table_save();
	schedule();
	return s->state == RS_RUNNING ? 0 : -EIO;
}
