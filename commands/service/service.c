/*
 * service: ask the reincarnation server (RS) about the system services and
 * tell it what to do with them, in the spirit of MINIX's service(8).
 *
 *   service status [LABEL]      the table: label, endpoint, state, restarts,
 *                               last failure, last recovery time, uptime
 *   service log                 every recovery RS remembers
 *   service restart LABEL       kill it and start a fresh instance
 *   service refresh LABEL       the same
 *   service down LABEL          stop it and leave it down
 *   service up LABEL [OPTIONS]  start it again (it is down or failed)
 *   service up FILE -label LABEL [-script S] [-args "WORDS"] [OPTIONS]
 *                               start a new system service from an ELF file;
 *                               RS has the kernel keep a copy for restarts
 *   service set LABEL [OPTIONS] change its policy; OPTIONS are
 *                               -period MS (heartbeat), -maxrestarts N (in
 *                               10 s, then "failed"), -policy restart|down,
 *                               -backoff MS (first delay; 0: none),
 *                               -script S (recovery script; "" for none)
 *   service fi LABEL KIND [-count N]
 *                               inject a fault: null illegal divide stack
 *                               panic hang deadlock wild garbage flip
 *   service scripts             run the recovery scripts RS asks for, as
 *                               `sh S LABEL REASON COUNT` (/etc/rc starts it)
 *
 * Reading is open to everyone; the rest needs root.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <libsys.h>
#include <samsara/config.h>
#include "../lib/cmd.h"

#define USAGE "service status [LABEL] | log | restart|refresh|down LABEL | scripts |\n" \
	      "       up|set LABEL [-period MS] [-maxrestarts N] [-policy restart|down] [-backoff MS] [-script S] |\n" \
	      "       up FILE -label LABEL [-script S] [-args WORDS] [OPTIONS] |\n" \
	      "       fi LABEL KIND [-count N]"

static const char *const fault_names[FI_NR] = {
	[FI_NULL] = "null", [FI_ILLEGAL] = "illegal", [FI_DIVIDE] = "divide", [FI_STACK] = "stack",
	[FI_PANIC] = "panic", [FI_HANG] = "hang", [FI_DEADLOCK] = "deadlock", [FI_WILD] = "wild",
	[FI_GARBAGE] = "garbage", [FI_FLIP] = "flip",
};
static const char *const state_names[] = {
	"?", "running", "backoff", "down", "failed",
};

static endpoint_t rs_server(void)
{
	endpoint_t rs = sys_find_label("rs");
	if (rs == NONE) {
		cmd_error("the reincarnation server is not running");
		exit(1);
	}
	return rs;
}

/* One request to RS; *m holds the reply. Returns the status (< 0: -errno). */
static int call(int type, message *m)
{
	m->type = type;
	int r = ipc_sendrec(rs_server(), m);
	return r < 0 ? r : m->type;
}

/* A row RS copies out (RS_STATUS, RS_LOG). */
static int fetch(int type, uint32_t index, void *row, size_t len)
{
	message m = { 0 };
	grant_id_t g = sys_grant(rs_server(), row, len, GRANT_WRITE);
	if (g < 0)
		return g;
	m.rs.index = index;
	m.rs.grant = g;
	m.rs.len = (uint32_t)len;
	int r = call(type, &m);
	sys_revoke(g);
	return r;
}

static void fail(const char *what, int r)
{
	cmd_error("%s: %s", what, strerror(-r));
	cmd_exit(1);
}

static const char *fault_name(int32_t vector)
{
	switch (vector) {
	case 0: return "divide error";
	case 6: return "invalid opcode";
	case 13: return "general protection";
	case 14: return "page fault";
	default: return "exception";
	}
}

static void describe_failure(char *out, size_t size, uint32_t reason, int32_t detail)
{
	switch (reason) {
	case RS_REASON_FAULT: snprintf(out, size, "%s", fault_name(detail)); break;
	case RS_REASON_EXIT: snprintf(out, size, "exit %d", (int)detail); break;
	case RS_REASON_HANG: snprintf(out, size, "hang"); break;
	case RS_REASON_REQUEST: snprintf(out, size, "restart"); break;
	case RS_REASON_CORRUPT: snprintf(out, size, "code corrupted"); break;
	default: snprintf(out, size, "-"); break;
	}
}

static void show_us(char *out, size_t size, uint32_t us)
{
	if (us == 0)
		snprintf(out, size, "-");
	else if (us < 10000)
		snprintf(out, size, "%uus", (unsigned)us);
	else
		snprintf(out, size, "%ums", (unsigned)(us / 1000));
}

