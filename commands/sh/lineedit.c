/*
 * lineedit.c - reads one line from the terminal with the editing keys a
 * console user expects: backspace, ^U (kill line), ^W (erase word), ^C
 * (abandon the line), ^D (end of input on an empty line).
 *
 * The terminal is put in a raw-ish mode (no canonical processing, no echo,
 * no signals) only while the line is read, so ^C reaches us as a byte and
 * gives a fresh prompt. If the terminal modes cannot be read, the line is
 * read in whatever mode the terminal is in.
 */
#include "sh.h"

#include <errno.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define CTRL(c) ((c) & 0x1f)

static void echo_str(const char *s, size_t n)
{
    write_all(2, s, n);
}

static void erase_chars(struct strbuf *line, size_t n)
{
    while (n-- > 0 && line->len > 0) {
        line->len--;
        line->data[line->len] = '\0';
        echo_str("\b \b", 3);
    }
}

static size_t word_length(const struct strbuf *line)
{
    size_t end = line->len;

    while (end > 0 && line->data[end - 1] == ' ')
        end--;
    while (end > 0 && line->data[end - 1] != ' ')
        end--;
    return line->len - end;
}

/* Handles one typed byte; returns -1 to go on, else a LINE_ result. */
static int edit_key(struct strbuf *line, unsigned char c, const struct termios *saved)
{
    if (c == '\n' || c == '\r') {
        echo_str("\n", 1);
        strbuf_putc(line, '\n');
        return LINE_OK;
    }
    if (c == CTRL('C')) {
        echo_str("^C\n", 3);
        line->len = 0;
        return LINE_INTERRUPT;
    }
    if (c == CTRL('D'))
        return line->len == 0 ? LINE_EOF : -1;
    if (c == 0x7f || c == '\b' || c == saved->c_cc[VERASE])
        erase_chars(line, 1);
    else if (c == CTRL('U') || c == saved->c_cc[VKILL])
        erase_chars(line, line->len);
    else if (c == CTRL('W'))
        erase_chars(line, word_length(line));
    else if (c >= ' ' || c == '\t') {
        strbuf_putc(line, (char)c);
        echo_str((const char *)&c, 1);
    }
    return -1;
}

static int read_raw(struct strbuf *line, const struct termios *saved)
{
    for (;;) {
        unsigned char c;
        ssize_t n = read(0, &c, 1);
        int result;

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return line->len ? LINE_OK : LINE_EOF;
        result = edit_key(line, c, saved);
        if (result >= 0)
            return result;
    }
}

static int read_cooked(struct strbuf *line)
{
    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return line->len ? LINE_OK : LINE_EOF;
        strbuf_putc(line, c);
        if (c == '\n')
            return LINE_OK;
    }
}

int lineedit_read(const char *prompt, struct strbuf *line)
{
    struct termios saved, raw;
    int result;

    out_flush();
    if (tcgetattr(0, &saved) != 0) {
        echo_str(prompt, strlen(prompt));
        return read_cooked(line);
    }
    raw = saved;
    raw.c_lflag &= (tcflag_t)~(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    /* Raw mode before the prompt: what is typed once the prompt shows is
     * echoed by us alone, never also by the terminal. */
    tcsetattr(0, TCSADRAIN, &raw);
    echo_str(prompt, strlen(prompt));
    result = read_raw(line, &saved);
    tcsetattr(0, TCSADRAIN, &saved);
    return result;
}
