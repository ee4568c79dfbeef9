/*
 * The ext2 file system as a pure library: mount, lookups, file I/O and the
 * namespace operations on an ext2 revision 0/1 image (1, 2 or 4 KiB blocks).
 * It knows nothing of IPC: the caller hands it a device (read, write, log,
 * clock callbacks) and a struct ext2_fs to keep all of its state in, so the
 * same code runs in the ext2 server and in the host unit tests.
 *
 * Every function returns 0 (or a byte count) on success and a negated
 * <samsara/errno.h> code on failure. Whatever is read from the device is
 * untrusted: a malformed structure makes the call fail with -EIO and logs one
 * line ("ext2: inode 12: block 999999 out of range"); nothing panics, and
 * every loop over on-disk data is bounded.
 *
 * The library does no permission checks and knows no open files: the server
 * does both, and uses EXT2_DEFER_FREE and ext2_release() to keep an unlinked
 * inode alive while it is still open.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <samsara/errno.h>
#include "ext2_disk.h"

/* Errors that <samsara/errno.h> lacks, with their Linux values. */
#ifndef EXDEV
#define EXDEV        18
#endif
#ifndef ENOTDIR
#define ENOTDIR      20
#endif
#ifndef EISDIR
#define EISDIR       21
#endif
#ifndef EFBIG
#define EFBIG        27
#endif
#ifndef EROFS
#define EROFS        30
#endif
#ifndef EMLINK
#define EMLINK       31
#endif
#ifndef ENAMETOOLONG
#define ENAMETOOLONG 36
#endif
#ifndef ENOTEMPTY
#define ENOTEMPTY    39
#endif

#define EXT2_MAX_BLOCK_SIZE 4096
#define EXT2_NAME_MAX       255
#define EXT2_LOG_LINE_MAX   160
#ifndef EXT2_CACHE_BLOCKS
#define EXT2_CACHE_BLOCKS   64       /* block buffers: 64 x 4 KiB */
#endif
#define EXT2_IO_MAX         (1u << 30)  /* longest read or write in one call */

/* ext2_mount flags */
#define EXT2_MOUNT_RDONLY   0x1u

/* ext2_unlink, ext2_rmdir and ext2_rename flags */
#define EXT2_DEFER_FREE     0x1u     /* an inode losing its last link stays
					allocated until ext2_release() */

/*
 * The block device. read/write move len bytes at byte_offset and return 0 or
 * a negated error; log takes one line without a newline; now gives the time
 * in seconds since 1970 (may be NULL: timestamps are then 0).
 */
struct ext2_device {
	void *ctx;
	int (*read)(void *ctx, uint64_t byte_offset, void *buf, size_t len);
	int (*write)(void *ctx, uint64_t byte_offset, const void *buf, size_t len);
	void (*log)(void *ctx, const char *line);
	uint32_t (*now)(void *ctx);
};

/* One cached block; pinned while some function is using its data. */
struct ext2_buf {
	uint32_t block;                  /* device block number; valid only if used */
	uint32_t last_use;               /* LRU clock value of the last release */
	uint16_t pins;                   /* users holding it: never evicted */
	bool used;                       /* holds block's contents */
	bool dirty;                      /* differs from the device */
	uint8_t data[EXT2_MAX_BLOCK_SIZE];
};

struct ext2_fs {
	struct ext2_device dev;
	struct ext2_super_block sb;      /* in-memory copy, written by ext2_sync */
	uint32_t block_size;
	uint32_t block_shift;            /* log2(block_size) */
	uint32_t groups;
	uint32_t inode_size;
	uint32_t desc_per_block;         /* group descriptors in a block */
	uint32_t ptrs_per_block;         /* block numbers in an indirect block */
	uint32_t ptr_shift;              /* log2(ptrs_per_block) */
	uint32_t first_ino;              /* first inode that files may use */
	uint32_t meta_end;               /* blocks below hold superblock and descriptors */
	uint64_t max_size;               /* largest regular file */
	bool read_only;
	bool filetype;                   /* directory entries carry a file type */
	bool errors;                     /* corruption seen: flagged in s_state */
	bool mounted;
	uint32_t clock;                  /* LRU clock */
	struct ext2_buf cache[EXT2_CACHE_BLOCKS];
};

