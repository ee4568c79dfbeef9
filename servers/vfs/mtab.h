/*
 * The pure parts of the mount table, shared with the host unit tests
 * (tests/unit/test_vfs_mtab.c): its text as /proc/mounts shows it, and
 * the order in which shutdown unmounts.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/*
 * Writes the line "device dir type rw|ro 0 0\n" at buf + at (blanks, tabs,
 * newlines and backslashes in names as \ooo), never past buf + size;
 * returns at plus the line's whole length, as snprintf counts.
 */
size_t mtab_line(char *buf, size_t size, size_t at, const char *device, const char *dir,
		 const char *type, bool read_only);

/*
 * parent[i]: the mount that mount i lies on (-1 for the root), for the
 * count mounts with used[i]. Fills order with the used mounts, every one
 * before the mount it lies on (innermost first); returns how many.
 */
int mtab_unmount_order(const int *parent, const bool *used, int count, int *order);
