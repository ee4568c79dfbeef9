/*
 * The IPC ABI: the fixed-size message and the trap numbers of the five
 * primitives. Every message is 64 bytes: who sent it (filled in by the kernel,
 * never trusted from the sender), a type chosen by the protocol, and a
 * 56-byte payload whose layouts are named structs, each size-checked.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/endpoint.h>
#include <samsara/ds.h>
#include <samsara/cdev.h>
#include <samsara/pm.h>
#include <samsara/bdev.h>
#include <samsara/vfs.h>
#include <samsara/fs.h>
#include <samsara/rs.h>
#include <samsara/tally.h>

#define MSG_SIZE          64
#define MSG_PAYLOAD_SIZE  56

/* Payload of a notification, built by the kernel when it is delivered. */
struct msg_notify {
	uint32_t timestamp;      /* kernel ticks at delivery */
	uint32_t irqs;           /* from HARDWARE: bit n = IRQ n fired */
	uint8_t  pad[48];
};
_Static_assert(sizeof(struct msg_notify) == MSG_PAYLOAD_SIZE, "msg_notify");

/* What a kernel report (source KERNEL) says about a process. */
enum kreport_kind {
	KREPORT_FAULT = 1,       /* CPU exception; the process is stopped */
	KREPORT_EXIT  = 2,       /* the process exited; its slot is now free */
};

struct msg_kreport {
	endpoint_t who;          /* the process the report is about */
	uint32_t kind;           /* enum kreport_kind */
	uint32_t vector;         /* FAULT: exception vector (14 = page fault) */
	uint32_t error_code;     /* FAULT: CPU error code */
	uint32_t address;        /* FAULT: faulting address (CR2 for a page fault) */
	uint32_t eip;            /* FAULT: instruction pointer */
	int32_t  status;         /* EXIT: exit status */
	char     name[16];       /* the process's name, for log lines */
	uint8_t  pad[12];
};
_Static_assert(sizeof(struct msg_kreport) == MSG_PAYLOAD_SIZE, "msg_kreport");

/* Generic payload for protocols that only pass a few integers. */
struct msg_words {
	uint32_t w[14];
};
_Static_assert(sizeof(struct msg_words) == MSG_PAYLOAD_SIZE, "msg_words");

typedef struct message {
	endpoint_t source;       /* set by the kernel on delivery */
	int32_t    type;         /* protocol-defined; NOTIFY_MESSAGE, KREPORT_MESSAGE */
	union {
		struct msg_notify  notify;
		struct msg_kreport kreport;
		struct msg_words   words;
		struct msg_ds      ds;
		struct msg_cdev    cdev;
		struct msg_pm      pm;
		struct msg_bdev    bdev;
		struct msg_vfs     vfs;
		struct msg_fs      fs;
		struct msg_rs      rs;
		struct msg_tally   tally;
		uint8_t            bytes[MSG_PAYLOAD_SIZE];
	};
} message;
_Static_assert(sizeof(message) == MSG_SIZE, "message must be 64 bytes");

/* Types of kernel-generated messages. Protocol types are positive. */
#define NOTIFY_MESSAGE   (-100)
#define KREPORT_MESSAGE  (-101)

/*
 * IPC traps: int $IPC_VECTOR with eax = primitive, ebx = endpoint,
 * ecx = message address. Returns 0 or a negated error in eax.
 */
#define IPC_VECTOR    0x80
#define IPC_SEND      1
#define IPC_RECEIVE   2
#define IPC_SENDREC   3
#define IPC_SENDNB    4
#define IPC_NOTIFY    5
#define IPC_NR_CALLS  6
