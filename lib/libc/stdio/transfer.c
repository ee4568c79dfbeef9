/* Moving bytes through a stream: fread and fwrite, and one character at a
 * time with fgetc, getc, getchar, ungetc, fputc, putc and putchar. */
#include <libc_private.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int fgetc(FILE *f)
{
	if (__libc_stream_to_read(f) < 0)
		return EOF;
	if (f->npushed)
		return f->pushed[--f->npushed];
	if (f->start == f->end && __libc_stream_fill(f) <= 0)
		return EOF;
	return f->buffer[f->start++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || __libc_stream_to_read(f) < 0 || f->npushed == __LIBC_STREAM_PUSHBACK_MAX)
		return EOF;
	f->pushed[f->npushed++] = (unsigned char)c;
	f->flags &= ~__LIBC_STREAM_EOF;
	return (unsigned char)c;
}

/* The byte count of count items of size, or 0 with EINVAL if it overflows. */
static size_t total_size(size_t size, size_t count)
{
	if (size && count > SIZE_MAX / size) {
		errno = EINVAL;
		return 0;
	}
	return size * count;
}

/* A request at least as large as the buffer is read straight into place. */
size_t fread(void *data, size_t size, size_t count, FILE *f)
{
	size_t want = total_size(size, count), got = 0;
	unsigned char *out = data;
	if (want == 0 || __libc_stream_to_read(f) < 0)
		return 0;
	while (got < want && f->npushed)
		out[got++] = f->pushed[--f->npushed];
	while (got < want) {
		size_t have = f->end - f->start;
		if (have == 0 && want - got >= f->size) {
			int r = __libc_stream_read(f, out + got, want - got);
			if (r <= 0)
				break;
			got += (size_t)r;
			continue;
		}
		if (have == 0 && __libc_stream_fill(f) <= 0)
			break;
		size_t chunk = f->end - f->start < want - got ? f->end - f->start : want - got;
		memcpy(out + got, f->buffer + f->start, chunk);
		f->start += chunk;
		got += chunk;
	}
	return got / size;
}

size_t fwrite(const void *data, size_t size, size_t count, FILE *f)
{
	size_t n = total_size(size, count);
	return n ? __libc_stream_write(f, data, n) / size : 0;
}

int fputc(int c, FILE *f)
{
	unsigned char byte = (unsigned char)c;
	return __libc_stream_write(f, &byte, 1) == 1 ? byte : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}
