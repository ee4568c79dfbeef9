/*
 * The service framework: start-up, the request loop with its dispatch
 * table, heartbeat answers (RS's notify is answered with a notify), fault
 * injection on RS's request, replies, state kept in DS, log lines.
 */
#include <service.h>
#include <ds.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct service *running;
static char label[LABEL_MAX] = "service";   /* the running service's label */

/* A service started from a file learns its label from its privilege record. */
static void take_label(const struct service *svc)
{
	struct kinfo_proc row;
	if (svc->label)
		strlcpy(label, svc->label, sizeof(label));
	else if (sys_proc_info((uint32_t)endpoint_slot(sys_self()), &row) == 0 && row.label[0])
		strlcpy(label, row.label, sizeof(label));
}

void service_log(const char *fmt, ...)
{
	char line[256];
	int n = snprintf(line, sizeof(line), "%s: ", label);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	size_t len = strlen(line);
	if (len < sizeof(line) - 1 && (len == 0 || line[len - 1] != '\n'))
		line[len++] = '\n';
	sys_diag(line, len);
}

int service_reply(endpoint_t client, message *m, int status)
{
	m->type = status;
	return ipc_sendnb(client, m);
}

/* Whether source is RS: cached, and looked up again for any other process. */
static bool from_rs(endpoint_t source)
{
	static endpoint_t rs = NONE;
	if (!endpoint_is_process(source))
		return false;
	if (source != rs)
		rs = sys_find_label("rs");
	return source == rs;
}

/* The handler's status for request m, or -ENOSYS if it has none. */
static int dispatch(const struct service *svc, message *m)
{
	if (m->type == SERVICE_PING) {
		m->words.w[0] = (uint32_t)sys_uptime();
		return 0;
	}
	if (m->type == SERVICE_FI) {
		if (!from_rs(m->source))
			return -EPERM;
		service_inject_fault(svc, m->words.w[0], m->words.w[1], m->words.w[2]);
		return -EDONTREPLY;     /* RS sent it without waiting */
	}
	uint32_t index = (uint32_t)(m->type - svc->base);
	if (m->type < svc->base || index >= svc->nr_handlers || !svc->handlers[index])
		return -ENOSYS;
	int r = svc->admit ? svc->admit(m) : 0;
	return r < 0 ? r : svc->handlers[index](m);
}

static void handle(const struct service *svc, message *m)
{
	if (m->type == NOTIFY_MESSAGE) {
		if (from_rs(m->source))
			ipc_notify(m->source);   /* RS's heartbeat: "alive" */
		else if (svc->notify)
			svc->notify(m);
		if (svc->commit)
			svc->commit();
		return;
	}
	if (m->type == KREPORT_MESSAGE) {
		if (svc->kreport)
			svc->kreport(m);
		if (svc->commit)
			svc->commit();
		return;
	}
	endpoint_t client = m->source;
	int status = dispatch(svc, m);
	if (svc->commit)
		svc->commit();
	if (status != -EDONTREPLY)
		service_reply(client, m, status);
}

void service_run(const struct service *svc, int argc, char **argv)
{
	running = svc;
	take_label(svc);
	bool restarted = argc > 1 && strcmp(argv[1], "restart") == 0;
	int r = svc->init ? svc->init(restarted) : 0;
	if (r < 0) {
		service_log("initialisation failed (error %d)", r);
		sys_exit(r);
	}
	if (strcmp(label, "ds") != 0)
		ds_publish_endpoint(label, sys_self());
	for (;;) {
		message m;
		if (ipc_receive(ANY, &m) == 0)
			handle(svc, &m);
	}
}

/* State keys are "<label>.<name>", owned by the label. */
static int state_key(char key[DS_KEY_MAX], const char *name)
{
	int n = snprintf(key, DS_KEY_MAX, "%s.%s", running ? label : "?", name);
	return n < DS_KEY_MAX ? 0 : -EINVAL;
}

int service_save_state(const char *name, const void *data, size_t len)
{
	char key[DS_KEY_MAX];
	return state_key(key, name) < 0 ? -EINVAL : ds_publish_blob(key, data, len);
}

int service_restore_state(const char *name, void *buf, size_t size)
{
	char key[DS_KEY_MAX];
	return state_key(key, name) < 0 ? -EINVAL : ds_retrieve_blob(key, buf, size);
}
