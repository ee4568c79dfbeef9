/* Opening and closing streams: the mode strings, fopen, fdopen, freopen,
 * fclose. Files are created with mode 0666, less the umask. */
#include <libc_private.h>
#include <errno.h>
#include <samsara/fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

int __libc_stream_mode(const char *mode, int *open_flags, unsigned *stream_flags)
{
	int flags;
	unsigned stream;
	switch (mode[0]) {
	case 'r': flags = O_RDONLY; stream = __LIBC_STREAM_READ; break;
	case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; stream = __LIBC_STREAM_WRITE; break;
	case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; stream = __LIBC_STREAM_WRITE | __LIBC_STREAM_APPEND; break;
	default: errno = EINVAL; return -1;
	}
	for (const char *c = mode + 1; *c; c++) {
		if (*c == '+') {
			flags = (flags & ~O_ACCMODE) | O_RDWR;
			stream |= __LIBC_STREAM_READ | __LIBC_STREAM_WRITE;
		} else if (*c == 'x' && mode[0] != 'r') {
			flags |= O_EXCL;
		} else if (*c == 'e') {
			flags |= O_CLOEXEC;
		} else if (*c != 'b') {
			errno = EINVAL;
			return -1;
		}
	}
	*open_flags = flags;
	*stream_flags = stream;
	return 0;
}

FILE *fopen(const char *path, const char *mode)
{
	int flags;
	unsigned stream;
	if (__libc_stream_mode(mode, &flags, &stream) < 0)
		return NULL;
	int fd = __libc_stdio_io.open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	if (mode[0] == 'a' && !(stream & __LIBC_STREAM_READ))
		__libc_stdio_io.seek(fd, 0, SEEK_END);  /* ftell tells the end at once, as glibc's does */
	FILE *f = __libc_stream_open(NULL, fd, stream);
	if (!f) {
		__libc_stdio_io.close(fd);
		errno = ENOMEM;
	}
	return f;
}

/* The mode must fit how fd was opened ("r" not on a write-only descriptor...). */
FILE *fdopen(int fd, const char *mode)
{
	int flags;
	unsigned stream;
	if (__libc_stream_mode(mode, &flags, &stream) < 0)
		return NULL;
	int access = __libc_stdio_io.access_mode(fd);
	if (access < 0)
		return NULL;
	if (((stream & __LIBC_STREAM_READ) && access == O_WRONLY) ||
	    ((stream & __LIBC_STREAM_WRITE) && access == O_RDONLY)) {
		errno = EINVAL;
		return NULL;
	}
	FILE *f = __libc_stream_open(NULL, fd, stream);
	if (!f)
		errno = ENOMEM;
	return f;
}

/* Closes f's file and opens path in its place, keeping f (and an unbuffered
 * stderr unbuffered). If that fails, f stays closed. Changing only the mode
 * (path NULL) is not supported. */
FILE *freopen(const char *path, const char *mode, FILE *f)
{
	int flags;
	unsigned stream;
	bool unbuffered = f->buffering == _IONBF;
	unsigned own = f->flags & __LIBC_STREAM_OWN_FILE;
	__libc_stream_release(f);
	if (f->fd >= 0)
		__libc_stdio_io.close(f->fd);
	f->fd = -1;
	f->flags = own;
	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	int fd = __libc_stream_mode(mode, &flags, &stream) < 0 ? -1 : __libc_stdio_io.open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	__libc_stream_open(f, fd, stream | own);
	if (unbuffered)
		setvbuf(f, NULL, _IONBF, 0);
	return f;
}

/* A standard stream stays a FILE, closed: what uses it fails with EBADF. */
int fclose(FILE *f)
{
	int r = __libc_stream_release(f);
	if (f->fd >= 0 && __libc_stdio_io.close(f->fd) < 0)
		r = EOF;
	if (f->flags & __LIBC_STREAM_OWN_FILE) {
		free(f);
	} else {
		f->fd = -1;
		f->flags = 0;
	}
	return r;
}
