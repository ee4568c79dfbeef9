/* IPC: round trips, selective receive, notify, sendnb, dead peers, cycles, bad input. */
#include "ktest.h"

#define ECHO_PING 7
#define MSG_HELLO 100
#define MSG_DONE 101

static void round_trip_to_another_address_space(void)
{
	endpoint_t echo = sys_find_process("kecho");
	message m = { .type = ECHO_PING };
	for (int i = 0; i < 14; i++)
		m.words.w[i] = 0x1000u + (uint32_t)i;
	int r = ipc_sendrec(echo, &m);
	bool same = r == 0 && m.type == ECHO_PING && m.source == echo;
	for (int i = 0; i < 14 && same; i++)
		same = m.words.w[i] == 0x1000u + (uint32_t)i;
	check(same, "sendrec round trip to kecho returns the whole 64-byte message",
	      "r=%d type=%d source=%d", r, m.type, m.source);
}


static int send_tag_to_parent(uint32_t tag)
{
	message m = { .type = MSG_HELLO };
	m.words.w[0] = tag;
	return ipc_sendrec(self_ep, &m) < 0;  /* stays alive until answered */
}

static void receive_from_one_endpoint_skips_others(void)
{
	endpoint_t a = spawn(send_tag_to_parent, 1);
	wait_blocked(a);
	endpoint_t b = spawn(send_tag_to_parent, 2);
	message m;
	int r = ipc_receive(b, &m);
	check(r == 0 && m.source == b && m.words.w[0] == 2,
	      "receive from one endpoint takes its message even when another sender queued first",
	      "r=%d source=%d tag=%u", r, m.source, m.words.w[0]);
	r = ipc_receive(ANY, &m);
	check(r == 0 && m.source == a && m.words.w[0] == 1, "receive from ANY then takes the waiting sender",
	      "r=%d source=%d tag=%u", r, m.source, m.words.w[0]);
	ipc_send(a, &m);
	ipc_send(b, &m);
	wait_report(a, NULL);
	wait_report(b, NULL);
}

static int notify_three_times(uint32_t unused)
{
	for (int i = 0; i < 3; i++)
		ipc_notify(self_ep);
	message m = { .type = MSG_DONE };
	return ipc_sendrec(self_ep, &m) < 0;
}

static void notify_coalesces(void)
{
	endpoint_t child = spawn(notify_three_times, 0);
	wait_blocked(child);
	message m;
	int notifies = 0, r;
	while ((r = ipc_receive(child, &m)) == 0 && m.type == NOTIFY_MESSAGE)
		notifies++;
	check(r == 0 && notifies == 1 && m.type == MSG_DONE,
	      "three notifications from one sender arrive as one, before its queued message",
	      "r=%d notifies=%d last type=%d", r, notifies, m.type);
	r = ipc_send(child, &m);
	check(r == 0, "the queued sendrec gets its reply", "send=%d", r);
	CHECK_EQ(wait_report(child, NULL), KREPORT_EXIT, "a child that returns is reported as exited");
}

static int wait_for_clock_then_receive(uint32_t unused)
{
	sleep_ticks(20);
	message m;
	int r = ipc_receive(ANY, &m);
	return r == 0 && m.type == MSG_HELLO ? 0 : 1;
}

static void sendnb_to_busy_receiver(void)
{
	endpoint_t child = spawn(wait_for_clock_then_receive, 0);
	wait_blocked(child);
	message m = { .type = MSG_HELLO };
	int busy = ipc_sendnb(child, &m);
	CHECK_EQ(busy, -EAGAIN, "sendnb to a process not receiving fails with EAGAIN instead of blocking");
	sleep_ticks(25);  /* the child's alarm (20 ticks) has fired: it waits in receive(ANY) */
	int ok = ipc_sendnb(child, &m);
	struct msg_kreport rep;
	wait_report(child, &rep);
	check(ok == 0 && rep.status == 0, "sendnb to a process waiting in receive is delivered",
	      "sendnb=%d child status=%d", ok, rep.status);
}

