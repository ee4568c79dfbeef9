/*
 * input.c - the character stream the lexer reads commands from: a string
 * (sh -c), a file or pipe, or the terminal with prompts and line editing.
 *
 * Input is handed out a line at a time so that a command is read, parsed
 * and run before the next line is read. When the shell reads its standard
 * input from a pipe or file, it reads one byte per read(2) so that commands
 * it runs (read, cat, ...) find the rest of the input where it left it.
 */
#include "sh.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void input_from_fd(struct input *in, int fd, int interactive)
{
    memset(in, 0, sizeof *in);
    in->fd = fd;
    in->interactive = interactive;
    in->one_byte_reads = fd == 0;
}

void input_from_string(struct input *in, const char *s)
{
    memset(in, 0, sizeof *in);
    in->fd = -1;
    in->string = s;
}

void input_free(struct input *in)
{
    free(in->line);
    in->line = NULL;
}

static void line_append(struct input *in, char c)
{
    if (in->len + 1 > in->cap) {
        in->cap = in->cap ? in->cap * 2 : 128;
        in->line = xrealloc(in->line, in->cap);
    }
    in->line[in->len++] = c;
}

/* Next byte of the descriptor, INPUT_EOF at end of file or on error. */
static int fd_byte(struct input *in)
{
    if (in->block_pos == in->block_len) {
        size_t want = in->one_byte_reads ? 1 : sizeof in->block;
        ssize_t n;

        do
            n = read(in->fd, in->block, want);
        while (n < 0 && errno == EINTR);
        if (n <= 0)
            return INPUT_EOF;
        in->block_len = (size_t)n;
        in->block_pos = 0;
    }
    return (unsigned char)in->block[in->block_pos++];
}

static void fill_from_string(struct input *in)
{
    while (in->string[in->string_pos]) {
        char c = in->string[in->string_pos++];

        line_append(in, c);
        if (c == '\n')
            break;
    }
}

static void fill_from_fd(struct input *in)
{
    int c;

    while ((c = fd_byte(in)) != INPUT_EOF) {
        line_append(in, (char)c);
        if (c == '\n')
            break;
    }
}

static void fill_from_terminal(struct input *in)
{
    const char *prompt = var_get(in->continuation ? "PS2" : "PS1");
    struct strbuf text = { 0 };
    int result;

    if (!prompt)
        prompt = in->continuation ? "> " : "$ ";
    jobs_reap();
    result = lineedit_read(prompt, &text);
    if (result == LINE_INTERRUPT)
        in->interrupted = 1;
    for (size_t i = 0; i < text.len; i++)
        line_append(in, text.data[i]);
    strbuf_free(&text);
}

/* Reads the next line into in->line; leaves len 0 at end of input. */
static void input_fill(struct input *in)
{
    size_t old_len = in->len;

    if (in->eof || in->interrupted)
        return;
    in->len = in->pos = 0;
    if (in->fd < 0)
        fill_from_string(in);
    else if (in->interactive)
        fill_from_terminal(in);
    else
        fill_from_fd(in);
    if (in->len == 0) {
        /* keep the old line so that a byte just read can be pushed back */
        in->len = in->pos = old_len;
        in->eof = !in->interrupted;
    } else {
        in->line_number++;
    }
    in->continuation = 1;
}

int input_getc(struct input *in)
{
    if (in->pos == in->len)
        input_fill(in);
    if (in->pos == in->len)
        return INPUT_EOF;
    return (unsigned char)in->line[in->pos++];
}

/* Pushes back the bytes just read, as far back as the start of their line. */
void input_ungetc(struct input *in, int c)
{
    if (c != INPUT_EOF && in->pos > 0)
        in->pos--;
}

void input_discard_line(struct input *in)
{
    in->pos = in->len;
}
