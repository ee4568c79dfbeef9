/*
 * Formatted output and input on streams: the printf and scanf families over
 * the formatting cores, perror, and libc's own diagnostics (getopt's), which
 * go to stderr. One printf is one write on an unbuffered stream (stderr),
 * and at most one flush on a line-buffered one, so that lines from several
 * processes do not interleave mid-line.
 */
#include <libc_private.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define UNBUFFERED_PRINTF_BUFFER 1024  /* on the stack while printf writes to an unbuffered stream */

struct stream_sink {
	FILE *stream;
	bool failed;
	bool newline;
};

static void stream_sink(void *context, const char *text, size_t length)
{
	struct stream_sink *sink = context;
	if (!sink->failed && __libc_stream_put(sink->stream, text, length) != length)
		sink->failed = true;
	if (!sink->newline && memchr(text, '\n', length))
		sink->newline = true;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	unsigned char local[UNBUFFERED_PRINTF_BUFFER];
	if (__libc_stream_to_write(f) < 0)
		return -1;
	bool unbuffered = f->buffering == _IONBF;
	if (unbuffered) {  /* a buffer for this call only */
		f->buffer = local;
		f->size = sizeof(local);
	}
	struct stream_sink sink = { f, false, false };
	int n = __libc_vformat(stream_sink, &sink, fmt, ap);
	if ((unbuffered || (f->buffering == _IOLBF && sink.newline)) && __libc_stream_flush(f) < 0)
		sink.failed = true;
	if (unbuffered) {
		f->buffer = &f->byte;
		f->size = 1;
	}
	return sink.failed ? -1 : n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

static int stream_next(void *context)
{
	return fgetc(context);
}

static void stream_push_back(void *context, int c)
{
	ungetc(c, context);
}

int vfscanf(FILE *f, const char *fmt, va_list ap)
{
	struct __libc_scan_input input = { stream_next, stream_push_back, f };
	return __libc_vscan(&input, fmt, ap);
}

int fscanf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfscanf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vscanf(const char *fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int scanf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}

void perror(const char *s)
{
	const char *message = strerror(errno);
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, message);
	else
		fprintf(stderr, "%s\n", message);
}

void __libc_error_message(const char *text)
{
	fputs(text, stderr);
}
