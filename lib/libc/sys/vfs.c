/*
 * The file system calls, as requests to VFS: open, close, read, write,
 * lseek, dup, dup2, fcntl, pipe, stat, fstat, statvfs, chdir, getcwd, and the
 * terminal calls built on ioctl. Buffers and paths are lent to VFS with
 * grants for the length of one call.
 */
#include <libsys.h>
#include <libc_private.h>
#include "server.h"
#include <string.h>
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include <fcntl.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/mount.h>
#include <samsara/fs.h>
#include <utime.h>
#include <time.h>

/* Sends m to VFS; returns the reply's status, or -1 with errno set. */
static int vfs_call(int type, message *m)
{
	return __libc_call(&__libc_vfs, type, m);
}

/* A request whose data lives in [buf, buf+len), lent to VFS for the call
 * through grant; second, if not NULL, is lent too (through grant2). */
static int vfs_call_lending(int type, message *m, const void *buf, size_t len, uint32_t access,
			    const struct __libc_lend *second)
{
	m->vfs.len = (uint32_t)len;
	struct __libc_lend lends[2] = { { buf, len, access, &m->vfs.grant } };
	if (second)
		lends[1] = *second;
	return __libc_call_lending(&__libc_vfs, type, m, lends, second ? 2 : 1);
}

static int vfs_call_buffer(int type, message *m, const void *buf, size_t len, uint32_t access)
{
	return vfs_call_lending(type, m, buf, len, access, NULL);
}

static int vfs_call_path(int type, message *m, const char *path)
{
	return vfs_call_buffer(type, m, path, strlen(path), GRANT_READ);
}

/* A request naming a path and lending a second buffer of len bytes through grant2. */
static int vfs_call_path_lending(int type, message *m, const char *path, const void *buf, size_t len,
				 uint32_t access)
{
	const struct __libc_lend second = { buf, len, access, &m->vfs.grant2 };  // cppcheck-suppress ctuuninitvar ; lent to be written
	return vfs_call_lending(type, m, path, strlen(path), GRANT_READ, &second);
}

int open(const char *path, int flags, ...)
{
	message m = { 0 };
	va_list ap;
	va_start(ap, flags);
	m.vfs.mode = (flags & O_CREAT) ? va_arg(ap, unsigned) : 0;
	va_end(ap);
	m.vfs.flags = (uint32_t)flags;
	return vfs_call_path(VFS_OPEN, &m, path);
}

int close(int fd)
{
	message m = { 0 };
	m.vfs.fd = fd;
	return vfs_call(VFS_CLOSE, &m);
}

ssize_t read(int fd, void *buf, size_t len)
{
	message m = { 0 };
	m.vfs.fd = fd;
	return vfs_call_buffer(VFS_READ, &m, buf, len, GRANT_WRITE);
}

ssize_t write(int fd, const void *buf, size_t len)
{
	message m = { 0 };
	m.vfs.fd = fd;
	return vfs_call_buffer(VFS_WRITE, &m, buf, len, GRANT_READ);
}

off_t lseek(int fd, off_t offset, int whence)
{
	message m = { 0 };
	m.vfs.fd = fd;
	m.vfs.offset = offset;
	m.vfs.whence = whence;
	return vfs_call(VFS_LSEEK, &m) < 0 ? -1 : m.vfs.offset;
}

int dup(int fd)
{
	message m = { 0 };
	m.vfs.fd = fd;
	return vfs_call(VFS_DUP, &m);
}

int dup2(int fd, int fd2)
{
	message m = { 0 };
	m.vfs.fd = fd;
	m.vfs.fd2 = fd2;
	return vfs_call(VFS_DUP2, &m);
}

int fcntl(int fd, int cmd, ...)
{
	message m = { 0 };
	va_list ap;
	va_start(ap, cmd);
	m.vfs.mode = (cmd == F_DUPFD || cmd == F_SETFD || cmd == F_SETFL) ? va_arg(ap, unsigned) : 0;
	va_end(ap);
	m.vfs.fd = fd;
	m.vfs.flags = (uint32_t)cmd;
	return vfs_call(VFS_FCNTL, &m);
}

int pipe(int fds[2])
{
	message m = { 0 };
	if (vfs_call(VFS_PIPE, &m) < 0)
		return -1;
	fds[0] = m.vfs.fd;
	fds[1] = m.vfs.fd2;
	return 0;
}

