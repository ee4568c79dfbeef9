/* Formatting into a caller's buffer: snprintf, vsnprintf, sprintf, vsprintf. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <libc_private.h>

/* A buffer of size bytes, of which the first size - 1 can hold text. */
struct buffer {
	char *text;
	size_t size;
	size_t used;
};

/* Keeps what fits, leaving room for the NUL; the rest only counts. */
static void buffer_sink(void *context, const char *text, size_t length)
{
	struct buffer *b = context;
	size_t room = b->used + 1 < b->size ? b->size - 1 - b->used : 0;
	size_t copy = length < room ? length : room;
	if (copy) {
		memcpy(b->text + b->used, text, copy);
		b->used += copy;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buffer b = { buf, size, 0 };
	int n = __libc_vformat(buffer_sink, &b, fmt, ap);
	if (size)
		buf[b.used] = '\0';
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* The caller promises that buf is large enough. */
int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}
