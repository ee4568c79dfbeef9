/* Faults: a faulting process is stopped and reported; everything else runs on. */
#include "ktest.h"

static int null_dereference(uint32_t unused)
{
	const volatile int *p = NULL;
	return *p;  // cppcheck-suppress nullPointer ; NOLINT: the fault is the point
}

static int divide_by_zero(uint32_t zero)
{
	volatile int a = 7, b = (int)zero;
	return a / b;
}

static int invalid_opcode(uint32_t unused)
{
	__asm__ volatile("ud2");
	return 0;
}

static int write_to_code(uint32_t unused)
{
	*(volatile uint8_t *)(uintptr_t)&write_to_code = 0x90;
	return 0;
}

static int overflow_stack(uint32_t depth)
{
	volatile char frame[1024];
	frame[0] = (char)depth;
	if (depth > 100000)  /* 100 MB of stack: never reached, the stack is far smaller */
		return frame[0];
	return overflow_stack(depth + 1) + frame[0];
}

struct fault_case {
	int (*fn)(uint32_t);
	uint32_t vector, address;
	bool check_address;
	const char *what;
};

static const struct fault_case cases[] = {
	{ null_dereference, 14, 0, true, "a NULL dereference stops the process with a page fault at address 0" },
	{ divide_by_zero, 0, 0, false, "a division by zero stops the process with a divide error" },
	{ invalid_opcode, 6, 0, false, "an invalid opcode stops the process with #UD" },
	{ write_to_code, 14, 0, false, "a write into its own code stops the process with a page fault" },
	{ overflow_stack, 14, 0, false, "a stack overflow stops the process with a page fault" },
};

void fault_tests(void)
{
	endpoint_t echo = sys_find_process("kecho");
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct fault_case *c = &cases[i];
		endpoint_t child = spawn(c->fn, 0);
		struct msg_kreport rep;
		int kind = wait_report(child, &rep);
		check(kind == KREPORT_FAULT && rep.vector == c->vector &&
		      (!c->check_address || rep.address == c->address), c->what,
		      "kind=%d vector=%u address=%x", kind, rep.vector, rep.address);
		struct kinfo_proc row;
		sys_proc_info((uint32_t)endpoint_slot(child), &row);
		message m = { .type = 7 };
		int r = ipc_sendrec(echo, &m);
		check(row.endpoint == child && (row.flags & 0x08) && r == 0,
		      "the faulted process stays stopped while kecho keeps answering",
		      "flags=%x echo=%d", row.flags, r);
		reap(child);
		m.type = 7;
		CHECK_EQ(ipc_sendnb(child, &m), -EDEADSRCDST, "a killed process's endpoint is dead");
	}
}
