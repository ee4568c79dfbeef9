/*
 * POSIX <sys/statvfs.h>: the size and use of the file system that holds a
 * file, from VFS_STATFS (the file-system server's struct fs_statfs).
 */
#pragma once

typedef unsigned long fsblkcnt_t;
typedef unsigned long fsfilcnt_t;

struct statvfs {
	unsigned long f_bsize;   /* preferred I/O size */
	unsigned long f_frsize;  /* the unit of f_blocks, f_bfree and f_bavail */
	fsblkcnt_t f_blocks;     /* size, in f_frsize units */
	fsblkcnt_t f_bfree;      /* free blocks */
	fsblkcnt_t f_bavail;     /* free blocks an unprivileged user may take */
	fsfilcnt_t f_files;      /* inodes */
	fsfilcnt_t f_ffree;      /* free inodes */
	fsfilcnt_t f_favail;     /* free inodes an unprivileged user may take */
	unsigned long f_fsid;
	unsigned long f_flag;    /* ST_* */
	unsigned long f_namemax; /* longest file name */
};

#define ST_RDONLY 1
#define ST_NOSUID 2

/* Fails with ENOSYS for a file that is on no file system (the /dev directory). */
int statvfs(const char *path, struct statvfs *buf);