static int status(const char *label)
{
	int found = 0;
	out_format("%-8s %8s %4s %-8s %8s %-20s %9s %9s\n", "LABEL", "ENDPOINT", "PID", "STATE",
		   "RESTARTS", "LAST FAILURE", "RECOVERY", "UPTIME");
	for (uint32_t i = 0;; i++) {
		struct rs_status st = { 0 };
		int r = fetch(RS_STATUS, i, &st, sizeof(st));
		if (r == -ENOENT)
			break;
		if (r < 0)
			fail("status", r);
		st.label[sizeof(st.label) - 1] = '\0';
		if (label && strcmp(label, st.label) != 0)
			continue;
		found = 1;
		char ep[16], failure[32], recovery[16], up[16];
		snprintf(ep, sizeof(ep), st.endpoint == NONE ? "-" : "%d", (int)st.endpoint);
		describe_failure(failure, sizeof(failure), st.last_reason, st.last_detail);
		show_us(recovery, sizeof(recovery), st.last_recovery_us);
		if (st.state == RS_RUNNING)
			snprintf(up, sizeof(up), "%u.%us", (unsigned)(st.up_ticks / CONFIG_HZ),
				 (unsigned)(st.up_ticks % CONFIG_HZ * 10 / CONFIG_HZ));
		else
			snprintf(up, sizeof(up), "-");
		out_format("%-8s %8s %4s %-8s %8u %-20s %9s %9s\n", st.label, ep, "-",
			   st.state < 5 ? state_names[st.state] : "?", (unsigned)st.restarts, failure,
			   recovery, up);
	}
	if (label && !found) {
		cmd_error("%s: no such service", label);
		return 1;
	}
	return 0;
}

static int show_log(void)
{
	out_format("%10s %-8s %-20s %9s %8s\n", "TIME", "LABEL", "FAILURE", "RECOVERY", "RESTARTS");
	for (uint32_t i = 0;; i++) {
		struct rs_log_entry e = { 0 };
		int r = fetch(RS_LOG, i, &e, sizeof(e));
		if (r == -ENOENT)
			break;
		if (r < 0)
			fail("log", r);
		e.label[sizeof(e.label) - 1] = '\0';
		char failure[32], recovery[16];
		describe_failure(failure, sizeof(failure), e.reason, e.detail);
		show_us(recovery, sizeof(recovery), e.recovery_us);
		out_format("%9u.%u %-8s %-20s %9s %8u\n", (unsigned)(e.tick / CONFIG_HZ),
			   (unsigned)(e.tick % CONFIG_HZ * 10 / CONFIG_HZ), e.label, failure, recovery,
			   (unsigned)e.restarts);
	}
	return 0;
}

static void set_label(message *m, const char *label)
{
	if (strlen(label) >= sizeof(m->rs.label)) {
		cmd_error("%s: no such service", label);
		cmd_exit(1);
	}
	strlcpy(m->rs.label, label, sizeof(m->rs.label));
}

static uint32_t number(const char *s, const char *what)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || *s == '\0' || *end != '\0' || v > 0xffffffffu) {
		cmd_error("%s: not a number: '%s'", what, s);
		cmd_exit(2);
	}
	return (uint32_t)v;
}

/* Reads -period, -maxrestarts, -policy and -backoff into m (RS_SET's fields). */
static void policy_options(message *m, int argc, char **argv)
{
	m->rs.backoff_ms = RS_KEEP;
	for (int i = 0; i < argc; i++) {
		if (i + 1 >= argc)
			cmd_usage(2, USAGE);
		if (strcmp(argv[i], "-period") == 0)
			m->rs.period_ms = number(argv[++i], "-period");
		else if (strcmp(argv[i], "-maxrestarts") == 0)
			m->rs.max_restarts = number(argv[++i], "-maxrestarts");
		else if (strcmp(argv[i], "-backoff") == 0)
			m->rs.backoff_ms = number(argv[++i], "-backoff");
		else if (strcmp(argv[i], "-policy") == 0 && strcmp(argv[i + 1], "restart") == 0)
			m->rs.policy = RS_POLICY_RESTART, i++;
		else if (strcmp(argv[i], "-policy") == 0 && strcmp(argv[i + 1], "down") == 0)
			m->rs.policy = RS_POLICY_DOWN, i++;
		else
			cmd_usage(2, USAGE);
	}
}

/* Sends m (label set) and reports a failure; returns 1 on failure. */
static int request(int type, message *m, const char *verb, const char *label)
{
	int r = call(type, m);
	if (r == -ESRCH)
		cmd_error("%s: no such service", label);
	else if (r == -EPERM)
		cmd_error("%s %s: permission denied (only root may)", verb, label);
	else if (r < 0)
		cmd_error("%s %s: %s", verb, label, strerror(-r));
	return r < 0;
}

static int simple(int type, const char *verb, const char *label)
{
	message m = { 0 };
	set_label(&m, label);
	return request(type, &m, verb, label);
}

