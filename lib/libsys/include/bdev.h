/*
 * Block-device client: every file system reaches its disk through this.
 * It names the driver by label, not endpoint, and when a request finds the
 * driver dead (EDEADSRCDST) it looks the new instance up, opens the device
 * again and re-sends the request; block I/O is idempotent, so the caller
 * never sees the restart.
 */
#pragma once

#include <libsys.h>

struct bdev {
	char label[LABEL_MAX];   /* the driver's label, e.g. "memory" */
	uint32_t minor;
	endpoint_t driver;       /* its current endpoint */
	uint32_t next_id;
	uint32_t resends;        /* requests re-sent after a driver restart */
};

int bdev_open(struct bdev *b, const char *label, uint32_t minor);
int bdev_read(struct bdev *b, uint64_t position, void *buf, size_t len);
int bdev_write(struct bdev *b, uint64_t position, const void *buf, size_t len);
int bdev_size(struct bdev *b, uint64_t *size);
int bdev_flush(struct bdev *b);
