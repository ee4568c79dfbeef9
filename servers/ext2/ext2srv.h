/* The ext2 server: the file system library (fs/) behind the FS protocol. */
#pragma once

#include <service.h>
#include <bdev.h>
#include "fs/ext2.h"

extern struct ext2_fs ext2_fs;
extern bool ext2_mounted;

/* device.c: the library's block device, over the block-device client */
int device_attach(const char *label, uint32_t minor);
int device_flush(void);
extern const struct ext2_device ext2_device_ops;

int do_mount(message *m);
int do_unmount(message *m);
int do_lookup(message *m);
int do_stat(message *m);
int do_read(message *m);
int do_write(message *m);
int do_truncate(message *m);
int do_create(message *m);
int do_mkdir(message *m);
int do_unlink(message *m);
int do_rmdir(message *m);
int do_rename(message *m);
int do_link(message *m);
int do_symlink(message *m);
int do_readlink(message *m);
int do_getdents(message *m);
int do_setattr(message *m);
int do_sync(message *m);
int do_statfs(message *m);
int do_release(message *m);
