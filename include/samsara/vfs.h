/*
 * The VFS protocol: what programs ask of VFS (through libc) about files and
 * descriptors, and what PM tells VFS about processes coming and going. VFS
 * never sends PM a request (PM calls VFS: the other way could deadlock);
 * when a process is to get a signal (a write to a pipe with no reader), VFS
 * notifies PM, which collects it with VFS_PM_TAKE_SIGNAL.
 * Paths and data travel through grants of the caller's memory.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>
#include <samsara/fcntl.h>

enum vfs_request {
	VFS_OPEN = VFS_BASE + 1,  /* path (grant, len), flags, mode -> fd */
	VFS_CLOSE,                /* fd */
	VFS_READ,                 /* fd, grant, len -> bytes */
	VFS_WRITE,                /* fd, grant, len -> bytes */
	VFS_LSEEK,                /* fd, offset, whence -> offset (in the payload) */
	VFS_DUP,                  /* fd -> new fd */
	VFS_DUP2,                 /* fd, fd2 -> fd2 */
	VFS_FCNTL,                /* fd, cmd (flags), arg (mode) */
	VFS_PIPE,                 /* -> fd, fd2 */
	VFS_IOCTL,                /* fd, request, grant */
	VFS_FSTAT,                /* fd, grant: struct stat */
	VFS_STAT,                 /* path, grant2: struct stat */
	VFS_CHDIR,                /* path */
	VFS_GETCWD,               /* grant, len -> length */
	VFS_GETDENTS,             /* fd, grant, len -> bytes of struct fs_dirent records */
	VFS_MKDIR,                /* path, mode */
	VFS_UNLINK,               /* path */
	VFS_RMDIR,                /* path */
	VFS_RENAME,               /* path, grant2 + fd2 (length): the new path */
	VFS_LINK,                 /* path (existing), grant2 + fd2: the new name */
	VFS_SYMLINK,              /* path (target), grant2 + fd2: the link's name */
	VFS_READLINK,             /* path; grant2 + fd2: buffer -> bytes */
	VFS_CHMOD,                /* path, mode */
	VFS_CHOWN,                /* path, flags: uid, mode: gid */
	VFS_TRUNCATE,             /* path, offset */
	VFS_FTRUNCATE,            /* fd, offset */
	VFS_SYNC,
	VFS_STATFS,               /* path, grant2: struct fs_statfs */
	VFS_LSTAT,                /* path, grant2: struct stat of a symbolic link itself */
	VFS_UTIME,                /* path; flags: access time, mode: modification time */
	VFS_UMASK,                /* mode: the new mask -> the old one */
	VFS_ACCESS,               /* path, flags: R_OK | W_OK | X_OK for the caller's IDs */
	VFS_MOUNT,                /* path: the block device; grant2 + fd2: the directory;
				   * flags: VFS_MOUNT_RDONLY (root only) */
	VFS_UMOUNT,               /* path: the mounted-on directory or the device (root only) */
	/* from PM only */
	VFS_PM_FORK = VFS_BASE + 0x80,  /* ep (parent), ep2 (child) */
	VFS_PM_EXIT,                    /* ep */
	VFS_PM_EXEC,                    /* ep: close-on-exec descriptors close */
	VFS_PM_INIT,                    /* ep: a boot program, with the console as 0, 1, 2 */
	VFS_PM_UNPAUSE,                 /* ep: a signal came: its suspended request ends (EINTR) */
	VFS_PM_SHUTDOWN,                /* the system goes down: unmount every file system */
	VFS_PM_TAKE_SIGNAL,             /* -> ep, flags: the signals VFS has for ep (SIGPIPE),
					 * or ENOENT when it has none; VFS notifies PM when it has */
	VFS_PM_SETUID,                  /* ep; flags: uid, mode: gid (permission checks) */
	VFS_PM_RESTORE,                 /* ep; flags: uid, mode: gid: a process that ran under a
					 * VFS that died (its descriptors died with it): no
					 * descriptors, the root as its directory */
};

#define VFS_MOUNT_RDONLY 0x1

#define OPEN_MAX 32
#define PATH_MAX 256

struct msg_vfs {
	int32_t fd, fd2;
	uint32_t flags;          /* open flags; fcntl command */
	uint32_t mode;           /* open mode; fcntl argument */
	grant_id_t grant;        /* path, or data */
	uint32_t len;
	grant_id_t grant2;       /* stat buffer */
	int64_t offset;          /* lseek */
	int32_t whence;
	endpoint_t ep, ep2;      /* PM requests */
	uint32_t request;        /* ioctl */
	uint8_t pad[4];
};
_Static_assert(sizeof(struct msg_vfs) == 56, "msg_vfs fills the message payload");
