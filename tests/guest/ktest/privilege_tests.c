/* Privileges: what an ordinary (user-privileged) process is refused. */
#include "ktest.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define PORT_RESULT 300

static uint8_t read_cmos_seconds(void)
{
	uint8_t v;
	__asm__ volatile("outb %%al, %%dx" : : "a"(0), "d"(CMOS_INDEX));
	__asm__ volatile("inb %%dx, %%al" : "=a"(v) : "d"(CMOS_DATA));
	return v;
}

static endpoint_t echo_ep;  /* found before the child loses KC_INFO */

static int try_as_user(uint32_t what)
{
	message m = { .type = 1 };
	switch (what) {
	case 0: return sys_null() == -ECALLDENIED ? 0 : 1;
	case 1: return ipc_sendrec(self_ep, &m) == -ECALLDENIED ? 0 : 1;
	case 2: return ipc_send(echo_ep, &m) == -ECALLDENIED ? 0 : 1;
	case 3: return ipc_sendrec(echo_ep, &m) == 0 ? 0 : 1;
	case 4: read_cmos_seconds(); return 0;   /* must fault before returning */
	default: return 2;
	}
}

static int run_as_user(uint32_t what, struct msg_kreport *rep)
{
	int r = sys_fork(SELF);
	if (r == 0) {
		message go;
		ipc_receive(self_ep, &go);  /* wait until the parent has dropped our privileges */
		sys_exit(try_as_user(what));
	}
	endpoint_t child = r;
	wait_blocked(child);  /* in receive: a user process could not start one */
	sys_privctl(child, PRIVCTL_SET_USER, 0);
	message go = { .type = 1 };
	ipc_send(child, &go);
	return wait_report(child, rep);
}

/* Child for the custom-record test: reports what its new record lets it do. */
static int use_custom_record(uint32_t unused)
{
	message m;
	ipc_receive(self_ep, &m);  /* the parent sets our record meanwhile */
	m.words.w[0] = (uint32_t)sys_null();
	m.words.w[1] = read_cmos_seconds();  /* faults unless the record opened the port */
	m.words.w[2] = (uint32_t)ipc_send(echo_ep, &m);
	return ipc_send(self_ep, &m) == 0 ? 0 : 1;
}

static void custom_record_is_enforced(void)
{
	struct kinfo_proc me;
	sys_proc_info((uint32_t)endpoint_slot(self_ep), &me);
	endpoint_t child = spawn(use_custom_record, 0);
	wait_blocked(child);
	struct priv_spec spec = {
		.flags = PRIV_SYSTEM, .kcalls = KC_BIT(KC_EXIT),
		.ipc_calls = KC_BIT(IPC_SEND) | KC_BIT(IPC_RECEIVE),
		.io = { { CMOS_INDEX, 2 } }, .priority = PRIO_SERVER,
	};
	spec.send_to[me.priv_id / 32] |= 1u << (me.priv_id % 32);
	struct priv_spec bad = spec;
	bad.priority = 99;
	CHECK_EQ(sys_privctl(child, PRIVCTL_SET, (uint32_t)&bad), -EINVAL, "a privilege record with an impossible priority is refused");
	int r = sys_privctl(child, PRIVCTL_SET, (uint32_t)&spec);
	message m = { .type = 1 };
	ipc_send(child, &m);
	int got = ipc_receive(child, &m);
	check(r == 0 && got == 0 && (int)m.words.w[0] == -ECALLDENIED && m.words.w[1] < 0x60 &&
	      (int)m.words.w[2] == -ECALLDENIED,
	      "a record set with PRIVCTL_SET grants exactly its ports, calls and targets",
	      "privctl=%d receive=%d null=%d cmos=%x send=%d", r, got, (int)m.words.w[0], m.words.w[1],
	      (int)m.words.w[2]);
	wait_report(child, NULL);
}

void privilege_tests(void)
{
	struct msg_kreport rep;
	echo_ep = sys_find_process("kecho");
	int kind = run_as_user(0, &rep);
	check(kind == KREPORT_EXIT && rep.status == 0, "an ordinary process is refused a kernel call",
	      "kind=%d status=%d", kind, rep.status);
	kind = run_as_user(1, &rep);
	check(kind == KREPORT_EXIT && rep.status == 0,
	      "an ordinary process is refused an IPC target that does not serve programs",
	      "kind=%d status=%d", kind, rep.status);
	kind = run_as_user(2, &rep);
	check(kind == KREPORT_EXIT && rep.status == 0, "an ordinary process is refused the plain send primitive",
	      "kind=%d status=%d", kind, rep.status);
	kind = run_as_user(3, &rep);
	check(kind == KREPORT_EXIT && rep.status == 0, "an ordinary process may sendrec to a server that serves programs",
	      "kind=%d status=%d", kind, rep.status);

	uint8_t seconds = read_cmos_seconds();
	check(seconds < 0x60, "a process granted the CMOS ports reads them", "seconds=%x", seconds);
	endpoint_t child = (endpoint_t)sys_fork(SELF);
	if (child == 0) {
		read_cmos_seconds();  /* a forked system process keeps no port rights */
		sys_exit(0);
	}
	kind = wait_report(child, &rep);
	check(kind == KREPORT_FAULT && rep.vector == 13, "port access without port rights stops the process with #GP",
	      "kind=%d vector=%u", kind, rep.vector);
	reap(child);

	kind = run_as_user(4, &rep);
	check(kind == KREPORT_FAULT && rep.vector == 13, "an ordinary process is refused I/O ports",
	      "kind=%d vector=%u", kind, rep.vector);
	reap(rep.who);
	custom_record_is_enforced();
}