int fstat(int fd, struct stat *st)
{
	message m = { 0 };
	m.vfs.fd = fd;
	const struct __libc_lend lend = { st, sizeof(*st), GRANT_WRITE, &m.vfs.grant2 };  // cppcheck-suppress ctuuninitvar ; lent to be written
	return __libc_call_lending(&__libc_vfs, VFS_FSTAT, &m, &lend, 1) < 0 ? -1 : 0;
}

int stat(const char *path, struct stat *st)
{
	message m = { 0 };
	return vfs_call_path_lending(VFS_STAT, &m, path, st, sizeof(*st), GRANT_WRITE) < 0 ? -1 : 0;
}

int chdir(const char *path)
{
	message m = { 0 };
	return vfs_call_path(VFS_CHDIR, &m, path) < 0 ? -1 : 0;
}

char *getcwd(char *buf, size_t size)
{
	message m = { 0 };
	return vfs_call_buffer(VFS_GETCWD, &m, buf, size, GRANT_WRITE) < 0 ? NULL : buf;
}

/* ioctl with an argument buffer of size bytes (or none). */
static int terminal_ioctl(int fd, uint32_t request, void *arg, size_t size, uint32_t mode)
{
	message m = { 0 };
	m.vfs.fd = fd;
	m.vfs.request = request;
	m.vfs.mode = mode;
	if (!arg)
		return vfs_call(VFS_IOCTL, &m);
	return vfs_call_buffer(VFS_IOCTL, &m, arg, size, GRANT_READ | GRANT_WRITE);
}

int tcgetattr(int fd, struct termios *t)
{
	return terminal_ioctl(fd, TCGETS, t, sizeof(*t), 0) < 0 ? -1 : 0;
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	uint32_t request = when == TCSADRAIN ? TCSETSW : when == TCSAFLUSH ? TCSETSF : TCSETS;
	return terminal_ioctl(fd, request, (void *)t, sizeof(*t), 0) < 0 ? -1 : 0;
}

int isatty(int fd)
{
	struct termios t;
	return tcgetattr(fd, &t) == 0;
}

pid_t tcgetpgrp(int fd)
{
	return terminal_ioctl(fd, TIOCGPGRP, NULL, 0, 0);
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return terminal_ioctl(fd, TIOCSPGRP, NULL, 0, (uint32_t)pgrp) < 0 ? -1 : 0;
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	va_start(ap, request);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	int r;
	switch (request) {
	case TCGETS: case TCSETS: case TCSETSW: case TCSETSF:
		r = terminal_ioctl(fd, (uint32_t)request, arg, sizeof(struct termios), 0);
		break;
	case TIOCGWINSZ:
		r = terminal_ioctl(fd, (uint32_t)request, arg, sizeof(struct winsize), 0);
		break;
	case TIOCGPGRP:
		r = terminal_ioctl(fd, (uint32_t)request, NULL, 0, 0);
		if (r >= 0)
			*(pid_t *)arg = r;
		break;
	case TIOCSPGRP:
		r = terminal_ioctl(fd, (uint32_t)request, NULL, 0, (uint32_t)*(const pid_t *)arg);
		break;
	default:
		errno = ENOTTY;
		return -1;
	}
	return r < 0 ? -1 : 0;
}

/* Requests naming a second path (rename, link, symlink), lent through grant2. */
static int vfs_call_two_paths(int type, message *m, const char *first, const char *second)
{
	m->vfs.fd2 = (int32_t)strlen(second);
	return vfs_call_path_lending(type, m, first, second, strlen(second), GRANT_READ);
}

int mkdir(const char *path, mode_t mode)
{
	message m = { 0 };
	m.vfs.mode = mode;
	return vfs_call_path(VFS_MKDIR, &m, path) < 0 ? -1 : 0;
}

int unlink(const char *path)
{
	message m = { 0 };
	return vfs_call_path(VFS_UNLINK, &m, path) < 0 ? -1 : 0;
}

int rmdir(const char *path)
{
	message m = { 0 };
	return vfs_call_path(VFS_RMDIR, &m, path) < 0 ? -1 : 0;
}

int rename(const char *from, const char *to)
{
	message m = { 0 };
	return vfs_call_two_paths(VFS_RENAME, &m, from, to) < 0 ? -1 : 0;
}

