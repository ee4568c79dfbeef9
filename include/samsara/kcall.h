/*
 * Kernel calls: the privileged operations that only the kernel can perform
 * and that servers (PM, RS) and drivers build on. int $KCALL_VECTOR with
 * eax = call number and up to five arguments in ebx, ecx, edx, esi, edi.
 * The result is returned in eax: a value >= 0, or a negated error.
 * Every call is checked against the caller's privilege record first.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/endpoint.h>

#define KCALL_VECTOR 0x81

enum kcall_number {
	KC_NULL = 0,        /* (): does nothing; measures the kernel-call path */
	KC_DIAG,            /* (addr, len): write to the kernel log console */
	KC_INFO,            /* (what, arg, addr): see enum kinfo_what */
	KC_FORK,            /* (ep): copy ep (or SELF) into a new process */
	KC_EXEC,            /* (ep, struct kc_exec *): load an ELF into ep */
	KC_EXIT,            /* (status): the caller ends */
	KC_KILL,            /* (ep): tear down a process the caller manages */
	KC_PRIVCTL,         /* (ep, op, arg): see enum privctl_op */
	KC_IRQCTL,          /* (op, irq): see enum irqctl_op */
	KC_GRANT,           /* (grantee, addr, len, access): returns a grant id */
	KC_REVOKE,          /* (grant id) */
	KC_SAFECOPY_FROM,   /* (owner, grant, offset, addr, len): owner -> caller */
	KC_SAFECOPY_TO,     /* (owner, grant, offset, addr, len): caller -> owner */
	KC_ALARM,           /* (ticks): notify from CLOCK after ticks; 0 cancels */
	KC_SHUTDOWN,        /* (how, code) */
	KC_VM,              /* (op, ep, addr, len): map or unmap memory of a managed process */
	KC_BOOTIMAGE,       /* (index, offset, addr, len, name): read a boot module */
	KC_SIGSEND,         /* (ep, struct kc_sigsend *): run a signal handler in ep */
	KC_SIGRETURN,       /* (struct sigcontext *): the caller resumes where the signal found it */
	KC_SPAWN,           /* (index, flags): start a boot module or a kept service image, managed by the caller */
	KC_KEEP,            /* (addr, pages): map the caller's kept memory, which outlives it */
	KC_IMAGE,           /* (op, arg): keep or drop a service image; see enum image_op */
	KC_CODE,            /* (op, ep, count, seed): ep's code: see enum code_op */
	KC_NR_CALLS
};
_Static_assert(KC_NR_CALLS <= 32, "kernel-call bitmap is 32 bits");

#define KC_BIT(n)   (1u << (n))
#define KC_ALL      ((1u << KC_NR_CALLS) - 1)

/* KC_INFO */
enum kinfo_what {
	KINFO_UPTIME = 1,   /* returns ticks since boot */
	KINFO_HZ,           /* returns ticks per second */
	KINFO_SELF,         /* returns the caller's endpoint */
	KINFO_PROC,         /* (slot, struct kinfo_proc *): one process table row */
	KINFO_FREE_PAGES,   /* returns free physical pages */
	KINFO_FIND_LABEL,   /* (0, label string): endpoint of the live process whose
			     * privilege record carries that label, or -ESRCH */
};

#define LABEL_MAX 16        /* service labels, NUL included */

struct kinfo_proc {
	endpoint_t endpoint;     /* NONE for a free slot */
	endpoint_t manager;      /* signal manager */
	uint32_t   flags;        /* blocking reasons; 0 = runnable */
	uint32_t   priority;
	uint32_t   user_ticks;
	uint32_t   sys_ticks;
	uint32_t   priv_id;
	endpoint_t waiting_for;  /* sending to, or receiving from (ANY, or a source); NONE */
	char       name[16];
	char       label[LABEL_MAX]; /* the service label of its privilege record; "" for programs */
};

/* KC_EXEC: the image and the initial stack live in the caller's memory. */
struct kc_exec {
	vir_addr_t elf_addr;
	uint32_t   elf_len;
	vir_addr_t stack_addr;   /* bytes placed at the top of the new stack */
	uint32_t   stack_len;    /* pointers inside them assume that placement */
	char       name[16];
};

/* KC_SIGSEND: what PM asks for; the kernel adds the interrupted context. */
struct kc_sigsend {
	vir_addr_t handler;      /* void handler(int sig) */
	vir_addr_t restorer;     /* where the handler returns: libc's sigreturn stub */
	int32_t sig;
	uint32_t old_mask;       /* the mask to restore when the handler returns */
};

/* Saved on the user stack under the handler's frame; KC_SIGRETURN restores it. */
struct sigcontext {
	uint32_t edi, esi, ebp, ebx, edx, ecx, eax;
	uint32_t eip, esp, eflags;
	uint32_t old_mask;
};

/* The frame a handler starts with: its return address, its argument, the context. */
struct sigframe {
	vir_addr_t return_address;   /* = restorer */
	int32_t sig;
	struct sigcontext context;
};

