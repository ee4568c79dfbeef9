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

void sh_error(const char *fmt, ...)
{
    struct strbuf line = { 0 };
    char message[512];
    va_list ap;
    int n;

    out_flush();
    strbuf_puts(&line, "sh: ");
    if (shell.script) {
        char where[32];

        strbuf_puts(&line, shell.script);
        snprintf(where, sizeof where, ": %d: ", shell.lineno);
        strbuf_puts(&line, where);
    }
    va_start(ap, fmt);
    n = vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    /* a longer message is cut: messages name a file or a word at most */
    strbuf_putn(&line, message, (size_t)n < sizeof message ? (size_t)n : sizeof message - 1);
    strbuf_putc(&line, '\n');
    write_all(2, line.data, line.len);
    strbuf_free(&line);
}
