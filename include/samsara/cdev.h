/*
 * The character-device protocol between VFS (or any client) and a
 * character driver such as tty.
 *
 * A request that can finish at once is answered at once. One that must wait
 * (a read with no input yet, a write with the output queue full) is answered
 * with CDEV_SUSPENDED; when it completes, the driver notifies the client,
 * which collects the result with CDEV_STATUS (the id it chose names the
 * request). This way neither side ever blocks on the other, and a client can
 * re-issue what was pending if the driver is restarted.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>

enum cdev_request {
	CDEV_OPEN = CDEV_BASE + 1,  /* minor, flags */
	CDEV_CLOSE,                 /* minor */
	CDEV_READ,                  /* minor, id, grant, len, flags: returns bytes */
	CDEV_WRITE,                 /* minor, id, grant, len, flags: returns bytes */
	CDEV_IOCTL,                 /* minor, id, request, grant */
	CDEV_CANCEL,                /* minor, id: the suspended request ends with EINTR */
	CDEV_STATUS,                /* returns one finished request: id and its status */
	CDEV_TAKE_SIGNAL,           /* PM only: a signal typed at a terminal: status = signal,
				     * pgrp = its process group; -ENOENT when none is left */
};

#define CDEV_SUSPENDED 0x7fff0001   /* a reply status: the result comes later */
#define CDEV_NONBLOCK  0x1          /* flags: fail with EAGAIN instead of waiting */

/* ioctl requests (Linux's numbers, for familiarity). */
#define TCGETS      0x5401
#define TCSETS      0x5402  /* set now */
#define TCSETSW     0x5403  /* after output drains */
#define TCSETSF     0x5404  /* after output drains, discarding input */
#define TIOCGPGRP   0x540f
#define TIOCSPGRP   0x5410
#define TIOCGWINSZ  0x5413

struct msg_cdev {
	uint32_t minor;
	uint32_t id;             /* chosen by the client; echoed in CDEV_STATUS */
	grant_id_t grant;        /* the client's buffer */
	uint32_t len;
	uint32_t flags;          /* CDEV_NONBLOCK */
	uint32_t request;        /* CDEV_IOCTL */
	int32_t status;          /* CDEV_STATUS reply: the finished request's status */
	endpoint_t user;         /* the process on whose behalf (for signals, later) */
	int32_t pgrp;            /* TIOCSPGRP argument / TIOCGPGRP result */
	uint8_t pad[20];
};
_Static_assert(sizeof(struct msg_cdev) == 56, "msg_cdev fills the message payload");
