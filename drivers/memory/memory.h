/* The memory driver's devices (devices.c) and RAM disk (ramdisk.c). */
#pragma once

#include <libsys.h>

/* Loads the boot module called name as the RAM disk; returns its size or an error. */
int ramdisk_load(const char *name);

int do_bdev_open(message *m);
int do_bdev_transfer(message *m);
int do_bdev_size(message *m);
int do_cdev_open(message *m);
int do_cdev_read(message *m);
int do_cdev_write(message *m);
int do_cdev_ioctl(message *m);
