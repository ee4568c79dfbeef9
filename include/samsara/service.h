/*
 * What every system service speaks: request numbering, the reply
 * convention, and the framework's own messages.
 *
 * A request's type is PROTOCOL_BASE + n. The reply carries the status in
 * its type: >= 0 for success (some requests return a value there), or a
 * negated error code. Payloads are protocol structs in the message union.
 */
#pragma once


#define SERVICE_BASE 0x0100   /* the framework's own requests */
#define DS_BASE      0x0200
#define PM_BASE      0x0300
#define VFS_BASE     0x0400
#define FS_BASE      0x0500
#define BDEV_BASE    0x0600
#define CDEV_BASE    0x0700
#define RS_BASE      0x0800
#define TALLY_BASE   0x0900   /* the demo service started from a file (servers/tally) */
#define PROTOCOL_SPAN 0x0100  /* requests of one protocol: BASE .. BASE + SPAN - 1 */

/* Answered by the framework itself, so handlers never see it: a liveness
 * probe (RS heartbeats). The reply's type is 0 and words[0] the uptime. */
#define SERVICE_PING (SERVICE_BASE + 1)
