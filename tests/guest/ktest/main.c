/* ktest harness: child processes, waiting helpers, and the run itself. */
#include "ktest.h"

endpoint_t self_ep;

endpoint_t spawn(int (*fn)(uint32_t), uint32_t arg)
{
	int r = sys_fork(SELF);
	if (r == 0)
		sys_exit(fn(arg));
	if (r < 0)
		printf("# spawn failed: %d\n", r);
	return r;
}

int wait_report(endpoint_t child, struct msg_kreport *out)
{
	message m;
	for (;;) {
		int r = ipc_receive(KERNEL, &m);
		if (r < 0)
			return r;
		if (m.kreport.who == child) {
			if (out)
				*out = m.kreport;
			return (int)m.kreport.kind;
		}
	}
}

void reap(endpoint_t child)
{
	sys_kill(child);
}

static bool find_row(endpoint_t ep, struct kinfo_proc *row)
{
	return sys_proc_info((uint32_t)endpoint_slot(ep), row) == 0 && row->endpoint == ep;
}

void sleep_ticks(uint32_t ticks)
{
	message m;
	sys_alarm(ticks);
	ipc_receive(CLOCK, &m);
}

void wait_blocked(endpoint_t ep)
{
	struct kinfo_proc row;
	for (int tries = 0; tries < 500; tries++) {
		if (!find_row(ep, &row) || (row.flags & 0x06))  /* BLOCK_SENDING | BLOCK_RECEIVING */
			return;
		sleep_ticks(1);
	}
	printf("# wait_blocked: endpoint %d never blocked\n", ep);
}


int main(void)
{
	self_ep = sys_self();
	printf("# ktest: kernel self-test, endpoint %d\n", self_ep);
	uint32_t free_before = (uint32_t)sys_info(KINFO_FREE_PAGES, 0, NULL);
	ipc_tests();
	grant_tests();
	privilege_tests();
	fault_tests();
	exec_tests();
	image_tests();
	sched_tests();
	uint32_t free_after = (uint32_t)sys_info(KINFO_FREE_PAGES, 0, NULL);
	check(free_after == free_before, "every page of the test children is freed again",
	      "free pages %u before, %u after", free_before, free_after);
	tap_finish("ktest");
}
