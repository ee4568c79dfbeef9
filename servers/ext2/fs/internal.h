/*
 * What the library's files share with each other and not with its users:
 * the block cache, group descriptors, allocators, inode and directory
 * helpers. Inodes are handled as copies (struct ext2_inode): read with
 * ext2_inode_read, changed in memory, written back with ext2_inode_write.
 */
#pragma once

#include "ext2.h"

/* super.c: logging and corruption reports */
void ext2_log(struct ext2_fs *fs, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));
void ext2_report(struct ext2_fs *fs, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));
/* Reports a malformed on-disk structure and evaluates to -EIO, for return. */
#define ext2_corrupt(fs, ...) (ext2_report((fs), __VA_ARGS__), -EIO)
uint32_t ext2_now(struct ext2_fs *fs);

/* super.c: group descriptors (through the cache) */
int ext2_group_read(struct ext2_fs *fs, uint32_t group, struct ext2_group_desc *gd);
int ext2_group_adjust(struct ext2_fs *fs, uint32_t group, int blocks, int inodes, int dirs);
bool ext2_block_in_range(const struct ext2_fs *fs, uint32_t block);
uint32_t ext2_group_first_block(const struct ext2_fs *fs, uint32_t group);
uint32_t ext2_group_block_count(const struct ext2_fs *fs, uint32_t group);
uint32_t ext2_group_of_inode(const struct ext2_fs *fs, uint32_t ino);

/* cache.c */
void ext2_cache_init(struct ext2_fs *fs);
int ext2_cache_read(struct ext2_fs *fs, uint32_t block, struct ext2_buf **out);
int ext2_cache_zero(struct ext2_fs *fs, uint32_t block, struct ext2_buf **out);
void ext2_cache_dirty(struct ext2_buf *buf);
void ext2_cache_release(struct ext2_fs *fs, struct ext2_buf *buf);
int ext2_cache_flush(struct ext2_fs *fs);
/* Whether block has a buffer (whose contents may be newer than the disk's). */
bool ext2_cache_holds(struct ext2_fs *fs, uint32_t block);

/* balloc.c and ialloc.c */
int ext2_block_alloc(struct ext2_fs *fs, uint32_t goal, uint32_t *block);
int ext2_block_free(struct ext2_fs *fs, uint32_t block);
int ext2_inode_alloc(struct ext2_fs *fs, uint32_t dir, bool is_dir, uint32_t *ino);
int ext2_inode_free(struct ext2_fs *fs, uint32_t ino, bool is_dir);

/* inode.c */
int ext2_inode_read(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode);
int ext2_inode_write(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *inode);
int ext2_inode_init(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *inode);
int ext2_inode_get(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode);
uint64_t ext2_inode_size(const struct ext2_inode *inode);
void ext2_inode_set_size(struct ext2_inode *inode, uint64_t size);
uint32_t ext2_inode_uid(const struct ext2_inode *inode);
uint32_t ext2_inode_gid(const struct ext2_inode *inode);
void ext2_inode_set_owner(struct ext2_inode *inode, uint32_t uid, uint32_t gid);
bool ext2_inode_has_blocks(const struct ext2_inode *inode);
bool ext2_inode_is_fast_symlink(const struct ext2_fs *fs, const struct ext2_inode *inode);
int ext2_inode_map(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
	      uint32_t lblock, uint32_t *block);
int ext2_inode_map_alloc(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		    uint32_t lblock, uint32_t goal, uint32_t *block, bool *fresh);
int ext2_inode_free_from(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		    uint32_t first);
int ext2_inode_drop(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode);
unsigned ext2_mode_to_ftype(uint16_t mode);

/* dir.c */
struct dir_hit {
	uint32_t ino;                    /* the entry's inode */
	uint32_t lblock;                 /* directory block holding it */
	uint32_t offset;                 /* its offset in that block */
};
int ext2_name_check(const char *name, size_t *len);
int ext2_dir_find(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	     const char *name, size_t len, struct dir_hit *hit);
int ext2_dir_add(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	    const char *name, size_t len, uint32_t ino, uint16_t mode);
int ext2_dir_remove(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	       const struct dir_hit *hit);
int ext2_dir_retarget(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		 const struct dir_hit *hit, uint32_t ino, uint16_t mode);
int ext2_dir_is_empty(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode);
int ext2_dir_init(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode, uint32_t parent);
int ext2_dir_check(struct ext2_fs *fs, uint32_t dir, const struct ext2_inode *dirinode);
