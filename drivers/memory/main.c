/*
 * memory: the memory driver. Character devices /dev/null (minor 0) and
 * /dev/zero (minor 1), and a block device, the RAM disk (minor 0), whose
 * contents come from the boot module "rootfs.img" (the root file system's
 * image, built on the host with mke2fs -d), loaded when the RAM disk is
 * first opened: with the root on a disk it never is, and a restart is quick.
 */
#include <string.h>
#include <service.h>
#include "memory.h"

static const request_handler handlers[] = {
	[BDEV_OPEN - BDEV_BASE] = do_bdev_open,
	[BDEV_CLOSE - BDEV_BASE] = do_bdev_open,
	[BDEV_READ - BDEV_BASE] = do_bdev_transfer,
	[BDEV_WRITE - BDEV_BASE] = do_bdev_transfer,
	[BDEV_SIZE - BDEV_BASE] = do_bdev_size,
	[BDEV_FLUSH - BDEV_BASE] = do_bdev_open,
	[CDEV_OPEN - BDEV_BASE] = do_cdev_open,
	[CDEV_CLOSE - BDEV_BASE] = do_cdev_open,
	[CDEV_READ - BDEV_BASE] = do_cdev_read,
	[CDEV_WRITE - BDEV_BASE] = do_cdev_write,
	[CDEV_IOCTL - BDEV_BASE] = do_cdev_ioctl,
};

static const struct service memory_service = {
	.label = "memory",
	.base = BDEV_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
};

int main(int argc, char **argv)
{
	service_run(&memory_service, argc, argv);
}
