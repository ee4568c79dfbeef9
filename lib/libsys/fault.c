/*
 * Fault injection: what a service does to itself when RS asks it to
 * (SERVICE_FI, from `service fi LABEL KIND`). The kinds are the failures RS
 * must survive: CPU exceptions, an abort, a hang, a deadlock, and damage
 * that may or may not show (a wild write, garbage sent to others).
 */
#include <service.h>
#include <string.h>
#include <samsara/xorshift.h>

extern char __data_start[], __data_end[];

/* count random words between the start of .data and the end of .bss. */
static void wild_writes(uint32_t count, uint32_t *seed)
{
	uint32_t words = (uint32_t)((uintptr_t)__data_end - (uintptr_t)__data_start) / 4;
	for (uint32_t i = 0; i < count && words; i++) {
		volatile uint32_t *w = (volatile uint32_t *)__data_start + xorshift32(seed) % words;
		*w = xorshift32(seed);
	}
}

/* count messages of random type and payload, each to a random live system process. */
static void send_garbage(uint32_t count, uint32_t *seed)
{
	for (uint32_t i = 0; i < count; i++) {
		struct kinfo_proc row;
		uint32_t slot = xorshift32(seed) % CONFIG_NR_PROCS;
		if (sys_proc_info(slot, &row) < 0 || row.endpoint == NONE || row.endpoint == sys_self())
			continue;
		message m;
		for (unsigned w = 0; w < sizeof(m.words.w) / 4; w++)
			m.words.w[w] = xorshift32(seed);
		m.type = (int32_t)xorshift32(seed);
		ipc_sendnb(row.endpoint, &m);
	}
}

void service_inject_fault(const struct service *svc, uint32_t kind, uint32_t count, uint32_t seed)
{
	service_log("injecting fault %u (count %u) as asked", kind, count);
	switch (kind) {
	case FI_NULL:
		// cppcheck-suppress nullPointer ; the very point of this fault
		*(volatile uint32_t *)0 = 1;  // NOLINT(clang-analyzer-core.NullDereference)
		break;
	case FI_ILLEGAL:
		__asm__ volatile("ud2");
		break;
	case FI_DIVIDE:
		__asm__ volatile("xorl %%ecx, %%ecx\n\tdivl %%ecx" : : : "eax", "ecx", "edx");
		break;
	case FI_STACK:
		for (;;)
			__asm__ volatile("pushl $0" : : : "memory");
	case FI_PANIC:
		service_log("panic: aborting (injected fault)");
		sys_exit(134);
	case FI_HANG:
		for (;;)
			__asm__ volatile("" : : : "memory");
	case FI_DEADLOCK: {
		/* Nothing ever comes from KERNEL to a service that manages no
		 * process, or from HARDWARE to one without interrupts. */
		endpoint_t never = svc->kreport ? HARDWARE : KERNEL;
		for (;;) {
			message m;
			ipc_receive(never, &m);
		}
	}
	case FI_WILD:
		wild_writes(count, &seed);
		break;
	case FI_GARBAGE:
		send_garbage(count, &seed);
		break;
	default:
		break;
	}
}
