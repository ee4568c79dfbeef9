/*
 * Mounting file systems (Linux's <sys/mount.h>, reduced): an ext2 file
 * system on a block device of /dev, on a directory; root only.
 */
#pragma once

#define MS_RDONLY 1

/* Mounts the ext2 file system on source (a block device) on target; type
 * must be "ext2" or NULL, data is ignored. 0, or -1 with errno set. */
int mount(const char *source, const char *target, const char *type, unsigned long flags, const void *data);
/* Unmounts what is mounted on target (a directory, or the mounted device). */
int umount(const char *target);
