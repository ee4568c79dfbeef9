/*
 * The descriptors under libc's FILE streams: VFS's system calls. A process
 * VFS does not know (a system service, or anything before VFS runs) has no
 * descriptors: what it writes to standard output or error goes to the
 * kernel's log console instead (KC_DIAG), and it counts as a terminal, so
 * that stdout is line-buffered there.
 */
#include <libc_private.h>
#include <libsys.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <unistd.h>

#define DIAG_CHUNK 1024  /* the most KC_DIAG takes at once */

static bool console_only;  /* VFS does not know this process */

static bool no_descriptors(int error)
{
	return error == EBADF || error == ENOSYS;
}

static int console_write(const char *buf, size_t len)
{
	for (size_t done = 0; done < len; done += DIAG_CHUNK) {
		size_t chunk = len - done < DIAG_CHUNK ? len - done : DIAG_CHUNK;
		if (sys_diag(buf + done, chunk) < 0) {
			errno = EBADF;  /* not a system process: no console either */
			return -1;
		}
	}
	console_only = true;
	return (int)len;
}

static int descriptor_write(int fd, const void *buf, size_t len)
{
	bool standard = fd == STDOUT_FILENO || fd == STDERR_FILENO;
	if (!standard || !console_only) {
		ssize_t n = write(fd, buf, len);
		if (n >= 0 || !standard || !no_descriptors(errno))
			return (int)n;
	}
	return console_write(buf, len);
}

static int descriptor_open(const char *path, int flags, int mode)
{
	return open(path, flags, mode);
}

static int descriptor_read(int fd, void *buf, size_t len)
{
	return (int)read(fd, buf, len);
}

static int64_t descriptor_seek(int fd, int64_t offset, int whence)
{
	return lseek(fd, offset, whence);
}

static int descriptor_terminal(int fd)
{
	if (isatty(fd))
		return 1;
	return no_descriptors(errno) ? -1 : 0;
}

static int descriptor_access_mode(int fd)
{
	int flags = fcntl(fd, F_GETFL);
	return flags < 0 ? -1 : flags & O_ACCMODE;
}

const struct __libc_stdio_ops __libc_stdio_io = {
	.open = descriptor_open,
	.read = descriptor_read,
	.write = descriptor_write,
	.seek = descriptor_seek,
	.close = close,
	.terminal = descriptor_terminal,
	.access_mode = descriptor_access_mode,
};