/* KC_PRIVCTL */
enum privctl_op {
	PRIVCTL_SET_USER = 1,    /* drop to the shared, unprivileged record */
	PRIVCTL_SET,             /* arg: struct priv_spec * in caller memory */
	PRIVCTL_SET_MANAGER,     /* arg: new signal manager endpoint */
};

#define PRIV_SYSTEM       0x01   /* a system process (driver or server) */
#define PRIV_KILL_ANY     0x02   /* may KC_KILL processes it does not manage */

#define PRIV_MAX_IO_RANGES 4

struct priv_io_range {
	uint16_t base;
	uint16_t count;
};

struct priv_spec {
	uint32_t flags;                  /* PRIV_* */
	uint32_t kcalls;                 /* bitmap of allowed KC_* */
	uint32_t ipc_calls;              /* bitmap of allowed IPC_* primitives */
	uint32_t send_to[2];             /* bitmap of privilege ids it may send to */
	struct priv_io_range io[PRIV_MAX_IO_RANGES];
	uint16_t irqs;                   /* bitmap of IRQ lines it may own */
	uint8_t  priority;               /* 0 (highest) .. NR_PRIORITIES-1 */
	uint8_t  pad;
	char     label[LABEL_MAX];       /* the service's label: who owns its DS entries */
	phys_addr_t mem_base, mem_len;   /* physical memory it may map (VGA text memory) */
};

/* KC_IRQCTL */
enum irqctl_op {
	IRQCTL_SUBSCRIBE = 1,    /* deliver IRQ as notify from HARDWARE, line enabled */
	IRQCTL_ENABLE,           /* re-enable the line after handling it */
	IRQCTL_DISABLE,
	IRQCTL_RELEASE,
};

/* KC_GRANT access bits */
#define GRANT_READ   0x1     /* grantee may copy from the granted range */
#define GRANT_WRITE  0x2     /* grantee may copy into the granted range */

/* KC_VM */
enum vm_op {
	VM_ALLOC = 1,            /* zeroed, writable pages over [addr, addr+len); present ones stay */
	VM_FREE,                 /* unmap and free the pages wholly inside [addr, addr+len) */
	VM_MAP_PHYS,             /* the caller only: map physical [phys, phys+len), which its
				  * privileges must allow (VGA memory), at addr; args: op, SELF,
				  * addr, len, phys */
};
/* Memory a program may map with KC_VM: above its image, below its stack. */
#define USER_HEAP_TOP (USER_STACK_TOP - USER_STACK_PAGES * 4096u)

/*
 * KC_KEEP: memory the kernel keeps for a service's label. The first call
 * maps zeroed pages and returns KEEP_FRESH; a later instance with the same
 * label gets the same pages back (KEEP_HANDED_OVER), and with them the
 * processes its predecessor managed: their exits and faults, reported while
 * no instance ran, wait for it instead of being dropped.
 */
#define KEEP_PAGES_MAX   8
#define KEEP_FRESH       1
#define KEEP_HANDED_OVER 0

/* KC_SPAWN flags */
#define SPAWN_FRESH 0x1          /* a first start: no argv[1] = "restart" */

/*
 * KC_IMAGE: service images the kernel keeps, like boot modules, so that a
 * service started from a file can be started again when the disk, the file
 * system or its manager died. Their indexes for KC_SPAWN start at
 * IMAGE_INDEX_BASE, above every boot module's.
 */
enum image_op {
	IMAGE_KEEP = 1,          /* arg: struct kc_image *; returns the image's index */
	IMAGE_DROP,              /* arg: index; -EBUSY while a process runs it */
};
#define IMAGE_INDEX_BASE 256
#define IMAGE_MAX_LEN (4u << 20)
#define IMAGE_ARGS_MAX 64

/* IMAGE_KEEP: the ELF file lies in a grant that owner made to the caller. */
struct kc_image {
	endpoint_t owner;
	grant_id_t grant;
	uint32_t len;
	char label[LABEL_MAX];          /* unique among services, kept or running */
	char args[IMAGE_ARGS_MAX];      /* space-separated words passed after argv[0] */
};

/*
 * KC_CODE: the code (read-only pages) of SELF or of a process the caller
 * manages. The kernel sums it when it loads the image, so that a manager
 * can tell when it has changed: bit flips, injected or not.
 */
enum code_op {
	CODE_CHECK = 1,          /* returns 0 if unchanged since it was loaded, 1 if changed */
	CODE_FLIP,               /* flip count random bits (seeded); returns count */
};

/* KC_SHUTDOWN */
enum shutdown_how {
	SHUTDOWN_POWEROFF = 1,   /* code is reported to the test harness */
	SHUTDOWN_REBOOT,
	SHUTDOWN_HALT,
};

/* Scheduling priorities: drivers above servers above user programs. */
#define NR_PRIORITIES   8
#define PRIO_KERNEL_TASK 0
#define PRIO_DRIVER     1
#define PRIO_SERVER     3
#define PRIO_USER       5
#define PRIO_IDLE_USER  7

/* Address-space layout every user program is linked for. */
#define USER_BASE        0x40000000u
#define USER_STACK_TOP   0xEFFFF000u
#define USER_STACK_PAGES 32
#define USER_TOP         0xF0000000u