/* The options that are not policy: -label, -script and -args. */
struct extras {
	const char *label, *script, *args;
};

/* Moves -label, -script and -args out of argv into *x; returns how many arguments remain. */
static int take_extras(int argc, char **argv, struct extras *x)
{
	int kept = 0;
	for (int i = 0; i < argc; i++) {
		const char **slot = strcmp(argv[i], "-label") == 0 ? &x->label
				  : strcmp(argv[i], "-script") == 0 ? &x->script
				  : strcmp(argv[i], "-args") == 0 ? &x->args : NULL;
		if (slot && i + 1 < argc)
			*slot = argv[++i];
		else if (slot)
			cmd_usage(2, USAGE);
		else
			argv[kept++] = argv[i];
	}
	return kept;
}

/* Lends RS the bytes of text (a path; "" for none) with request type, for label. */
static int send_text(int type, const char *verb, const char *label, const char *text)
{
	message m = { 0 };
	set_label(&m, label);
	size_t len = strlen(text) + 1;
	if (len > RS_SCRIPT_MAX) {
		cmd_error("%s: '%s' is too long (at most %d bytes)", verb, text, RS_SCRIPT_MAX - 1);
		return 1;
	}
	m.rs.grant = sys_grant(rs_server(), (void *)text, len, GRANT_READ);
	m.rs.len = (uint32_t)len;
	int r = request(type, &m, verb, label);
	sys_revoke(m.rs.grant);
	return r;
}

static int configure(const char *verb, const char *label, int argc, char **argv)
{
	message m = { 0 };
	struct extras x = { 0 };
	argc = take_extras(argc, argv, &x);
	if (x.label || x.args)
		cmd_usage(2, USAGE);
	set_label(&m, label);
	policy_options(&m, argc, argv);
	if (x.script && send_text(RS_SET_SCRIPT, verb, label, x.script))
		return 1;
	if (!m.rs.period_ms && !m.rs.max_restarts && !m.rs.policy && m.rs.backoff_ms == RS_KEEP)
		return 0;
	return request(RS_SET, &m, verb, label);
}

/* Reads path whole; exits with a message if it cannot. */
static char *read_binary(const char *path, size_t *len)
{
	char *data;
	int fd = open(path, O_RDONLY);
	if (fd < 0 || read_all(fd, &data, len) < 0) {
		cmd_error_errno(path, errno);
		cmd_exit(1);
	}
	close(fd);
	return data;
}

static int start_failed(const char *path, const char *label, int r)
{
	if (r == -EEXIST)
		cmd_error("up %s: a service called %s exists already", path, label);
	else if (r == -ENOEXEC)
		cmd_error("up %s: not an executable this system can run", path);
	else if (r == -EPERM)
		cmd_error("up %s: permission denied (only root may)", path);
	else
		cmd_error("up %s: %s", path, strerror(-r));
	return 1;
}

/* service up FILE -label LABEL ...: the file goes to RS by grant, and RS has the kernel keep it. */
static int start_from_file(const char *path, int argc, char **argv)
{
	struct extras x = { 0 };
	struct rs_start req = { 0 };
	message policy = { 0 }, m = { 0 };
	argc = take_extras(argc, argv, &x);
	policy_options(&policy, argc, argv);
	if (!x.label || strlen(x.label) >= sizeof(req.label) || (x.script && strlen(x.script) >= sizeof(req.script)) ||
	    (x.args && strlen(x.args) >= sizeof(req.args)))
		cmd_usage(2, USAGE);
	strlcpy(req.label, x.label, sizeof(req.label));
	strlcpy(req.script, x.script ? x.script : "", sizeof(req.script));
	strlcpy(req.args, x.args ? x.args : "", sizeof(req.args));
	req.period_ms = policy.rs.period_ms;
	req.max_restarts = policy.rs.max_restarts;
	size_t len;
	char *image = read_binary(path, &len);
	endpoint_t rs = rs_server();
	req.image_grant = sys_grant(rs, image, len ? len : 1, GRANT_READ);
	req.image_len = (uint32_t)len;
	m.rs.grant = sys_grant(rs, &req, sizeof(req), GRANT_READ);
	m.rs.len = sizeof(req);
	int r = call(RS_START, &m);
	sys_revoke(m.rs.grant);
	sys_revoke(req.image_grant);
	free(image);
	if (r < 0)
		return start_failed(path, x.label, r);
	policy.rs.period_ms = policy.rs.max_restarts = 0;
	set_label(&policy, x.label);
	if (policy.rs.policy || policy.rs.backoff_ms != RS_KEEP)
		return request(RS_SET, &policy, "up", x.label);
	return 0;
}

