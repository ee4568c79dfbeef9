/*
 * PM, the process manager: the POSIX process model on top of the kernel's
 * endpoints. PM is the manager of every ordinary program, so the kernel
 * reports their faults and exits to it. It adopts the programs of the boot
 * image (init) when it starts.
 */
#include <string.h>
#include <ds.h>
#include "pm.h"

static const request_handler handlers[] = {
	[PM_FORK - PM_BASE] = do_fork,
	[PM_EXIT - PM_BASE] = do_exit,
	[PM_WAITPID - PM_BASE] = do_waitpid,
	[PM_GETPID - PM_BASE] = do_getpid,
	[PM_KILL - PM_BASE] = do_kill,
	[PM_EXEC_BOOT - PM_BASE] = do_exec_boot,
	[PM_BRK - PM_BASE] = do_brk,
	[PM_SETPGID - PM_BASE] = do_setpgid,
	[PM_SETSID - PM_BASE] = do_setsid,
	[PM_GETUID - PM_BASE] = do_getuid,
	[PM_PROCINFO - PM_BASE] = do_procinfo,
	[PM_EXEC_IMAGE - PM_BASE] = do_exec_image,
	[PM_TIME - PM_BASE] = do_time,
	[PM_SLEEP - PM_BASE] = do_sleep,
	[PM_UNAME - PM_BASE] = do_uname,
	[PM_TIMES - PM_BASE] = do_times,
	[PM_SIGACTION - PM_BASE] = do_sigaction,
	[PM_SIGPROCMASK - PM_BASE] = do_sigprocmask,
	[PM_REBOOT - PM_BASE] = do_reboot,
	[PM_ALARM - PM_BASE] = do_alarm,
	[PM_SETUID - PM_BASE] = do_setuid,
};

/* A fault ends the program with the matching signal; an exit with its status. */
static void pm_kreport(const message *m)
{
	struct mproc *p = mproc_by_endpoint(m->kreport.who);
	if (!p)
		return;
	if (m->kreport.kind == KREPORT_FAULT) {
		int sig = signal_for_exception(m->kreport.vector);
		service_log("%s (pid %d) killed by signal %d: %s at %08x", p->name, p->pid, sig,
			    m->kreport.vector == 14 ? "page fault" : "exception", m->kreport.address);
		mproc_terminate(p, W_EXITCODE(0, sig));
	} else if (m->kreport.kind == KREPORT_EXIT) {
		mproc_terminate(p, W_EXITCODE(m->kreport.status, 0));
	}
}

/* Sends the signals typed at the terminal driver tty to the groups they are for. */
static void take_terminal_signals(endpoint_t tty)
{
	for (int rounds = 0; rounds < 8; rounds++) {
		message m = { .type = CDEV_TAKE_SIGNAL };
		if (ipc_sendrec(tty, &m) < 0 || m.type < 0)
			return;
		for (int i = 0; i < PM_PROCS; i++) {
			if (mproc[i].state == MP_ALIVE && mproc[i].pgrp == m.cdev.pgrp)
				signal_send(&mproc[i], m.cdev.status);
		}
	}
}

/* DS: VFS has a new endpoint (the only key PM subscribes to). */
static void take_ds_changes(void)
{
	char key[DS_KEY_MAX];
	uint32_t kind;
	bool vfs_changed = false;
	while (ds_check(key, &kind) == 0)
		vfs_changed |= strcmp(key, "vfs") == 0 && kind == DS_ENDPOINT;
	if (vfs_changed)
		mproc_introduce_to_vfs();
}

/* The clock (sleepers to wake, alarms to ring), a terminal driver with
 * signals typed at it, or VFS with signals for its clients (SIGPIPE). The
 * sender is named by the kernel's label, never trusted on its word. */
static void pm_notify(const message *n)
{
	if (n->source == CLOCK) {
		time_alarm();
		return;
	}
	struct kinfo_proc row;
	if (!endpoint_is_process(n->source) || sys_proc_info((uint32_t)endpoint_slot(n->source), &row) < 0 ||
	    row.endpoint != n->source)
		return;
	if (strcmp(row.label, "tty") == 0)
		take_terminal_signals(n->source);
	else if (strcmp(row.label, "vfs") == 0)
		signal_take_from_vfs(n->source);
	else if (strcmp(row.label, "ds") == 0)
		take_ds_changes();
}

/* Takes on the programs the kernel started from the boot image for us. */
static void adopt_boot_programs(void)
{
	endpoint_t self = sys_self();
	bool have_init = false;
	for (uint32_t slot = 0; slot < CONFIG_NR_PROCS; slot++) {
		struct kinfo_proc row;
		if (sys_proc_info(slot, &row) < 0 || row.endpoint == NONE || row.manager != self)
			continue;
		struct mproc *p = mproc_new(row.endpoint, have_init ? INIT_PID : 0, row.name);
		if (!p)
			continue;
		int r = pm_tell_vfs(VFS_PM_INIT, row.endpoint, NONE);
		service_log("adopted %s as pid %d%s", row.name, p->pid,
			    r < 0 ? " (no console: VFS refused it)" : "");
		have_init = true;
	}
}

/* Signals typed or raised while no PM ran wait at tty and VFS: collect them. */
static void take_missed_signals(void)
{
	endpoint_t tty = sys_find_label("tty"), vfs = sys_find_label("vfs");
	if (tty != NONE)
		take_terminal_signals(tty);
	if (vfs != NONE)
		signal_take_from_vfs(vfs);
}

/* A fresh PM adopts the boot programs; a restarted one rebuilds the table
 * of its predecessor from the mirror (the kernel has handed it the
 * processes), and what it missed: alarms to set, signals to collect. */
static int pm_init(bool restarted)
{
	memset(mproc, 0, sizeof(mproc));
	time_init();
	ds_subscribe("vfs");   /* a new VFS must be told of every process */
	if (mirror_init() && restarted) {
		mirror_recover();
		take_missed_signals();
		time_arm();
	} else {
		adopt_boot_programs();
	}
	mirror_commit();
	return 0;
}

static const struct service pm_service = {
	.label = "pm",
	.base = PM_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.init = pm_init,
	.kreport = pm_kreport,
	.notify = pm_notify,
	.commit = mirror_commit,
};

int main(int argc, char **argv)
{
	service_run(&pm_service, argc, argv);
}
