/*
 * The file-system protocol between VFS and a file-system server (ext2).
 * Files are named by inode number within a mount: one server serves several
 * mounted file systems, and every request names its mount by index (mount,
 * below FS_MOUNTS), the index VFS chose in FS_MOUNT. Names and data travel
 * through grants of VFS's buffers. The server checks every inode number, length and name; VFS
 * does permission checks and keeps track of open files.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>

enum fs_request {
	FS_MOUNT = FS_BASE + 1,   /* mount: a free index; grant: device label; ino2: minor;
				   * flags: FS_MOUNT_RDONLY -> root inode in ino */
	FS_UNMOUNT,               /* flush everything and free the index; the server stays running */
	FS_LOOKUP,                /* ino: directory; grant: name -> ino, mode, size */
	FS_STAT,                  /* ino; grant: struct stat */
	FS_READ,                  /* ino, pos, grant, len -> bytes */
	FS_WRITE,                 /* ino, pos, grant, len -> bytes */
	FS_TRUNCATE,              /* ino, pos: the new size */
	FS_CREATE,                /* ino: directory; grant: name; mode, uid, gid -> ino */
	FS_MKDIR,                 /* as FS_CREATE */
	FS_UNLINK,                /* ino: directory; grant: name; flags: FS_DEFER_FREE */
	FS_RMDIR,                 /* as FS_UNLINK */
	FS_RENAME,                /* ino: old directory, ino2: new; grant: "old\0new\0" */
	FS_LINK,                  /* ino: the file, ino2: directory; grant: name */
	FS_SYMLINK,               /* ino: directory; grant: "name\0target\0"; uid, gid */
	FS_READLINK,              /* ino; grant, len -> bytes */
	FS_GETDENTS,              /* ino, pos: cookie; grant, len -> bytes; new cookie in pos */
	FS_SETATTR,               /* ino; flags: FS_ATTR_*; mode, uid, gid, atime, mtime */
	FS_SYNC,
	FS_STATFS,                /* grant: struct fs_statfs */
	FS_RELEASE,               /* ino: its last user is gone (after FS_DEFER_FREE) */
};

#define FS_DEFER_FREE 0x1        /* an unlinked inode lives on until FS_RELEASE */
#define FS_MOUNT_RDONLY 0x1
#define FS_MOUNTS 8              /* mounts one file-system server serves at once */

#define FS_ATTR_MODE  0x01
#define FS_ATTR_UID   0x02
#define FS_ATTR_GID   0x04
#define FS_ATTR_ATIME 0x08
#define FS_ATTR_MTIME 0x10

struct msg_fs {
	uint32_t ino, ino2;
	uint64_t pos;            /* offset, size or readdir cookie */
	grant_id_t grant;
	uint32_t len;
	uint32_t mode;
	uint32_t uid, gid;
	uint32_t flags;
	uint32_t atime, mtime;
	uint32_t mount;          /* the mount the request is about: 0 .. FS_MOUNTS-1 */
	uint8_t pad[4];
};
_Static_assert(sizeof(struct msg_fs) == 56, "msg_fs fills the message payload");

struct fs_statfs {
	uint32_t block_size;
	uint32_t blocks, free_blocks, avail_blocks;
	uint32_t inodes, free_inodes;
	uint32_t name_max;
};

/* Directory entries as FS_GETDENTS returns them, packed one after another. */
struct fs_dirent {
	uint32_t d_ino;
	uint16_t d_reclen;       /* of the whole record, 4-byte aligned */
	uint8_t d_type;          /* DT_* */
	char d_name[];           /* NUL-terminated */
};

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
