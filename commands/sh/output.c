/*
 * output.c - the shell's buffered standard output, written with write(2),
 * and its error messages on fd 2.
 *
 * Built-ins print through out_*(); the buffer is flushed after every
 * built-in, before every fork and before every error message, so output
 * interleaves with child processes and with fd 2 in program order.
 */
#include "sh.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct outbuf {
    int fd;
    size_t len;
    char data[4096];
};

static struct outbuf standard_output = { .fd = 1 };

void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t done = write(fd, p, n);

        if (done < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        p += done;
        n -= (size_t)done;
    }
}

void out_flush(void)
{
    struct outbuf *o = &standard_output;

    write_all(o->fd, o->data, o->len);
    o->len = 0;
}

void out_bytes(const char *p, size_t n)
{
    struct outbuf *o = &standard_output;

    if (o->len + n > sizeof o->data) {
        out_flush();
        if (n >= sizeof o->data) {
            write_all(o->fd, p, n);
            return;
        }
    }
    memcpy(o->data + o->len, p, n);
    o->len += n;
}

void out_str(const char *s)
{
    out_bytes(s, strlen(s));
}

void out_char(char c)
{
    out_bytes(&c, 1);
}

/* Formats into a malloc'ed string; the caller frees it. */
static char *format_alloc(const char *fmt, va_list ap)
{
    va_list copy;
    int n;
    char *s;

    va_copy(copy, ap);
    n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        n = 0;
    s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

void out_fmt(const char *fmt, ...)
{
    va_list ap;
    char *s;

    va_start(ap, fmt);
    s = format_alloc(fmt, ap);
    va_end(ap);
    out_str(s);
    free(s);
}

void sh_error(const char *fmt, ...)
{
    struct strbuf line = { 0 };
    char prefix[64];
    va_list ap;
    char *message;

    out_flush();
    strbuf_puts(&line, "sh: ");
    if (shell.script) {
        strbuf_puts(&line, shell.script);
        snprintf(prefix, sizeof prefix, ": %d: ", shell.lineno);
        strbuf_puts(&line, prefix);
    }
    va_start(ap, fmt);
    message = format_alloc(fmt, ap);
    va_end(ap);
    strbuf_puts(&line, message);
    strbuf_putc(&line, '\n');
    write_all(2, line.data, line.len);
    free(message);
    strbuf_free(&line);
}
