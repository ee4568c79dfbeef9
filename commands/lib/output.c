/*
 * A buffered writer on standard output over write(2), from before libc had
 * FILE streams. The buffer is flushed when full and by cmd_exit. A failed
 * write ends the command at once with "write error" (as GNU's do), so that
 * a full disk stops a command reading an endless input; the reader of a
 * pipe going away ends it quietly.
 */
#include "cmd.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUTPUT_SIZE 8192
static char buffer[OUTPUT_SIZE];
static size_t used;

/* Writes all of data, retrying short writes; ends the command on an error. */
static void write_fully(const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EPIPE)
			exit(1);  /* the reader is gone: end quietly, as SIGPIPE would */
		if (n <= 0) {
			used = 0;   /* cmd_error flushes: what could not be written goes */
			cmd_error("write error: %s", strerror(n < 0 ? errno : EIO));
			exit(1);
		}
		data += n;
		len -= (size_t)n;
	}
}

int out_flush(void)
{
	if (used > 0)
		write_fully(buffer, used);
	used = 0;
	return 0;
}

void out_write(const void *data, size_t len)
{
	if (len >= OUTPUT_SIZE) {
		out_flush();
		write_fully(data, len);
		return;
	}
	if (used + len > OUTPUT_SIZE)
		out_flush();
	memcpy(buffer + used, data, len);
	used += len;
}

void out_char(int c)
{
	if (used == OUTPUT_SIZE)
		out_flush();
	buffer[used++] = (char)c;
}

void out_str(const char *s)
{
	out_write(s, strlen(s));
}

void out_format(const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if ((size_t)len < sizeof(small)) {
		out_write(small, (size_t)len);
		return;
	}
	char *big = cmd_malloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)len + 1, fmt, ap);
	va_end(ap);
	out_write(big, (size_t)len);
	free(big);
}
