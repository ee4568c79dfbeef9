/*
 * Unit tests for VFS's mount table text and unmount order
 * (servers/vfs/mtab.c): /proc/mounts lines with escaped names, bounded
 * writes, and shutdown unmounting every mount before the one it lies on.
 */
#include <string.h>

#include "mtab.h"
#include "unit.h"

static void lines_read_as_proc_mounts(void)
{
	char buf[128];
	size_t at = mtab_line(buf, sizeof(buf), 0, "/dev/hd0p1", "/", "ext2", false);
	at = mtab_line(buf, sizeof(buf), at, "/dev/ram0", "/mnt/ram", "ext2", true);
	CHECK(strcmp(buf, "/dev/hd0p1 / ext2 rw 0 0\n/dev/ram0 /mnt/ram ext2 ro 0 0\n") == 0);
	CHECK(at == strlen(buf));
}

static void blanks_and_backslashes_in_names_are_escaped(void)
{
	char buf[128];
	mtab_line(buf, sizeof(buf), 0, "/dev/hd1", "/my disk\\\t\n", "ext2", false);
	CHECK(strcmp(buf, "/dev/hd1 /my\\040disk\\134\\011\\012 ext2 rw 0 0\n") == 0);
}

static void a_short_buffer_is_never_overrun_and_the_length_still_counts(void)
{
	char buf[16];
	memset(buf, 'x', sizeof(buf));
	size_t at = mtab_line(buf, 10, 0, "/dev/hd0p1", "/", "ext2", false);
	CHECK(at == strlen("/dev/hd0p1 / ext2 rw 0 0\n"));
	CHECK(buf[10] == 'x');
	at = mtab_line(buf, 10, at, "/dev/hd1", "/mnt", "ext2", false);
	CHECK(at == strlen("/dev/hd0p1 / ext2 rw 0 0\n") + strlen("/dev/hd1 /mnt ext2 rw 0 0\n"));
	CHECK(buf[10] == 'x');
}

/* Where i lies in order, or -1. */
static int position(const int *order, int n, int i)
{
	for (int k = 0; k < n; k++)
		if (order[k] == i)
			return k;
	return -1;
}

static void shutdown_unmounts_inner_mounts_first(void)
{
	/* 0 is the root; 3 on 0; 1 on 3; 2 on 1; 5 on 0; 4 free */
	int parent[6] = { -1, 3, 1, 0, -1, 0 }, order[6];
	bool used[6] = { true, true, true, true, false, true };
	int n = mtab_unmount_order(parent, used, 6, order);
	CHECK(n == 5);
	CHECK(position(order, n, 4) == -1);
	CHECK(position(order, n, 2) < position(order, n, 1));
	CHECK(position(order, n, 1) < position(order, n, 3));
	CHECK(position(order, n, 3) < position(order, n, 0));
	CHECK(position(order, n, 5) < position(order, n, 0));
	CHECK(order[n - 1] == 0);
}

static void the_root_alone_is_unmounted_alone(void)
{
	int parent[2] = { -1, -1 }, order[2];
	bool used[2] = { true, false };
	CHECK(mtab_unmount_order(parent, used, 2, order) == 1);
	CHECK(order[0] == 0);
}

int main(void)
{
	RUN(lines_read_as_proc_mounts);
	RUN(blanks_and_backslashes_in_names_are_escaped);
	RUN(a_short_buffer_is_never_overrun_and_the_length_still_counts);
	RUN(shutdown_unmounts_inner_mounts_first);
	RUN(the_root_alone_is_unmounted_alone);
	return unit_summary();
}
