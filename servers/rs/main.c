/* rs: the reincarnation server; see rs.h. */
#include <string.h>
#include "rs.h"

struct rs_saved rs;

static const request_handler handlers[] = {
	[RS_STATUS - RS_BASE] = do_status,
	[RS_LOG - RS_BASE] = do_log,
	[RS_RESTART - RS_BASE] = do_restart,
	[RS_DOWN - RS_BASE] = do_down,
	[RS_UP - RS_BASE] = do_up,
	[RS_SET - RS_BASE] = do_set,
	[RS_FI - RS_BASE] = do_fi,
	[RS_START - RS_BASE] = do_start,
	[RS_SET_SCRIPT - RS_BASE] = do_set_script,
	[RS_SCRIPT_WAIT - RS_BASE] = do_script_wait,
};

static int rs_init(bool restarted)
{
	endpoint_t ds = sys_find_label("ds");
	if (ds != NONE)
		mirror_lend(ds);             /* a fresh mirror: DS fills it */
	table_build(restarted);
	return 0;
}

/* The kernel's reports about the services RS manages: faults and exits. */
static void rs_kreport(const message *m)
{
	struct rs_service *s = table_by_endpoint(m->kreport.who);
	if (!s)
		return;
	if (m->kreport.kind == KREPORT_FAULT) {
		sys_kill(m->kreport.who);          /* it is stopped: end it */
		table_failed(s, RS_REASON_FAULT, (int32_t)m->kreport.vector);
	} else {
		table_failed(s, RS_REASON_EXIT, m->kreport.status);
	}
}

/* CLOCK: heartbeats and backoffs are due; a service: its heartbeat answer. */
static void rs_notify(const message *m)
{
	if (m->source == CLOCK) {
		table_tick();
		fi_retry();
		return;
	}
	struct rs_service *s = table_by_endpoint(m->source);
	if (s)
		table_answered(s);
}

static const struct service rs_service_def = {
	.label = "rs",
	.base = RS_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.init = rs_init,
	.notify = rs_notify,
	.kreport = rs_kreport,
};

int main(int argc, char **argv)
{
	service_run(&rs_service_def, argc, argv);
}
