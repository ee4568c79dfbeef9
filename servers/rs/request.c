/*
 * RS's requests, from the `service` command. Reading the table and the log
 * is open to all; changing anything needs root (PM says who the caller is)
 * or a system service. Every field of a request is checked first.
 */
#include <ds.h>
#include <string.h>
#include "rs.h"

/* Whether the caller may change services: a system process, or root. */
bool caller_privileged(endpoint_t caller)
{
	struct kinfo_proc row;
	if (sys_proc_info((uint32_t)endpoint_slot(caller), &row) == 0 && row.endpoint == caller &&
	    row.label[0])
		return true;
	endpoint_t pm = ds_lookup("pm");
	message m = { .type = PM_GETUID };
	m.pm.pid = caller;
	return pm != NONE && ipc_sendrec(pm, &m) == 0 && m.type == 0;
}

/* The service the request names, checked; NULL with *error set. */
static struct rs_service *named(message *m, int *error)
{
	*error = -EINVAL;
	if (!memchr(m->rs.label, '\0', sizeof(m->rs.label)))
		return NULL;
	struct rs_service *s = table_find(m->rs.label);
	*error = -ESRCH;
	return s;
}

/* The service a changing request names, if the caller may change it; NULL with *error set. */
static struct rs_service *to_change(message *m, int *error)
{
	struct rs_service *s = named(m, error);
	if (s && !caller_privileged(m->source)) {
		*error = -EPERM;
		return NULL;
	}
	return s;
}

static int copy_out(message *m, const void *row, size_t len)
{
	if (m->rs.len < len)
		return -EINVAL;
	int r = sys_safecopy_to(m->source, m->rs.grant, 0, row, len);
	return r < 0 ? r : 0;
}

int do_status(message *m)
{
	if (m->rs.index >= rs.nr_services)
		return -ENOENT;
	const struct rs_service *s = &rs.services[m->rs.index];
	struct rs_status st = {
		.endpoint = s->endpoint, .state = s->state, .restarts = s->restarts,
		.last_reason = s->last_reason, .last_detail = s->last_detail,
		.last_recovery_us = s->last_recovery_us,
		.up_ticks = s->state == RS_RUNNING ? (uint32_t)sys_uptime() - s->started : 0,
		.period_ms = s->period_ms, .max_restarts = s->max_restarts, .policy = s->policy,
		.backoff_ms = s->backoff_ms,
	};
	strlcpy(st.label, s->label, sizeof(st.label));
	return copy_out(m, &st, sizeof(st));
}

int do_log(message *m)
{
	uint32_t kept = rs.log_next < RS_LOG_SIZE ? rs.log_next : RS_LOG_SIZE;
	// cppcheck-suppress knownConditionTrueFalse ; rs.log_next grows in table.c
	if (m->rs.index >= kept)
		return -ENOENT;
	uint32_t oldest = rs.log_next - kept;
	return copy_out(m, &rs.log[(oldest + m->rs.index) % RS_LOG_SIZE], sizeof(struct rs_log_entry));
}

int do_restart(message *m)
{
	int r;
	struct rs_service *s = to_change(m, &r);
	if (!s)
		return r;
	if (strcmp(s->label, "rs") == 0)
		return -EINVAL;
	return table_restart(s, RS_REASON_REQUEST);
}

int do_down(message *m)
{
	int r;
	struct rs_service *s = to_change(m, &r);
	if (!s)
		return r;
	if (s->state == RS_STOPPED)
		return -EBUSY;
	service_log("%s: taken down on request", s->label);
	table_stop(s, RS_STOPPED);
	return 0;
}

int do_up(message *m)
{
	int r;
	struct rs_service *s = to_change(m, &r);
	if (!s)
		return r;
	if (s->state == RS_RUNNING)
		return -EBUSY;
	s->window_crashes = 0;
	r = table_start(s);
	service_log("%s: started on request", s->label);
	table_save();
	return r;
}

int do_set(message *m)
{
	int r;
	struct rs_service *s = to_change(m, &r);
	if (!s)
		return r;
	if ((m->rs.period_ms && (m->rs.period_ms < 20 || m->rs.period_ms > 600000)) ||
	    (m->rs.policy && m->rs.policy != RS_POLICY_RESTART && m->rs.policy != RS_POLICY_DOWN) ||
	    m->rs.max_restarts > 1000 || (m->rs.backoff_ms != RS_KEEP && m->rs.backoff_ms > RS_BACKOFF_MAX_MS))
		return -EINVAL;
	if (m->rs.backoff_ms != RS_KEEP)
		s->backoff_ms = m->rs.backoff_ms;
	if (m->rs.period_ms)
		s->period_ms = m->rs.period_ms;
	if (m->rs.max_restarts)
		s->max_restarts = m->rs.max_restarts;
	if (m->rs.policy)
		s->policy = m->rs.policy;
	table_save();
	return 0;
}

/*
 * A fault that could not be handed over at once: the service was not
 * waiting for a message. For PM that is always so, since RS has just asked
 * PM for the caller's uid and, running above PM, took the CPU back before
 * PM returned to its receive. It is sent at the next clock tick instead.
 */
static struct {
	endpoint_t target;           /* NONE: nothing waits */
	message fi;
} deferred_fi = { NONE, { 0 } };

void fi_retry(void)
{
	if (deferred_fi.target == NONE)
		return;
	int r = ipc_sendnb(deferred_fi.target, &deferred_fi.fi);
	if (r != -EAGAIN)
		deferred_fi.target = NONE;   /* delivered, or the service is gone */
	else
		sys_alarm(1);
}

int do_fi(message *m)
{
	int r;
	struct rs_service *s = named(m, &r);
	if (!s && strcmp(m->rs.label, "rs") != 0)
		return r;
	if (!caller_privileged(m->source))
		return -EPERM;
	if (m->rs.kind == 0 || m->rs.kind >= FI_NR || m->rs.count > 100000)
		return -EINVAL;
	uint32_t seed = (uint32_t)read_tsc() | 1;
	if (m->rs.kind == FI_FLIP) {
		/* Code is read-only to its owner: the kernel flips the bits. */
		bool self = !s || strcmp(s->label, "rs") == 0;
		if (!self && (s->state != RS_RUNNING || s->endpoint == NONE))
			return -ESRCH;
		r = sys_code_flip(self ? SELF : s->endpoint, m->rs.count ? m->rs.count : 1, seed);
		return r < 0 ? r : 0;
	}
	if (!s || strcmp(s->label, "rs") == 0) {
		/* RS itself: answer first, then fail; the kernel starts it again */
		service_reply(m->source, m, 0);
		static const struct service self = { .label = "rs" };
		service_inject_fault(&self, m->rs.kind, m->rs.count ? m->rs.count : 1, seed);
		return -EDONTREPLY;
	}
	if (s->state != RS_RUNNING || s->endpoint == NONE)
		return -ESRCH;
	message fi = { .type = SERVICE_FI };
	fi.words.w[0] = m->rs.kind;
	fi.words.w[1] = m->rs.count ? m->rs.count : 1;
	fi.words.w[2] = seed;
	r = ipc_sendnb(s->endpoint, &fi);
	if (r == -EAGAIN && deferred_fi.target == NONE) {
		deferred_fi.target = s->endpoint;
		deferred_fi.fi = fi;
		sys_alarm(1);
		return 0;
	}
	return r;   /* -EAGAIN: busy right now and one is deferred already; the caller tries again */
}