static int exit_at_once(uint32_t status)
{
	return (int)status;
}

static int receive_then_exit(uint32_t unused)
{
	message m;
	ipc_receive(ANY, &m);
	return 3;
}

static void dead_peers(void)
{
	endpoint_t child = spawn(exit_at_once, 42);
	struct msg_kreport rep;
	int kind = wait_report(child, &rep);
	check(kind == KREPORT_EXIT && rep.status == 42, "the manager gets the exit status of its child",
	      "kind=%d status=%d", kind, rep.status);
	message m = { .type = MSG_HELLO };
	CHECK_EQ(ipc_sendrec(child, &m), -EDEADSRCDST, "sendrec to a process that exited fails with EDEADSRCDST");

	endpoint_t reuse = spawn(receive_then_exit, 0);
	check(endpoint_slot(reuse) == endpoint_slot(child) && reuse != child,
	      "a reused slot gets a new endpoint", "old=%d new=%d", child, reuse);
	CHECK_EQ(ipc_send(child, &m), -EDEADSRCDST,
		 "send to the old endpoint of a reused slot fails with EDEADSRCDST");
	int r = ipc_sendrec(reuse, &m);
	CHECK_EQ(r, -EDEADSRCDST, "a sendrec whose server exits without replying wakes with EDEADSRCDST");
	wait_report(reuse, NULL);
}

static int sendrec_to_parent(uint32_t unused)
{
	message m = { .type = MSG_HELLO };
	return ipc_sendrec(self_ep, &m) == 0 ? 0 : 1;
}

static void send_cycle_is_refused(void)
{
	endpoint_t child = spawn(sendrec_to_parent, 0);
	wait_blocked(child);
	message m = { .type = MSG_HELLO };
	CHECK_EQ(ipc_sendrec(child, &m), -ELOCKED,
		 "sendrec to a process that is blocked sending to us fails with ELOCKED");
	CHECK_EQ(ipc_send(child, &m), -ELOCKED, "send that would close a cycle fails with ELOCKED");
	int r = ipc_receive(child, &m);
	r = r == 0 ? ipc_send(child, &m) : r;
	struct msg_kreport rep;
	wait_report(child, &rep);
	check(r == 0 && rep.status == 0, "the refused cycle leaves both processes working",
	      "r=%d child status=%d", r, rep.status);
}

/* An IPC trap with any address at all, for the bad-pointer cases. */
static int raw_ipc(uint32_t call, endpoint_t ep, uint32_t addr)
{
	int r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(call), "b"(ep), "c"(addr) : "memory");
	return r;
}

static void bad_input_is_refused(void)
{
	endpoint_t echo = sys_find_process("kecho");
	CHECK_EQ(raw_ipc(IPC_SENDREC, echo, 0x10), -EFAULT, "sendrec with a kernel-space buffer fails with EFAULT");
	CHECK_EQ(raw_ipc(IPC_SEND, echo, 0xfffff000), -EFAULT, "send with an unmapped buffer fails with EFAULT");
	message m = { .type = ECHO_PING };
	CHECK_EQ(ipc_send(0x7ffffc00 | 1000, &m), -EBADEPT, "send to a slot beyond the table fails with EBADEPT");
	CHECK_EQ(ipc_trap(99, echo, &m), -ENOSYS, "an unknown IPC primitive fails with ENOSYS");
	CHECK_EQ(kcall5(999, 0, 0, 0, 0, 0), -ENOSYS, "an unknown kernel call fails with ENOSYS");
	CHECK_EQ(ipc_send(self_ep, &m), -EINVAL, "sending to oneself fails with EINVAL");
	m.type = ECHO_PING;
	CHECK_EQ(ipc_sendrec(echo, &m), 0, "kecho still answers after the bad requests");
}

void ipc_tests(void)
{
	round_trip_to_another_address_space();
	receive_from_one_endpoint_skips_others();
	notify_coalesces();
	sendnb_to_busy_receiver();
	dead_peers();
	send_cycle_is_refused();
	bad_input_is_refused();
}
