/*
 * The FILE stream core: the standard streams and the list of every open
 * stream, the buffer (chosen at a stream's first transfer), switching
 * between reading and writing, refilling and flushing, fflush, setvbuf and
 * the indicators. The descriptors underneath are reached only through
 * __libc_stdio_io.
 */
#include <libc_private.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* stdout and stdin learn at their first transfer whether they are a terminal. */
static FILE standard[3] = {
	{ .fd = 0, .flags = __LIBC_STREAM_READ | __LIBC_STREAM_DECIDE, .buffering = _IOFBF, .next = &standard[1] },
	{ .fd = 1, .flags = __LIBC_STREAM_WRITE | __LIBC_STREAM_DECIDE, .buffering = _IOFBF, .next = &standard[2] },
	{ .fd = 2, .flags = __LIBC_STREAM_WRITE, .buffering = _IONBF },
};
FILE *stdin = &standard[0], *stdout = &standard[1], *stderr = &standard[2];
static FILE *streams = &standard[0];

FILE *__libc_stream_open(FILE *f, int fd, unsigned flags)
{
	if (!f) {
		f = calloc(1, sizeof(*f));
		if (!f)
			return NULL;
		flags |= __LIBC_STREAM_OWN_FILE;
	}
	memset(f, 0, sizeof(*f));
	f->fd = fd;
	f->flags = flags | __LIBC_STREAM_DECIDE;
	f->buffering = _IOFBF;
	f->next = streams;
	streams = f;
	return f;
}

/* Chooses f's buffering and buffer at its first transfer. Without memory
 * for a buffer, the stream is unbuffered. */
static void setup(FILE *f)
{
	if (f->flags & __LIBC_STREAM_DECIDE) {
		f->flags &= ~__LIBC_STREAM_DECIDE;
		if (__libc_stdio_io.terminal(f->fd) != 0)
			f->buffering = _IOLBF;  /* a terminal, or the kernel's console for a process with no descriptors */
	}
	if (f->buffer)
		return;
	if (f->buffering != _IONBF) {
		f->buffer = malloc(BUFSIZ);
		f->size = BUFSIZ;
		if (f->buffer) {
			f->flags |= __LIBC_STREAM_OWN_BUFFER;
			return;
		}
		f->buffering = _IONBF;
	}
	f->buffer = &f->byte;
	f->size = 1;
}

size_t __libc_stream_unread(const FILE *f)
{
	return f->state == __LIBC_STREAM_READING ? f->end - f->start + f->npushed : 0;
}

/* Gives the input f has read ahead back to its descriptor, if that can seek,
 * and empties the buffer; input that cannot be given back stays. */
static void give_back_input(FILE *f)
{
	size_t unread = __libc_stream_unread(f);
	if (unread && __libc_stdio_io.seek(f->fd, -(int64_t)unread, SEEK_CUR) < 0)
		return;
	f->state = __LIBC_STREAM_IDLE;
	f->start = f->end = f->npushed = 0;
}

static int fail(FILE *f, int error)
{
	f->flags |= __LIBC_STREAM_ERROR;
	errno = error;
	return -1;
}

int __libc_stream_to_read(FILE *f)
{
	if (!(f->flags & __LIBC_STREAM_READ))
		return fail(f, EBADF);
	if (f->state == __LIBC_STREAM_WRITING && __libc_stream_flush(f) < 0)
		return -1;
	if (f->state != __LIBC_STREAM_READING) {
		setup(f);
		f->state = __LIBC_STREAM_READING;
		f->start = f->end = 0;
	}
	return 0;
}

/* Input that cannot be given back (a terminal, a pipe) is dropped. */
int __libc_stream_to_write(FILE *f)
{
	if (!(f->flags & __LIBC_STREAM_WRITE))
		return fail(f, EBADF);
	if (f->state == __LIBC_STREAM_READING)
		give_back_input(f);
	if (f->state != __LIBC_STREAM_WRITING) {
		setup(f);
		f->state = __LIBC_STREAM_WRITING;
		f->start = f->end = f->npushed = 0;
	}
	return 0;
}

/* Before a program waits for input from a terminal (or an unbuffered
 * stream), what it wrote to line-buffered streams goes out: a prompt
 * without a newline is seen. */
static void flush_line_buffered(void)
{
	for (FILE *s = streams; s; s = s->next) {
		if (s->buffering == _IOLBF && s->state == __LIBC_STREAM_WRITING)
			__libc_stream_flush(s);
	}
}

