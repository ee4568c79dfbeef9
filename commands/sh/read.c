/*
 * read.c - the read built-in: reads one line from standard input a byte at
 * a time (so that the rest stays for the next reader) and splits it on IFS
 * into the named variables, the last one taking the remainder.
 */
#include "sh.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct line {
    struct strbuf text;
    unsigned char *escaped;  /* per byte: quoted by a backslash, not IFS */
    size_t cap;
};

static void line_put(struct line *l, char c, int escaped)
{
    if (l->text.len + 1 > l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->escaped = xrealloc(l->escaped, l->cap);
    }
    l->escaped[l->text.len] = (unsigned char)escaped;
    strbuf_putc(&l->text, c);
}

static int read_byte(char *c)
{
    ssize_t n;

    do
        n = read(0, c, 1);
    while (n < 0 && errno == EINTR);
    return n == 1;
}

/* Reads up to a newline; returns 0 at end of input. */
static int read_line(struct line *l, int raw)
{
    char c;

    while (read_byte(&c)) {
        if (c == '\n')
            return 1;
        if (c == '\\' && !raw) {
            if (!read_byte(&c))
                return 0;
            if (c != '\n')
                line_put(l, c, 1);
            continue;
        }
        line_put(l, c, 0);
    }
    return 0;
}

struct splitter {
    const struct line *line;
    const char *ifs;
    size_t pos;
};

static int at_ifs(const struct splitter *s, size_t i, int white_only)
{
    char c;

    if (i >= s->line->text.len || s->line->escaped[i])
        return 0;
    c = s->line->text.data[i];
    if (!strchr(s->ifs, c))
        return 0;
    return !white_only || c == ' ' || c == '\t' || c == '\n';
}

static void skip_white(struct splitter *s)
{
    while (at_ifs(s, s->pos, 1))
        s->pos++;
}

/* The next field, then its delimiter: white space around at most one
 * other IFS character. */
static char *next_field(struct splitter *s)
{
    size_t start = s->pos;
    char *field;

    while (s->pos < s->line->text.len && !at_ifs(s, s->pos, 0))
        s->pos++;
    field = xstrndup(s->line->text.data + start, s->pos - start);
    skip_white(s);
    if (at_ifs(s, s->pos, 0)) {
        s->pos++;
        skip_white(s);
    }
    return field;
}

/* The rest of the line, without trailing IFS white space. */
static char *rest_of_line(struct splitter *s)
{
    size_t end = s->line->text.len;

    while (end > s->pos && at_ifs(s, end - 1, 1))
        end--;
    return xstrndup(s->line->text.data + s->pos, end - s->pos);
}

int builtin_read(int argc, char **argv)
{
    struct line line = { 0 };
    struct splitter split;
    int raw = 0, i = 1, complete;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-r") == 0)
            raw = 1;
        else if (strcmp(argv[i], "--") == 0 && ++i)
            break;
        else {
            sh_error("read: %s: bad option", argv[i]);
            return 2;
        }
    }
    if (i >= argc) {
        sh_error("read: arg count");
        return 2;
    }
    complete = read_line(&line, raw);
    split = (struct splitter){ .line = &line, .ifs = var_get("IFS") };
    if (!split.ifs)
        split.ifs = " \t\n";
    if (line.text.len == 0)
        strbuf_puts(&line.text, "");
    skip_white(&split);
    for (; i < argc; i++) {
        char *value = i + 1 < argc ? next_field(&split) : rest_of_line(&split);

        var_set(argv[i], value);
        free(value);
    }
    strbuf_free(&line.text);
    free(line.escaped);
    return complete ? 0 : 1;
}
