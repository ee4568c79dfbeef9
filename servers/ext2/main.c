/*
 * ext2: the file-system server. VFS mounts it on a block device with
 * FS_MOUNT and then asks it about inodes by number; the on-disk logic is the
 * library in fs/, shared with the host unit tests.
 */
#include "ext2srv.h"

/* Until VFS has mounted us, FS_MOUNT is the only request that makes sense. */
static int admit(const message *m)
{
	return ext2_mounted || m->type == FS_MOUNT || m->type == FS_SYNC ? 0 : -EINVAL;
}

static const request_handler handlers[] = {
	[FS_MOUNT - FS_BASE] = do_mount,
	[FS_UNMOUNT - FS_BASE] = do_unmount,
	[FS_LOOKUP - FS_BASE] = do_lookup,
	[FS_STAT - FS_BASE] = do_stat,
	[FS_READ - FS_BASE] = do_read,
	[FS_WRITE - FS_BASE] = do_write,
	[FS_TRUNCATE - FS_BASE] = do_truncate,
	[FS_CREATE - FS_BASE] = do_create,
	[FS_MKDIR - FS_BASE] = do_mkdir,
	[FS_UNLINK - FS_BASE] = do_unlink,
	[FS_RMDIR - FS_BASE] = do_rmdir,
	[FS_RENAME - FS_BASE] = do_rename,
	[FS_LINK - FS_BASE] = do_link,
	[FS_SYMLINK - FS_BASE] = do_symlink,
	[FS_READLINK - FS_BASE] = do_readlink,
	[FS_GETDENTS - FS_BASE] = do_getdents,
	[FS_SETATTR - FS_BASE] = do_setattr,
	[FS_SYNC - FS_BASE] = do_sync,
	[FS_STATFS - FS_BASE] = do_statfs,
	[FS_RELEASE - FS_BASE] = do_release,
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
