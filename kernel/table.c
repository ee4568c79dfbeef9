/*
 * The boot table: every program the boot image may contain, with its
 * scheduling class and its privileges. It is the only place where boot
 * privileges are written down; a module not listed here is not started.
 */
#include "kernel.h"
#include "priv.h"

#define IPC_ALL  (KC_BIT(IPC_SEND) | KC_BIT(IPC_RECEIVE) | KC_BIT(IPC_SENDREC) | \
		  KC_BIT(IPC_SENDNB) | KC_BIT(IPC_NOTIFY))
#define KC_BASIC (KC_BIT(KC_NULL) | KC_BIT(KC_DIAG) | KC_BIT(KC_INFO) | KC_BIT(KC_EXIT) | \
		  KC_BIT(KC_GRANT) | KC_BIT(KC_REVOKE) | KC_BIT(KC_SAFECOPY_FROM) | \
		  KC_BIT(KC_SAFECOPY_TO) | KC_BIT(KC_ALARM))

#define KC_MANAGE (KC_BIT(KC_FORK) | KC_BIT(KC_EXEC) | KC_BIT(KC_KILL) | KC_BIT(KC_PRIVCTL))

const struct boot_entry boot_table[] = {
	/* System services. */
	{ .name = "ds", .priority = PRIO_SERVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC, .ipc_calls = IPC_ALL, .send_to = "*" },
	/* RS watches the others; the kernel itself restarts RS. It runs above
	 * everything, so that a service stuck in a loop cannot starve it. */
	{ .name = "rs", .priority = PRIO_KERNEL_TASK, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_BIT(KC_KILL) | KC_BIT(KC_SPAWN) |
		    KC_BIT(KC_BOOTIMAGE) | KC_BIT(KC_IMAGE) | KC_BIT(KC_CODE), .ipc_calls = IPC_ALL, .send_to = "*",
	  .serves_users = true, .kernel_restarts = true },
	{ .name = "pm", .priority = PRIO_SERVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_MANAGE | KC_BIT(KC_VM) | KC_BIT(KC_BOOTIMAGE) |
		    KC_BIT(KC_SIGSEND) | KC_BIT(KC_SHUTDOWN) | KC_BIT(KC_KEEP),
	  .ipc_calls = IPC_ALL, .send_to = "*", .serves_users = true,
	  .io = { { 0x70, 2 } } /* the CMOS clock */ },
	{ .name = "vfs", .priority = PRIO_SERVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_BIT(KC_KEEP), .ipc_calls = IPC_ALL, .send_to = "*",
	  .serves_users = true },
	{ .name = "ext2", .priority = PRIO_SERVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC, .ipc_calls = IPC_ALL, .send_to = "*",
	  .io = { { 0x70, 2 } } },
	{ .name = "memory", .priority = PRIO_DRIVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_BIT(KC_VM) | KC_BIT(KC_BOOTIMAGE),
	  .ipc_calls = IPC_ALL, .send_to = "*" },
	{ .name = "ata", .priority = PRIO_DRIVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_BIT(KC_IRQCTL), .ipc_calls = IPC_ALL,
	  .send_to = "*", .io = { { 0x1f0, 8 }, { 0x3f6, 1 } }, .irqs = 1u << 14 },
	/* The root file system's image: data for the memory driver, not a program. */
	{ .name = "rootfs.img", .dormant = true },
	{ .name = "tty", .priority = PRIO_DRIVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_BIT(KC_IRQCTL) | KC_BIT(KC_VM), .ipc_calls = IPC_ALL,
	  .send_to = "*", .io = { { 0x3f8, 8 }, { 0x60, 1 }, { 0x64, 1 }, { 0x3d4, 2 } },
	  .irqs = 1u << 4 | 1u << 1, .mem_base = 0xb8000, .mem_len = 0x8000 },

	/* The first program: an ordinary program, a client of PM, VFS and RS only. */
	{ .name = "init", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM, .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs rs" },

	/* Kernel self-tests (tests/guest): the harness may do everything. */
	{ .name = "ktest", .priority = PRIO_SERVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM | PRIV_KILL_ANY, .kcalls = KC_ALL, .ipc_calls = IPC_ALL,
	  .send_to = "*", .irqs = 0x0001, .io = { { 0x70, 2 } } },
	{ .name = "kecho", .priority = PRIO_SERVER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC, .ipc_calls = IPC_ALL,
	  .send_to = "*", .serves_users = true },
	{ .name = "dstest", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_MANAGE | KC_BIT(KC_SHUTDOWN),
	  .ipc_calls = IPC_ALL, .send_to = "*" },
	{ .name = "ttytest", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_BIT(KC_SHUTDOWN), .ipc_calls = IPC_ALL,
	  .send_to = "*" },
	/* pmtest runs as init would: a program managed by PM, which may only
	 * ask PM, plus the kernel console for its report (there is no VFS yet). */
	{ .name = "pmtest", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM | KC_BIT(KC_DIAG) | KC_BIT(KC_SHUTDOWN),
	  .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm" },
	{ .name = "pmchild", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .dormant = true, .kcalls = KC_PROGRAM | KC_BIT(KC_DIAG),
	  .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm" },
	{ .name = "vfstest", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM | KC_BIT(KC_SHUTDOWN), .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs" },
	{ .name = "vfschild", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .dormant = true, .kcalls = KC_PROGRAM, .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs" },
	/* diskbench: a program of VFS's that also reads the disk straight from ata. */
	{ .name = "diskbench", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM, .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs ds ata" },
	{ .name = "stdiotest", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM | KC_BIT(KC_SHUTDOWN), .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs" },
	/* rsbench and rslatency: programs of VFS's that also ask RS to inject faults. */
	{ .name = "rsbench", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM, .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs rs" },
	{ .name = "rslatency", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM, .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs rs" },
	/* sysbench: an ordinary program of PM and VFS, like init. */
	{ .name = "sysbench", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS, .program = true,
	  .kcalls = KC_PROGRAM, .ipc_calls = KC_BIT(IPC_SENDREC), .send_to = "pm vfs" },
	{ .name = "kbench", .priority = PRIO_USER, .quantum_ms = CONFIG_QUANTUM_MS,
	  .flags = PRIV_SYSTEM, .kcalls = KC_BASIC | KC_BIT(KC_SHUTDOWN) | KC_BIT(KC_CODE), .ipc_calls = IPC_ALL,
	  .send_to = "kecho" },
};
const unsigned boot_table_size = sizeof(boot_table) / sizeof(boot_table[0]);

/*
 * A system service started from a file (`service up FILE -label L`, through
 * RS and KC_IMAGE): a server among servers. It may talk to every service
 * and programs may call it; it has the basic kernel calls (its own grants,
 * safecopy, alarms, the log console) and nothing that reaches hardware: no
 * I/O ports, IRQ lines or device memory, and it manages no process.
 */
const struct boot_entry file_service_entry = {
	.name = "(file)", .priority = PRIO_SERVER, .quantum_ms = CONFIG_QUANTUM_MS,
	.flags = PRIV_SYSTEM, .kcalls = KC_BASIC, .ipc_calls = IPC_ALL, .send_to = "*",
	.serves_users = true,
};
_Static_assert(sizeof(boot_table) / sizeof(boot_table[0]) < NR_PRIVS / 2,
	       "boot table ids must leave room for dynamic privileges");
