/*
 * VFS: file descriptors, path names, pipes and device files for every
 * program. PM tells it when processes fork, exec and exit. Drivers tell it
 * (with a notify) when a suspended device request has finished.
 */
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
	[VFS_PM_FORK - VFS_BASE] = do_pm_fork,
	[VFS_PM_EXIT - VFS_BASE] = do_pm_exit,
	[VFS_PM_EXEC - VFS_BASE] = do_pm_exec,
	[VFS_PM_INIT - VFS_BASE] = do_pm_init,
};

static void vfs_notify(const message *m)
{
	if (endpoint_is_process(m->source))
		device_notify(m->source);
}

static const struct service vfs_service = {
	.label = "vfs",
	.base = VFS_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.notify = vfs_notify,
};

int main(int argc, char **argv)
{
	service_run(&vfs_service, argc, argv);
}
