/*
 * VFS: file descriptors, path names, pipes and device files for every
 * program. PM tells it when processes fork, exec and exit. Drivers tell it
 * (with a notify) when a suspended device request has finished; VFS tells PM
 * (with a notify) when it has a signal for a process.
 */
#include <ds.h>
#include "vfs.h"

static const request_handler handlers[] = {
	[VFS_OPEN - VFS_BASE] = do_open,
	[VFS_CLOSE - VFS_BASE] = do_close,
	[VFS_READ - VFS_BASE] = do_read,
	[VFS_WRITE - VFS_BASE] = do_write,
	[VFS_LSEEK - VFS_BASE] = do_lseek,
	[VFS_DUP - VFS_BASE] = do_dup,
	[VFS_DUP2 - VFS_BASE] = do_dup2,
	[VFS_FCNTL - VFS_BASE] = do_fcntl,
	[VFS_PIPE - VFS_BASE] = do_pipe,
	[VFS_IOCTL - VFS_BASE] = do_ioctl,
	[VFS_FSTAT - VFS_BASE] = do_fstat,
	[VFS_STAT - VFS_BASE] = do_stat,
	[VFS_CHDIR - VFS_BASE] = do_chdir,
	[VFS_GETCWD - VFS_BASE] = do_getcwd,
	[VFS_GETDENTS - VFS_BASE] = do_getdents,
	[VFS_MKDIR - VFS_BASE] = do_mkdir,
	[VFS_UNLINK - VFS_BASE] = do_unlink,
	[VFS_RMDIR - VFS_BASE] = do_rmdir,
	[VFS_RENAME - VFS_BASE] = do_rename,
	[VFS_LINK - VFS_BASE] = do_link,
	[VFS_SYMLINK - VFS_BASE] = do_symlink,
	[VFS_READLINK - VFS_BASE] = do_readlink,
	[VFS_CHMOD - VFS_BASE] = do_chmod,
	[VFS_CHOWN - VFS_BASE] = do_chown,
	[VFS_TRUNCATE - VFS_BASE] = do_truncate,
	[VFS_FTRUNCATE - VFS_BASE] = do_ftruncate,
	[VFS_SYNC - VFS_BASE] = do_sync,
	[VFS_STATFS - VFS_BASE] = do_statfs,
	[VFS_LSTAT - VFS_BASE] = do_lstat,
	[VFS_UTIME - VFS_BASE] = do_utime,
	[VFS_UMASK - VFS_BASE] = do_umask,
	[VFS_ACCESS - VFS_BASE] = do_access,
	[VFS_MOUNT - VFS_BASE] = do_mount,
	[VFS_UMOUNT - VFS_BASE] = do_umount,
	[VFS_PM_FORK - VFS_BASE] = do_pm_fork,
	[VFS_PM_EXIT - VFS_BASE] = do_pm_exit,
	[VFS_PM_EXEC - VFS_BASE] = do_pm_exec,
	[VFS_PM_INIT - VFS_BASE] = do_pm_init,
	[VFS_PM_UNPAUSE - VFS_BASE] = do_pm_unpause,
	[VFS_PM_SHUTDOWN - VFS_BASE] = do_pm_shutdown,
	[VFS_PM_TAKE_SIGNAL - VFS_BASE] = do_pm_take_signal,
	[VFS_PM_SETUID - VFS_BASE] = do_pm_setuid,
	[VFS_PM_RESTORE - VFS_BASE] = do_pm_restore,
};

/* What PM tells VFS about processes only PM may tell. */
static int admit(const message *m)
{
	return m->type < VFS_PM_FORK || m->source == vfs_pm_endpoint() ? 0 : -EPERM;
}

/* A driver finished suspended requests; or DS: a driver has a new instance. */
static void vfs_notify(const message *m)
{
	if (ds_is_endpoint(m->source)) {
		char key[DS_KEY_MAX];
		uint32_t kind;
		while (ds_check(key, &kind) == 0)
			if (kind == DS_ENDPOINT)
				device_restarted(key);
	} else if (endpoint_is_process(m->source)) {
		device_notify(m->source);
	}
}

/* Mounts the root file system (mount.c). Without it, only /dev exists. */
static int vfs_init(bool restarted)
{
	/* the drivers behind /dev: VFS hears when RS replaces one */
	ds_subscribe("tty");
	ds_subscribe("memory");
	int r = mount_root();
	if (r < 0)
		service_log("no root file system (error %d): only /dev is available", r);
	if (mirror_init() && restarted)
		mirror_recover();
	return 0;
}

static const struct service vfs_service = {
	.label = "vfs",
	.base = VFS_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.notify = vfs_notify,
	.init = vfs_init,
	.admit = admit,
	.commit = mirror_commit,
};

int main(int argc, char **argv)
{
	service_run(&vfs_service, argc, argv);
}