struct ext2_stat {
	uint32_t ino;
	uint16_t mode;                   /* type and permission bits, as on disk */
	uint16_t nlink;
	uint32_t uid;
	uint32_t gid;
	uint64_t size;
	uint32_t atime;
	uint32_t mtime;
	uint32_t ctime;
	uint32_t blocks;                 /* 512-byte units allocated */
	uint32_t blksize;
	uint32_t rdev;                   /* devices: Linux's 32-bit encoding */
};

struct ext2_statfs {
	uint32_t block_size;
	uint32_t blocks;
	uint32_t free_blocks;
	uint32_t avail_blocks;           /* free minus those reserved for root */
	uint32_t inodes;
	uint32_t free_inodes;
	uint32_t name_max;
};

/* ext2_setattr: which fields of struct ext2_attr to apply. */
#define EXT2_ATTR_MODE  0x01u        /* permission bits only; the type stays */
#define EXT2_ATTR_UID   0x02u
#define EXT2_ATTR_GID   0x04u
#define EXT2_ATTR_ATIME 0x08u
#define EXT2_ATTR_MTIME 0x10u

struct ext2_attr {
	unsigned mask;
	uint16_t mode;
	uint32_t uid;
	uint32_t gid;
	uint32_t atime;
	uint32_t mtime;
};

/*
 * ext2_readdir calls this once per entry; a nonzero return stops the listing
 * before that entry (it comes again on the next call with the same cookie).
 * type is an EXT2_FT_* value.
 */
typedef int (*ext2_filldir_t)(void *arg, const char *name, size_t name_len,
			      uint32_t ino, unsigned type);

int ext2_mount(struct ext2_fs *fs, const struct ext2_device *dev, unsigned flags);
int ext2_unmount(struct ext2_fs *fs);
int ext2_sync(struct ext2_fs *fs);
int ext2_statfs(struct ext2_fs *fs, struct ext2_statfs *st);

int ext2_lookup(struct ext2_fs *fs, uint32_t dir, const char *name, uint32_t *ino);
int ext2_stat(struct ext2_fs *fs, uint32_t ino, struct ext2_stat *st);
int ext2_setattr(struct ext2_fs *fs, uint32_t ino, const struct ext2_attr *attr);
int ext2_readdir(struct ext2_fs *fs, uint32_t dir, uint64_t *cookie,
		 ext2_filldir_t fill, void *arg);
int ext2_readlink(struct ext2_fs *fs, uint32_t ino, char *buf, size_t len);

int ext2_read(struct ext2_fs *fs, uint32_t ino, uint64_t offset, void *buf, size_t len);
int ext2_write(struct ext2_fs *fs, uint32_t ino, uint64_t offset, const void *buf, size_t len);
int ext2_truncate(struct ext2_fs *fs, uint32_t ino, uint64_t size);

int ext2_create(struct ext2_fs *fs, uint32_t dir, const char *name, uint16_t mode,
		uint32_t uid, uint32_t gid, uint32_t rdev, uint32_t *ino);
int ext2_mkdir(struct ext2_fs *fs, uint32_t dir, const char *name, uint16_t mode,
	       uint32_t uid, uint32_t gid, uint32_t *ino);
int ext2_symlink(struct ext2_fs *fs, uint32_t dir, const char *name, const char *target,
		 uint32_t uid, uint32_t gid, uint32_t *ino);
int ext2_link(struct ext2_fs *fs, uint32_t ino, uint32_t dir, const char *name);
int ext2_unlink(struct ext2_fs *fs, uint32_t dir, const char *name, unsigned flags);
int ext2_rmdir(struct ext2_fs *fs, uint32_t dir, const char *name, unsigned flags);
int ext2_rename(struct ext2_fs *fs, uint32_t olddir, const char *oldname,
		uint32_t newdir, const char *newname, unsigned flags);
int ext2_release(struct ext2_fs *fs, uint32_t ino);
