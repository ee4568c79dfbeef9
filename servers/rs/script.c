/*
 * Recovery scripts (MINIX's service -script): when a service that has one
 * fails, RS does not restart it but has `sh SCRIPT LABEL REASON COUNT` run,
 * and the script decides (it typically logs and runs `service restart
 * LABEL`). RS cannot run a program itself without waiting for PM, so a
 * program does it: `service scripts`, started by /etc/rc as root, waits in
 * RS_SCRIPT_WAIT; RS keeps that request and answers it when a script is
 * due, with sendnb, so RS never blocks. Jobs wait in a small queue while
 * the runner is busy or absent; they do not survive a restart of RS.
 */
#include <string.h>
#include "rs.h"

#define SCRIPT_QUEUE 8

static struct rs_script_job queue[SCRIPT_QUEUE];
static uint32_t queue_head, queue_len;
static endpoint_t runner = NONE;     /* waiting in RS_SCRIPT_WAIT */
static message runner_request;       /* its request: where the job goes */

/* Gives the runner the oldest job, if both are there. */
static void deliver(void)
{
	if (runner == NONE || queue_len == 0)
		return;
	endpoint_t to = runner;
	runner = NONE;
	if (sys_safecopy_to(to, runner_request.rs.grant, 0, &queue[queue_head], sizeof(queue[0])) < 0)
		return;                  /* the runner is gone: the job waits for the next */
	if (service_reply(to, &runner_request, 0) < 0)
		return;
	queue_head = (queue_head + 1) % SCRIPT_QUEUE;
	queue_len--;
}

void script_queue(const struct rs_service *s, const char *reason, uint32_t count)
{
	if (queue_len == SCRIPT_QUEUE) {
		service_log("%s: recovery script queue full; %s not run", s->label, s->script);
		return;
	}
	struct rs_script_job *job = &queue[(queue_head + queue_len++) % SCRIPT_QUEUE];
	memset(job, 0, sizeof(*job));
	strlcpy(job->label, s->label, sizeof(job->label));
	strlcpy(job->script, s->script, sizeof(job->script));
	strlcpy(job->reason, reason, sizeof(job->reason));
	job->count = count;
	if (runner == NONE)
		service_log("%s: no recovery script runner yet (service scripts); the job waits", s->label);
	deliver();
}

int do_script_wait(message *m)
{
	if (!caller_privileged(m->source))
		return -EPERM;
	if (m->rs.len != sizeof(struct rs_script_job))
		return -EINVAL;
	if (runner != NONE && runner != m->source) {
		message old = runner_request;
		service_reply(runner, &old, -EBUSY);   /* one runner at a time: the newest */
	}
	runner = m->source;
	runner_request = *m;
	deliver();
	return -EDONTREPLY;
}

int do_set_script(message *m)
{
	char path[RS_SCRIPT_MAX] = { 0 };
	if (!memchr(m->rs.label, '\0', sizeof(m->rs.label)))
		return -EINVAL;
	struct rs_service *s = table_find(m->rs.label);
	if (!s)
		return -ESRCH;
	if (!caller_privileged(m->source))
		return -EPERM;
	if (m->rs.len == 0 || m->rs.len > sizeof(path))
		return -EINVAL;
	int r = sys_safecopy_from(m->source, m->rs.grant, 0, path, m->rs.len);
	if (r < 0)
		return r;
	if (path[m->rs.len - 1] != '\0' || (path[0] && path[0] != '/'))
		return -EINVAL;
	strlcpy(s->script, path, sizeof(s->script));
	table_save();
	return 0;
}
