/*
 * What the library's files share with each other and not with its users:
 * the block cache, group descriptors, allocators, inode and directory
 * helpers. Inodes are handled as copies (struct ext2_inode): read with
 * inode_read, changed in memory, written back with inode_write.
 */
#pragma once

#include "ext2.h"

/* super.c: logging and corruption reports */
void ext2_log(struct ext2_fs *fs, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));
int ext2_corrupt(struct ext2_fs *fs, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));
uint32_t ext2_now(struct ext2_fs *fs);

/* super.c: group descriptors (through the cache) */
int group_read(struct ext2_fs *fs, uint32_t group, struct ext2_group_desc *gd);
int group_adjust(struct ext2_fs *fs, uint32_t group, int blocks, int inodes, int dirs);
bool block_in_range(const struct ext2_fs *fs, uint32_t block);
uint32_t group_first_block(const struct ext2_fs *fs, uint32_t group);
uint32_t group_block_count(const struct ext2_fs *fs, uint32_t group);
uint32_t group_of_inode(const struct ext2_fs *fs, uint32_t ino);

/* cache.c */
void cache_init(struct ext2_fs *fs);
int cache_read(struct ext2_fs *fs, uint32_t block, struct ext2_buf **out);
int cache_zero(struct ext2_fs *fs, uint32_t block, struct ext2_buf **out);
void cache_dirty(struct ext2_buf *buf);
void cache_release(struct ext2_fs *fs, struct ext2_buf *buf);
int cache_flush(struct ext2_fs *fs);

/* balloc.c and ialloc.c */
int block_alloc(struct ext2_fs *fs, uint32_t goal, uint32_t *block);
int block_free(struct ext2_fs *fs, uint32_t block);
int inode_alloc(struct ext2_fs *fs, uint32_t dir, bool is_dir, uint32_t *ino);
int inode_free(struct ext2_fs *fs, uint32_t ino, bool is_dir);

/* inode.c */
int inode_read(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode);
int inode_write(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *inode);
int inode_init(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *inode);
int inode_get(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode);
uint64_t inode_size(const struct ext2_inode *inode);
void inode_set_size(struct ext2_inode *inode, uint64_t size);
uint32_t inode_uid(const struct ext2_inode *inode);
uint32_t inode_gid(const struct ext2_inode *inode);
void inode_set_owner(struct ext2_inode *inode, uint32_t uid, uint32_t gid);
bool inode_has_blocks(const struct ext2_inode *inode);
bool inode_is_fast_symlink(const struct ext2_fs *fs, const struct ext2_inode *inode);
int inode_map(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
	      uint32_t lblock, uint32_t *block);
int inode_map_alloc(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		    uint32_t lblock, uint32_t goal, uint32_t *block, bool *fresh);
int inode_free_from(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode,
		    uint32_t first);
int inode_drop(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *inode);
unsigned mode_to_ftype(uint16_t mode);

/* dir.c */
struct dir_hit {
	uint32_t ino;                    /* the entry's inode */
	uint32_t lblock;                 /* directory block holding it */
	uint32_t offset;                 /* its offset in that block */
};
int name_check(const char *name, size_t *len);
int dir_find(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	     const char *name, size_t len, struct dir_hit *hit);
int dir_add(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	    const char *name, size_t len, uint32_t ino, uint16_t mode);
int dir_remove(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
	       const struct dir_hit *hit);
int dir_retarget(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode,
		 const struct dir_hit *hit, uint32_t ino, uint16_t mode);
int dir_is_empty(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode);
int dir_init(struct ext2_fs *fs, uint32_t dir, struct ext2_inode *dirinode, uint32_t parent);
int dir_check(struct ext2_fs *fs, uint32_t dir, const struct ext2_inode *dirinode);
