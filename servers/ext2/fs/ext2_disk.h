/*
 * ext2's on-disk structures (revision 1, as written by mke2fs), the field
 * names of the Linux documentation. Everything on disk is little-endian, like
 * i386 and the hosts the unit tests run on, so the structures are used as
 * they are; the size asserts pin their layouts.
 */
#pragma once

#include <stdint.h>

#define EXT2_MAGIC              0xEF53
#define EXT2_SUPER_OFFSET       1024     /* byte offset of the superblock */
#define EXT2_SUPER_SIZE         1024
#define EXT2_ROOT_INO           2
#define EXT2_GOOD_OLD_FIRST_INO 11       /* first ordinary inode in revision 0 */
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_N_DIRECT           12       /* i_block[0..11] map blocks directly */
#define EXT2_IND_BLOCK          12       /* then single, double, triple indirect */
#define EXT2_DIND_BLOCK         13
#define EXT2_TIND_BLOCK         14
#define EXT2_N_BLOCKS           15
#define EXT2_LINK_MAX           32000
#define EXT2_FAST_SYMLINK_MAX   59       /* a target this long fits in i_block */

/* s_state */
#define EXT2_VALID_FS           0x0001   /* cleanly unmounted */
#define EXT2_ERROR_FS           0x0002   /* errors were detected */

/* s_feature_compat: harmless to an implementation that ignores them. */
#define EXT2_FEATURE_COMPAT_DIR_INDEX      0x0020

/* s_feature_ro_compat: writing without understanding them breaks them. */
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER 0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE   0x0002
#define EXT2_FEATURE_RO_COMPAT_BTREE_DIR    0x0004   /* never used by Linux */
#define EXT2_RO_COMPAT_SUPPORTED (EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | \
				  EXT2_FEATURE_RO_COMPAT_LARGE_FILE | \
				  EXT2_FEATURE_RO_COMPAT_BTREE_DIR)

/* s_feature_incompat: reading without understanding them is wrong. */
#define EXT2_FEATURE_INCOMPAT_FILETYPE     0x0002
#define EXT2_INCOMPAT_SUPPORTED EXT2_FEATURE_INCOMPAT_FILETYPE

/* i_mode file types */
#define EXT2_S_IFMT   0xF000
#define EXT2_S_IFSOCK 0xC000
#define EXT2_S_IFLNK  0xA000
#define EXT2_S_IFREG  0x8000
#define EXT2_S_IFBLK  0x6000
#define EXT2_S_IFDIR  0x4000
#define EXT2_S_IFCHR  0x2000
#define EXT2_S_IFIFO  0x1000

/* i_flags */
#define EXT2_INDEX_FL 0x00001000   /* directory has a hashed index (htree) */

/* Directory entry file types (with the filetype feature). */
#define EXT2_FT_UNKNOWN  0
#define EXT2_FT_REG_FILE 1
#define EXT2_FT_DIR      2
#define EXT2_FT_CHRDEV   3
#define EXT2_FT_BLKDEV   4
#define EXT2_FT_FIFO     5
#define EXT2_FT_SOCK     6
#define EXT2_FT_SYMLINK  7

/* Extended attribute block header (only its refcount is touched). */
#define EXT2_XATTR_MAGIC 0xEA020000u

#define EXT2_OS_LINUX 0

