/*
 * The block devices under the file systems: the ext2 library's read and
 * write callbacks go to each volume's block driver through the block-device
 * client, which re-sends them if the driver is restarted. Transfers are
 * split to the protocol's maximum size.
 */
#include <string.h>
#include "ext2srv.h"

static int transfer(struct bdev *disk, uint64_t offset, void *buf, size_t len, bool write)
{
	if (offset % BDEV_SECTOR || len % BDEV_SECTOR)
		return -EINVAL;  /* the library works in whole blocks */
	for (size_t done = 0; done < len; ) {
		size_t n = len - done < BDEV_MAX_TRANSFER ? len - done : BDEV_MAX_TRANSFER;
		int r = write ? bdev_write(disk, offset + done, (const char *)buf + done, n)
			      : bdev_read(disk, offset + done, (char *)buf + done, n);
		if (r < 0)
			return r;
		if ((size_t)r != n)
			return -EIO;
		done += n;
	}
	return 0;
}

static int device_read(void *ctx, uint64_t offset, void *buf, size_t len)
{
	return transfer(&((struct ext2_volume *)ctx)->disk, offset, buf, len, false);
}

static int device_write(void *ctx, uint64_t offset, const void *buf, size_t len)
{
	return transfer(&((struct ext2_volume *)ctx)->disk, offset, (void *)buf, len, true);
}

static void device_log(void *ctx, const char *line)
{
	service_log("%s", line);
}

/* Seconds since 1970, from the CMOS clock read at mount plus the uptime. */
static uint32_t device_now(void *ctx)
{
	static uint32_t boot_time, boot_ticks, hz;
	if (!hz) {
		hz = (uint32_t)sys_info(KINFO_HZ, 0, NULL);
		boot_ticks = (uint32_t)sys_uptime();
		boot_time = cmos_time();
	}
	return boot_time + ((uint32_t)sys_uptime() - boot_ticks) / hz;
}

static const struct ext2_device device_ops = {
	.read = device_read,
	.write = device_write,
	.log = device_log,
	.now = device_now,
};

/* Opens the device of volume v and points its library callbacks at it. */
int device_attach(struct ext2_volume *v, const char *label, uint32_t minor)
{
	v->ops = device_ops;
	v->ops.ctx = v;
	return bdev_open(&v->disk, label, minor);
}

/* After a sync: the driver makes sure what it was given is on the medium. */
int device_flush(struct ext2_volume *v)
{
	return bdev_flush(&v->disk);
}
