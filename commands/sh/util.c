/*
 * util.c - memory allocation that cannot fail, growable strings and argv
 * lists, and small character helpers shared by every part of the shell.
 */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void)
{
    static const char message[] = "sh: out of memory\n";

    write_all(2, message, sizeof message - 1);
    _exit(2);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *old, size_t size)
{
    void *p = realloc(old, size ? size : 1);

    if (!p)
        out_of_memory();
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void strbuf_putn(struct strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;

        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void strbuf_putc(struct strbuf *b, char c)
{
    strbuf_putn(b, &c, 1);
}

void strbuf_puts(struct strbuf *b, const char *s)
{
    strbuf_putn(b, s, strlen(s));
}

char *strbuf_take(struct strbuf *b)
{
    char *s = b->data ? b->data : xstrdup("");

    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void strbuf_free(struct strbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void strlist_push(struct strlist *l, char *s)
{
    if (l->count + 2 > l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->items = xrealloc(l->items, (size_t)l->cap * sizeof *l->items);
    }
    l->items[l->count++] = s;
    l->items[l->count] = NULL;
}

void strlist_free(struct strlist *l)
{
    for (int i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->count = l->cap = 0;
}

void free_argv(char **argv)
{
    if (!argv)
        return;
    for (char **p = argv; *p; p++)
        free(*p);
    free(argv);
}

int is_name_start(int c)
{
    return c == '_' || isalpha((unsigned char)c);
}

int is_name_char(int c)
{
    return c == '_' || isalnum((unsigned char)c);
}

int is_valid_name(const char *s, size_t len)
{
    if (len == 0 || !is_name_start(s[0]))
        return 0;
    for (size_t i = 1; i < len; i++)
        if (!is_name_char(s[i]))
            return 0;
    return 1;
}

int parse_number(const char *s, long *out)
{
    char *end;

    if (!*s)
        return -1;
    errno = 0;
    *out = strtol(s, &end, 10);
    if (errno || *end)
        return -1;
    return 0;
}

/*
 * Copies fd to a descriptor of at least 10, out of the way of the 0-9 that
 * scripts redirect, and marks it close-on-exec. Uses only dup(2): the low
 * duplicates it walks through are closed again.
 */
int dup_high(int fd)
{
    int low[10];
    int nlow = 0;
    int copy = dup(fd);

    while (copy >= 0 && copy < 10 && nlow < 10) {
        low[nlow++] = copy;
        copy = dup(fd);
    }
    while (nlow > 0)
        close(low[--nlow]);
    if (copy >= 0)
        fcntl(copy, F_SETFD, FD_CLOEXEC);
    return copy;
}