int link(const char *existing, const char *name)
{
	message m = { 0 };
	return vfs_call_two_paths(VFS_LINK, &m, existing, name) < 0 ? -1 : 0;
}

int mount(const char *source, const char *target, const char *type, unsigned long flags, const void *data)
{
	message m = { 0 };
	(void)data;
	if (type && strcmp(type, "ext2") != 0) {
		errno = ENODEV;   /* the only file system there is */
		return -1;
	}
	if (flags & ~(unsigned long)MS_RDONLY) {
		errno = EINVAL;
		return -1;
	}
	m.vfs.flags = (flags & MS_RDONLY) ? VFS_MOUNT_RDONLY : 0;
	return vfs_call_two_paths(VFS_MOUNT, &m, source, target) < 0 ? -1 : 0;
}

int umount(const char *target)
{
	message m = { 0 };
	return vfs_call_path(VFS_UMOUNT, &m, target) < 0 ? -1 : 0;
}

int symlink(const char *target, const char *name)
{
	message m = { 0 };
	return vfs_call_two_paths(VFS_SYMLINK, &m, target, name) < 0 ? -1 : 0;
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	message m = { 0 };
	m.vfs.fd2 = (int32_t)size;
	return vfs_call_path_lending(VFS_READLINK, &m, path, buf, size, GRANT_WRITE);
}

int chmod(const char *path, mode_t mode)
{
	message m = { 0 };
	m.vfs.mode = mode;
	return vfs_call_path(VFS_CHMOD, &m, path) < 0 ? -1 : 0;
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	message m = { 0 };
	m.vfs.flags = uid;
	m.vfs.mode = gid;
	return vfs_call_path(VFS_CHOWN, &m, path) < 0 ? -1 : 0;
}

int truncate(const char *path, off_t size)
{
	message m = { 0 };
	m.vfs.offset = size;
	return vfs_call_path(VFS_TRUNCATE, &m, path) < 0 ? -1 : 0;
}

int ftruncate(int fd, off_t size)
{
	message m = { 0 };
	m.vfs.fd = fd;
	m.vfs.offset = size;
	return vfs_call(VFS_FTRUNCATE, &m) < 0 ? -1 : 0;
}

void sync(void)
{
	message m = { 0 };
	vfs_call(VFS_SYNC, &m);
}

int getdents(int fd, void *buf, size_t len)
{
	message m = { 0 };
	m.vfs.fd = fd;
	return vfs_call_buffer(VFS_GETDENTS, &m, buf, len, GRANT_WRITE);
}

int access(const char *path, int how)
{
	message m = { 0 };
	m.vfs.flags = (uint32_t)how;
	return vfs_call_path(VFS_ACCESS, &m, path) < 0 ? -1 : 0;
}

int lstat(const char *path, struct stat *st)
{
	message m = { 0 };
	return vfs_call_path_lending(VFS_LSTAT, &m, path, st, sizeof(*st), GRANT_WRITE) < 0 ? -1 : 0;
}

int statvfs(const char *path, struct statvfs *buf)
{
	struct fs_statfs fs;
	message m = { 0 };
	int r = vfs_call_path_lending(VFS_STATFS, &m, path, &fs, sizeof(fs), GRANT_WRITE);
	if (r < 0)
		return -1;
	*buf = (struct statvfs){
		.f_bsize = fs.block_size, .f_frsize = fs.block_size,
		.f_blocks = fs.blocks, .f_bfree = fs.free_blocks, .f_bavail = fs.avail_blocks,
		.f_files = fs.inodes, .f_ffree = fs.free_inodes, .f_favail = fs.free_inodes,
		.f_namemax = fs.name_max,
	};
	return 0;
}

int utime(const char *path, const struct utimbuf *times)
{
	message m = { 0 };
	time_t now = times ? 0 : time(NULL);
	m.vfs.flags = (uint32_t)(times ? times->actime : now);
	m.vfs.mode = (uint32_t)(times ? times->modtime : now);
	return vfs_call_path(VFS_UTIME, &m, path) < 0 ? -1 : 0;
}

mode_t umask(mode_t mask)
{
	message m = { 0 };
	m.vfs.mode = mask;
	int old = vfs_call(VFS_UMASK, &m);
	return old < 0 ? 022 : (mode_t)old;
}
