/*
 * The block-device protocol between a file system (or VFS) and a block
 * driver (ata, the RAM disk). Requests are synchronous: the file system
 * waits for each reply, and drivers never call file systems, so no cycle
 * can form. Block I/O is idempotent, which is what lets the client library
 * (lib/libsys/bdev_client.c) re-send a request to a restarted driver.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>

enum bdev_request {
	BDEV_OPEN = BDEV_BASE + 1,  /* minor, access */
	BDEV_CLOSE,                 /* minor */
	BDEV_READ,                  /* minor, position, grant, len: returns bytes */
	BDEV_WRITE,                 /* minor, position, grant, len: returns bytes */
	BDEV_SIZE,                  /* minor: size in the reply's position */
	BDEV_FLUSH,                 /* minor: written data is on the medium */
};

#define BDEV_SECTOR 512          /* positions and lengths are multiples of this */
#define BDEV_MAX_TRANSFER (64 * 1024)

struct msg_bdev {
	uint32_t minor;
	uint32_t access;         /* BDEV_OPEN: 1 read, 2 write */
	uint64_t position;       /* byte offset; BDEV_SIZE reply: the size */
	grant_id_t grant;
	uint32_t len;
	uint32_t id;             /* chosen by the client, echoed back */
	uint8_t pad[28];
};
_Static_assert(sizeof(struct msg_bdev) == 56, "msg_bdev fills the message payload");
