/* The mounted file systems, as df lists them (mounts.c). */
#pragma once
#include <stddef.h>
#include <sys/stat.h>

struct mount {
	char *device;   /* "ramdisk", "/dev/vda", "tmpfs" */
	char *dir;      /* where it is mounted */
	char *type;     /* "ext2" */
};

struct mount_table {
	struct mount *mounts;
	size_t count;
};

/*
 * Reads the mount table: /proc/self/mounts where the system has one
 * (Linux), else /etc/mtab (Samsara's lists its root file system). An
 * empty table if neither can be read.
 */
void mounts_read(struct mount_table *table);
void mounts_free(struct mount_table *table);
/* The entry of the file system that holds path (whose status is st); NULL if unknown. */
const struct mount *mounts_find(const struct mount_table *table, const char *path, const struct stat *st);
/* Whether a type is one of the pseudo file systems df leaves out without -a (proc, sysfs, ...). */
int mount_is_dummy(const struct mount *m);
