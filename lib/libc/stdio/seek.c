/* Positioning a stream: fseek, fseeko, ftell, ftello, rewind. The position
 * is the descriptor's offset less the input read ahead, or plus the output
 * not yet written. */
#include <libc_private.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>

/* Writes what is pending, forgets what was read ahead (and pushed back),
 * clears the end-of-file indicator. */
int fseeko(FILE *f, off_t offset, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (__libc_stream_flush(f) < 0)
		return -1;
	if (whence == SEEK_CUR)
		offset -= (off_t)__libc_stream_unread(f);
	if (__libc_stdio_io.seek(f->fd, offset, whence) < 0)
		return -1;
	f->state = __LIBC_STREAM_IDLE;
	f->start = f->end = f->npushed = 0;
	f->flags &= ~__LIBC_STREAM_EOF;
	return 0;
}

int fseek(FILE *f, long offset, int whence)
{
	return fseeko(f, offset, whence);
}

/* Output waiting in append mode goes to the end, wherever the offset is:
 * it is written first. */
off_t ftello(FILE *f)
{
	if ((f->flags & __LIBC_STREAM_APPEND) && __libc_stream_flush(f) < 0)
		return -1;
	off_t at = __libc_stdio_io.seek(f->fd, 0, SEEK_CUR);
	if (at < 0)
		return -1;
	if (f->state == __LIBC_STREAM_WRITING)
		return at + (off_t)f->end;
	return at - (off_t)__libc_stream_unread(f);
}

long ftell(FILE *f)
{
	off_t at = ftello(f);
	if (at > LONG_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (long)at;
}

void rewind(FILE *f)
{
	fseeko(f, 0, SEEK_SET);
	f->flags &= ~__LIBC_STREAM_ERROR;
}