int __libc_stream_read(FILE *f, void *buf, size_t n)
{
	if (f->flags & __LIBC_STREAM_EOF)
		return 0;  /* the indicator sticks until clearerr, fseek or ungetc */
	if (f->buffering != _IOFBF)
		flush_line_buffered();
	int r = __libc_stdio_io.read(f->fd, buf, n > INT_MAX ? INT_MAX : n);
	if (r == 0)
		f->flags |= __LIBC_STREAM_EOF;
	else if (r < 0)
		f->flags |= __LIBC_STREAM_ERROR;
	return r;
}

int __libc_stream_fill(FILE *f)
{
	int r = __libc_stream_read(f, f->buffer, f->size);
	f->start = 0;
	f->end = r > 0 ? (size_t)r : 0;
	return r;
}

/* Writes all of data, through short writes and interrupted ones. */
static int write_all(FILE *f, const unsigned char *data, size_t n)
{
	while (n > 0) {
		int r = __libc_stdio_io.write(f->fd, data, n > INT_MAX ? INT_MAX : n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return fail(f, r == 0 ? EIO : errno);
		data += r;
		n -= (size_t)r;
	}
	return 0;
}

/* Output that could not be written is dropped, not retried at every call. */
int __libc_stream_flush(FILE *f)
{
	if (f->state != __LIBC_STREAM_WRITING || f->end == 0)
		return 0;
	size_t n = f->end;
	f->end = 0;
	return write_all(f, f->buffer, n) < 0 ? EOF : 0;
}

size_t __libc_stream_put(FILE *f, const void *data, size_t n)
{
	const unsigned char *bytes = data;
	size_t done = 0;
	while (done < n) {
		if (f->end == f->size && __libc_stream_flush(f) < 0)
			return done;
		size_t left = n - done;
		if (f->end == 0 && left >= f->size)  /* it would fill the buffer: write it straight */
			return write_all(f, bytes + done, left) < 0 ? done : n;
		size_t chunk = f->size - f->end < left ? f->size - f->end : left;
		memcpy(f->buffer + f->end, bytes + done, chunk);
		f->end += chunk;
		done += chunk;
	}
	return n;
}

size_t __libc_stream_write(FILE *f, const void *data, size_t n)
{
	if (__libc_stream_to_write(f) < 0)
		return 0;
	size_t done = __libc_stream_put(f, data, n);
	if (done == n && f->buffering == _IOLBF && memchr(data, '\n', n) && __libc_stream_flush(f) < 0)
		return 0;
	return done;
}

int fflush(FILE *f)
{
	if (!f) {
		int r = 0;
		for (FILE *s = streams; s; s = s->next) {
			if (__libc_stream_flush(s) < 0)
				r = EOF;
		}
		return r;
	}
	if (f->state == __LIBC_STREAM_READING)
		give_back_input(f);
	return __libc_stream_flush(f);
}

void __libc_stdio_exit(void)
{
	fflush(NULL);
}

int __libc_stream_release(FILE *f)
{
	int r = fflush(f);
	for (FILE **link = &streams; *link; link = &(*link)->next) {
		if (*link == f) {
			*link = f->next;
			break;
		}
	}
	if (f->flags & __LIBC_STREAM_OWN_BUFFER)
		free(f->buffer);
	f->flags &= ~__LIBC_STREAM_OWN_BUFFER;
	f->buffer = NULL;
	f->state = __LIBC_STREAM_IDLE;
	f->next = NULL;
	return r;
}

/* A buffer given with size 0, or no buffer, means one of BUFSIZ from malloc
 * at the first transfer. Refused while input read ahead cannot be given back. */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return EOF;
	}
	if (fflush(f) < 0 || __libc_stream_unread(f) > 0)
		return EOF;
	if (f->flags & __LIBC_STREAM_OWN_BUFFER)
		free(f->buffer);
	f->flags &= ~(__LIBC_STREAM_OWN_BUFFER | __LIBC_STREAM_DECIDE);
	f->buffering = mode;
	f->state = __LIBC_STREAM_IDLE;
	f->start = f->end = 0;
	f->buffer = mode != _IONBF && buf && size ? (unsigned char *)buf : NULL;
	f->size = f->buffer ? size : 0;
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int feof(FILE *f)
{
	return (f->flags & __LIBC_STREAM_EOF) != 0;
}

int ferror(FILE *f)
{
	return (f->flags & __LIBC_STREAM_ERROR) != 0;
}

void clearerr(FILE *f)
{
	f->flags &= ~(__LIBC_STREAM_EOF | __LIBC_STREAM_ERROR);
}

int fileno(FILE *f)
{
	if (f->fd < 0)
		errno = EBADF;
	return f->fd;
}