struct ext2_super_block {
	uint32_t s_inodes_count;
	uint32_t s_blocks_count;
	uint32_t s_r_blocks_count;
	uint32_t s_free_blocks_count;
	uint32_t s_free_inodes_count;
	uint32_t s_first_data_block;     /* 1 with 1 KiB blocks, else 0 */
	uint32_t s_log_block_size;       /* block size is 1024 << this */
	uint32_t s_log_frag_size;
	uint32_t s_blocks_per_group;
	uint32_t s_frags_per_group;
	uint32_t s_inodes_per_group;
	uint32_t s_mtime;
	uint32_t s_wtime;
	uint16_t s_mnt_count;
	int16_t s_max_mnt_count;
	uint16_t s_magic;
	uint16_t s_state;
	uint16_t s_errors;
	uint16_t s_minor_rev_level;
	uint32_t s_lastcheck;
	uint32_t s_checkinterval;
	uint32_t s_creator_os;
	uint32_t s_rev_level;
	uint16_t s_def_resuid;
	uint16_t s_def_resgid;
	/* revision 1 (EXT2_DYNAMIC_REV) */
	uint32_t s_first_ino;
	uint16_t s_inode_size;
	uint16_t s_block_group_nr;
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t s_uuid[16];
	char s_volume_name[16];
	char s_last_mounted[64];
	uint32_t s_algorithm_usage_bitmap;
	uint8_t s_prealloc_blocks;
	uint8_t s_prealloc_dir_blocks;
	uint16_t s_reserved_gdt_blocks;
	uint8_t s_journal_uuid[16];
	uint32_t s_journal_inum;
	uint32_t s_journal_dev;
	uint32_t s_last_orphan;
	uint32_t s_hash_seed[4];
	uint8_t s_def_hash_version;
	uint8_t s_jnl_backup_type;
	uint16_t s_desc_size;
	uint32_t s_default_mount_opts;
	uint32_t s_first_meta_bg;
	uint32_t s_mkfs_time;
	uint32_t s_jnl_blocks[17];
	uint8_t s_reserved[688];         /* later ext3/ext4 fields, kept as read */
};
_Static_assert(sizeof(struct ext2_super_block) == EXT2_SUPER_SIZE, "superblock layout");

struct ext2_group_desc {
	uint32_t bg_block_bitmap;
	uint32_t bg_inode_bitmap;
	uint32_t bg_inode_table;
	uint16_t bg_free_blocks_count;
	uint16_t bg_free_inodes_count;
	uint16_t bg_used_dirs_count;
	uint16_t bg_flags;
	uint8_t bg_reserved[12];
};
_Static_assert(sizeof(struct ext2_group_desc) == 32, "group descriptor layout");

/* The first 128 bytes of an inode; larger inodes keep the rest untouched. */
struct ext2_inode {
	uint16_t i_mode;
	uint16_t i_uid;
	uint32_t i_size;
	uint32_t i_atime;
	uint32_t i_ctime;
	uint32_t i_mtime;
	uint32_t i_dtime;                /* deletion time; 0 while in use */
	uint16_t i_gid;
	uint16_t i_links_count;
	uint32_t i_blocks;               /* 512-byte sectors, indirect blocks included */
	uint32_t i_flags;
	uint32_t i_osd1;
	uint32_t i_block[EXT2_N_BLOCKS];
	uint32_t i_generation;
	uint32_t i_file_acl;             /* extended attribute block */
	uint32_t i_size_high;            /* regular files: bits 32..63 of the size */
	uint32_t i_faddr;
	uint16_t i_blocks_hi;            /* Linux's osd2 */
	uint16_t i_file_acl_high;
	uint16_t i_uid_high;
	uint16_t i_gid_high;
	uint16_t i_checksum_lo;
	uint16_t i_reserved2;
};
_Static_assert(sizeof(struct ext2_inode) == EXT2_GOOD_OLD_INODE_SIZE, "inode layout");

/* A directory entry: header, then name_len bytes of name, padded to 4. */
struct ext2_dir_entry {
	uint32_t inode;                  /* 0: unused entry */
	uint16_t rec_len;                /* distance to the next entry */
	uint8_t name_len;
	uint8_t file_type;
	char name[];
};
_Static_assert(sizeof(struct ext2_dir_entry) == 8, "directory entry layout");
#define EXT2_DIR_ENTRY_HEADER 8
#define EXT2_DIR_REC_LEN(name_len) ((EXT2_DIR_ENTRY_HEADER + (name_len) + 3u) & ~3u)
