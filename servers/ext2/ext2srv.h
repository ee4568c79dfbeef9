/* The ext2 server: the file system library (fs/) behind the FS protocol. */
#pragma once

#include <service.h>
#include <bdev.h>
#include <samsara/fs.h>
#include "fs/ext2.h"

/*
 * One mounted file system: the library's state, the block device under it
 * and the callbacks that reach that device (their ctx is the volume). VFS
 * names a volume by its index in every request (msg_fs.mount).
 */
struct ext2_volume {
	bool mounted;
	endpoint_t mounter;          /* the VFS instance that mounted it */
	struct ext2_fs fs;
	struct bdev disk;
	struct ext2_device ops;
};

extern struct ext2_volume ext2_volumes[FS_MOUNTS];

/* The volume m is about; main.c admits only requests whose index is valid. */
struct ext2_volume *volume_of(const message *m);

/* device.c: a volume's block device, over the block-device client */
int device_attach(struct ext2_volume *v, const char *label, uint32_t minor);
int device_flush(struct ext2_volume *v);

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
