/*
 * Shared by the ext2 library's host tests: a scratch directory, a source
 * tree with every kind of file, images made from it by the host's mke2fs,
 * an ext2_device over an image file, and e2fsck and debugfs verdicts.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include "ext2.h"

/* An image file opened as the library's device. */
struct tx_disk {
	int fd;
	struct ext2_device dev;
	int log_lines;                   /* lines the library logged */
	char last_log[EXT2_LOG_LINE_MAX];
	uint32_t clock;                  /* what now() answers */
};

/* The standard tree: what tx_make_tree creates, for the tests to check. */
#define TX_SPARSE_FAR  (70u << 20)        /* past double indirect with 1 KiB blocks */
#define TX_MANY        300                /* entries in many/ */
#define TX_LONG_TARGET "a/long/symlink/target/that/does/not/fit/into/the/sixty/bytes/of/i_block/at/all.txt"

const char *tx_root(void);               /* the scratch directory (made on first use) */
void tx_path(char *out, size_t size, const char *name);   /* tx_root()/name */
void tx_pattern(uint8_t *buf, size_t len, uint32_t seed, uint64_t offset);
void tx_make_tree(const char *src);
int tx_mkfs(const char *img, unsigned block_size, const char *options,
	    const char *src, unsigned size_kib);
int tx_open(struct tx_disk *disk, const char *img);
void tx_close(struct tx_disk *disk);
int tx_fsck(const char *img);            /* e2fsck -fn exit status */
long tx_debugfs_cat(const char *img, const char *path, void *buf, size_t size);
uint32_t tx_resolve(struct ext2_fs *fs, const char *path);   /* 0 if missing */
int tx_run(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
void tx_cleanup(void);
