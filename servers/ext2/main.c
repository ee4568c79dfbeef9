/*
 * ext2: the file-system server. VFS mounts it on block devices with
 * FS_MOUNT, up to FS_MOUNTS at once, each under an index of VFS's choice,
 * and then asks it about inodes by mount index and number; the on-disk
 * logic is the library in fs/, shared with the host unit tests.
 */
#include "ext2srv.h"

/* Every request names a mount index; only FS_MOUNT may name a free one. */
static int admit(const message *m)
{
	if (m->fs.mount >= FS_MOUNTS)
		return -EINVAL;
	return ext2_volumes[m->fs.mount].mounted || m->type == FS_MOUNT ? 0 : -EINVAL;
}

/*
 * Modifying requests write everything through before they are answered
 * (cache and superblock; the drive's own cache is the driver's business):
 * if this server dies, the disk holds all it acknowledged, and VFS only
 * sends the request in flight again (see docs/recovery.md).
 */
static int written_through(struct ext2_volume *volume, int r)
{
	int s = volume->mounted ? ext2_sync(&volume->fs) : 0;
	return r >= 0 && s < 0 ? s : r;
}

#define THROUGH(name) \
	static int name##_through(message *m) { return written_through(volume_of(m), name(m)); }
THROUGH(do_write)
THROUGH(do_truncate)
THROUGH(do_create)
THROUGH(do_mkdir)
THROUGH(do_unlink)
THROUGH(do_rmdir)
THROUGH(do_rename)
THROUGH(do_link)
THROUGH(do_symlink)
THROUGH(do_setattr)
THROUGH(do_release)

static const request_handler handlers[] = {
	[FS_MOUNT - FS_BASE] = do_mount,
	[FS_UNMOUNT - FS_BASE] = do_unmount,
	[FS_LOOKUP - FS_BASE] = do_lookup,
	[FS_STAT - FS_BASE] = do_stat,
	[FS_READ - FS_BASE] = do_read,
	[FS_WRITE - FS_BASE] = do_write_through,
	[FS_TRUNCATE - FS_BASE] = do_truncate_through,
	[FS_CREATE - FS_BASE] = do_create_through,
	[FS_MKDIR - FS_BASE] = do_mkdir_through,
	[FS_UNLINK - FS_BASE] = do_unlink_through,
	[FS_RMDIR - FS_BASE] = do_rmdir_through,
	[FS_RENAME - FS_BASE] = do_rename_through,
	[FS_LINK - FS_BASE] = do_link_through,
	[FS_SYMLINK - FS_BASE] = do_symlink_through,
	[FS_READLINK - FS_BASE] = do_readlink,
	[FS_GETDENTS - FS_BASE] = do_getdents,
	[FS_SETATTR - FS_BASE] = do_setattr_through,
	[FS_SYNC - FS_BASE] = do_sync,
	[FS_STATFS - FS_BASE] = do_statfs,
	[FS_RELEASE - FS_BASE] = do_release_through,
};

static const struct service ext2_service = {
	.label = "ext2",
	.base = FS_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.admit = admit,
};

int main(int argc, char **argv)
{
	service_run(&ext2_service, argc, argv);
}