/* Runs job as `sh SCRIPT LABEL REASON COUNT` and waits for it. */
static void run_script(struct rs_script_job *job)
{
	char count[12];
	job->label[sizeof(job->label) - 1] = job->script[sizeof(job->script) - 1] = '\0';
	job->reason[sizeof(job->reason) - 1] = '\0';
	snprintf(count, sizeof(count), "%u", (unsigned)job->count);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "sh", job->script, job->label, job->reason, count, NULL };
		execv("/bin/sh", argv);
		_exit(127);
	}
	if (pid < 0)
		cmd_error("scripts: cannot run %s: %s", job->script, strerror(errno));
	else
		waitpid(pid, NULL, 0);
}

/* service scripts: waits for RS to ask for a recovery script, runs it, and waits again. */
static int run_scripts(void)
{
	for (;;) {
		struct rs_script_job job = { 0 };
		message m = { 0 };
		endpoint_t rs = sys_find_label("rs");
		if (rs == NONE) {
			sleep(1);            /* RS is being restarted */
			continue;
		}
		m.rs.grant = sys_grant(rs, &job, sizeof(job), GRANT_WRITE);
		m.rs.len = sizeof(job);
		m.type = RS_SCRIPT_WAIT;
		int r = ipc_sendrec(rs, &m);
		sys_revoke(m.rs.grant);
		r = r < 0 ? r : m.type;
		if (r == -EPERM || r == -EBUSY) {
			cmd_error("scripts: %s", r == -EPERM ? "permission denied (only root may)"
							      : "another runner took over");
			return 1;
		}
		if (r == 0)
			run_script(&job);
		else if (r != -EDEADSRCDST)
			sleep(1);
	}
}

static int fault(const char *label, const char *kind, int argc, char **argv)
{
	message m = { 0 };
	set_label(&m, label);
	for (uint32_t k = 1; k < FI_NR; k++)
		if (strcmp(kind, fault_names[k]) == 0)
			m.rs.kind = k;
	if (!m.rs.kind) {
		cmd_error("fi: unknown fault '%s' (null illegal divide stack panic hang deadlock wild garbage flip)", kind);
		return 2;
	}
	if (argc == 2 && strcmp(argv[0], "-count") == 0)
		m.rs.count = number(argv[1], "-count");
	else if (argc != 0)
		cmd_usage(2, USAGE);
	int r;
	for (int tries = 0; (r = call(RS_FI, &m)) == -EAGAIN && tries < 200; tries++)
		usleep(10000);   /* the service is busy this instant: try again */
	if (r == -EDEADSRCDST && strcmp(label, "rs") == 0)
		r = 0;           /* RS took the fault before it could answer */
	if (r == -ESRCH)
		cmd_error("%s: no such service, or not running", label);
	else if (r == -EPERM)
		cmd_error("fi %s: permission denied (only root may)", label);
	else if (r < 0)
		cmd_error("fi %s: %s", label, strerror(-r));
	return r < 0;
}

/* Whether the options give -label: `service up FILE -label L`, not `service up LABEL`. */
static bool names_label(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], "-label") == 0)
			return true;
	return false;
}

int main(int argc, char **argv)
{
	cmd_init("service");
	if (argc < 2)
		cmd_usage(2, USAGE);
	const char *verb = argv[1];
	int status_code;
	if (strcmp(verb, "status") == 0 && argc <= 3)
		status_code = status(argc == 3 ? argv[2] : NULL);
	else if (strcmp(verb, "log") == 0 && argc == 2)
		status_code = show_log();
	else if ((strcmp(verb, "restart") == 0 || strcmp(verb, "refresh") == 0) && argc == 3)
		status_code = simple(RS_RESTART, verb, argv[2]);
	else if (strcmp(verb, "down") == 0 && argc == 3)
		status_code = simple(RS_DOWN, verb, argv[2]);
	else if (strcmp(verb, "scripts") == 0 && argc == 2)
		status_code = run_scripts();
	else if (strcmp(verb, "up") == 0 && argc >= 3 && (strchr(argv[2], '/') || names_label(argc - 3, argv + 3)))
		status_code = start_from_file(argv[2], argc - 3, argv + 3);
	else if (strcmp(verb, "up") == 0 && argc >= 3) {
		status_code = configure(verb, argv[2], argc - 3, argv + 3);
		status_code = status_code ? status_code : simple(RS_UP, verb, argv[2]);
	} else if (strcmp(verb, "set") == 0 && argc >= 3)
		status_code = configure(verb, argv[2], argc - 3, argv + 3);
	else if (strcmp(verb, "fi") == 0 && argc >= 4)
		status_code = fault(argv[2], argv[3], argc - 4, argv + 4);
	else
		cmd_usage(2, USAGE);
	cmd_exit(status_code);
}
