/*
 * lexer.c - splits the input into tokens: words, operators, newlines.
 *
 * A word is kept raw, with its quotes, backslashes and $(...) intact; the
 * expander interprets them later. The lexer only has to find where a word
 * ends, which means matching quotes, ${...}, $(...) and `...`, reading more
 * lines when they span several. Here-document bodies are read right after
 * the newline that ends the line of their << operator.
 */
#include "sh.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { LEX_OK = 0, LEX_UNTERMINATED = -1 };

static int lex_dollar(struct lexer *lx, struct strbuf *b, int in_dquote);
static int lex_dquote(struct lexer *lx, struct strbuf *b);

void lex_init(struct lexer *lx, struct input *in)
{
    memset(lx, 0, sizeof *lx);
    lx->in = in;
}

int lex_add_heredoc(struct lexer *lx, struct redir *r)
{
    if (lx->heredoc_count == (int)(sizeof lx->heredocs / sizeof lx->heredocs[0]))
        return -1;
    lx->heredocs[lx->heredoc_count++] = r;
    return 0;
}

static int next(struct lexer *lx)
{
    return input_getc(lx->in);
}

static void back(struct lexer *lx, int c)
{
    input_ungetc(lx->in, c);
}

/* Copies a backslash and the byte it quotes; backslash-newline vanishes. */
static int lex_backslash(struct lexer *lx, struct strbuf *b)
{
    int c = next(lx);

    if (c == '\n')
        return LEX_OK;
    strbuf_putc(b, '\\');
    if (c != INPUT_EOF)
        strbuf_putc(b, (char)c);
    return LEX_OK;
}

/* After an opening ': copies up to and including the closing '. */
static int lex_single(struct lexer *lx, struct strbuf *b)
{
    for (;;) {
        int c = next(lx);

        if (c == INPUT_EOF)
            return LEX_UNTERMINATED;
        strbuf_putc(b, (char)c);
        if (c == '\'')
            return LEX_OK;
    }
}

/* After an opening `: copies up to and including the closing `. */
static int lex_backquote(struct lexer *lx, struct strbuf *b)
{
    for (;;) {
        int c = next(lx);

        if (c == INPUT_EOF)
            return LEX_UNTERMINATED;
        strbuf_putc(b, (char)c);
        if (c == '`')
            return LEX_OK;
        if (c == '\\') {
            c = next(lx);
            if (c == INPUT_EOF)
                return LEX_UNTERMINATED;
            strbuf_putc(b, (char)c);
        }
    }
}

/* After an opening ": copies up to and including the closing ". */
static int lex_dquote(struct lexer *lx, struct strbuf *b)
{
    for (;;) {
        int c = next(lx);
        int status = LEX_OK;

        if (c == INPUT_EOF)
            return LEX_UNTERMINATED;
        if (c == '\\') {
            status = lex_backslash(lx, b);
        } else {
            strbuf_putc(b, (char)c);
            if (c == '"')
                return LEX_OK;
            if (c == '$')
                status = lex_dollar(lx, b, 1);
            else if (c == '`')
                status = lex_backquote(lx, b);
        }
        if (status != LEX_OK)
            return status;
    }
}

/* Quoting inside $(...) and ${...}: returns 1 if c was handled. */
static int lex_nested_quote(struct lexer *lx, struct strbuf *b, int c, int in_dquote, int *status)
{
    if (c == '\\') {
        strbuf_putc(b, '\\');
        c = next(lx);
        if (c == INPUT_EOF)
            *status = LEX_UNTERMINATED;
        else
            strbuf_putc(b, (char)c);
        return 1;
    }
    if (c == '\'' && !in_dquote) {
        strbuf_putc(b, '\'');
        *status = lex_single(lx, b);
        return 1;
    }
    if (c == '"') {
        strbuf_putc(b, '"');
        *status = lex_dquote(lx, b);
        return 1;
    }
    if (c == '`') {
        strbuf_putc(b, '`');
        *status = lex_backquote(lx, b);
        return 1;
    }
    return 0;
}

/* After "$(": copies to the matching ")" (also "$((...))"). */
static int lex_paren(struct lexer *lx, struct strbuf *b)
{
    int depth = 1;

    for (;;) {
        int c = next(lx);
        int status = LEX_OK;

        if (c == INPUT_EOF)
            return LEX_UNTERMINATED;
        if (lex_nested_quote(lx, b, c, 0, &status)) {
            if (status != LEX_OK)
                return status;
            continue;
        }
        strbuf_putc(b, (char)c);
        if (c == '(')
            depth++;
        else if (c == ')' && --depth == 0)
            return LEX_OK;
    }
}

/* After "${": copies to the matching "}". */
static int lex_brace(struct lexer *lx, struct strbuf *b, int in_dquote)
{
    for (;;) {
        int c = next(lx);
        int status = LEX_OK;

        if (c == INPUT_EOF)
            return LEX_UNTERMINATED;
        if (!lex_nested_quote(lx, b, c, in_dquote, &status)) {
            strbuf_putc(b, (char)c);
            if (c == '}')
                return LEX_OK;
            if (c == '$')
                status = lex_dollar(lx, b, in_dquote);
        }
        if (status != LEX_OK)
            return status;
    }
}

/* After a "$" (already copied): the start of ${, $( or $((. */
static int lex_dollar(struct lexer *lx, struct strbuf *b, int in_dquote)
{
    int c = next(lx);

    if (c == '{') {
        strbuf_putc(b, '{');
        return lex_brace(lx, b, in_dquote);
    }
    if (c == '(') {
        strbuf_putc(b, '(');
        return lex_paren(lx, b);
    }
    back(lx, c);
    return LEX_OK;
}

static int is_word_end(int c)
{
    return c == INPUT_EOF || strchr(" \t\n;&|<>()", c) != NULL;
}

/* Reads a word starting with c; sets *quoted if any part was quoted. */
static int lex_word(struct lexer *lx, int c, struct strbuf *b, int *quoted)
{
    for (; !is_word_end(c); c = next(lx)) {
        int status = LEX_OK;

        if (c == '\\') {
            *quoted = 1;
            status = lex_backslash(lx, b);
        } else {
            strbuf_putc(b, (char)c);
            if (c == '\'') {
                *quoted = 1;
                status = lex_single(lx, b);
            } else if (c == '"') {
                *quoted = 1;
                status = lex_dquote(lx, b);
            } else if (c == '`') {
                status = lex_backquote(lx, b);
            } else if (c == '$') {
                status = lex_dollar(lx, b, 0);
            }
        }
        if (status != LEX_OK)
            return status;
    }
    back(lx, c);
    return LEX_OK;
}

static enum token_kind lex_operator(struct lexer *lx, int c)
{
    int n = next(lx);

    switch (c) {
    case ';':
        if (n == ';')
            return T_DSEMI;
        back(lx, n);
        return T_SEMI;
    case '&':
        if (n == '&')
            return T_AND_IF;
        back(lx, n);
        return T_AMP;
    case '|':
        if (n == '|')
            return T_OR_IF;
        back(lx, n);
        return T_PIPE;
    case '<':
        if (n == '<') {
            n = next(lx);
            if (n == '-')
                return T_DLESSDASH;
            back(lx, n);
            return T_DLESS;
        }
        if (n == '&')
            return T_LESSAND;
        if (n == '>')
            return T_LESSGREAT;
        back(lx, n);
        return T_LESS;
    case '>':
        if (n == '>')
            return T_DGREAT;
        if (n == '&')
            return T_GREATAND;
        if (n == '|')
            return T_CLOBBER;
        back(lx, n);
        return T_GREAT;
    default:
        back(lx, n);
        return c == '(' ? T_LPAREN : T_RPAREN;
    }
}

/* Reads one line of a here-document body; returns 0 at end of input. */
static int heredoc_line(struct lexer *lx, struct strbuf *line)
{
    int c;

    while ((c = next(lx)) != INPUT_EOF && c != '\n')
        strbuf_putc(line, (char)c);
    return c == '\n' || line->len > 0;
}

static void read_heredoc(struct lexer *lx, struct redir *r)
{
    struct strbuf body = { 0 };
    struct strbuf line = { 0 };

    while (heredoc_line(lx, &line)) {
        const char *text = line.data ? line.data : "";

        if (r->strip_tabs)
            while (*text == '\t')
                text++;
        if (strcmp(text, r->target) == 0)
            break;
        strbuf_puts(&body, text);
        strbuf_putc(&body, '\n');
        line.len = 0;
        if (line.data)
            line.data[0] = '\0';
    }
    strbuf_free(&line);
    r->heredoc = strbuf_take(&body);
}

static int skip_blanks(struct lexer *lx)
{
    for (;;) {
        int c = next(lx);

        if (c == ' ' || c == '\t')
            continue;
        if (c == '\\') {
            int n = next(lx);

            if (n == '\n')
                continue;
            back(lx, n);
            return c;
        }
        if (c == '#') {
            while ((c = next(lx)) != INPUT_EOF && c != '\n')
                ;
        }
        return c;
    }
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

void lex_next(struct lexer *lx, struct token *tok)
{
    struct strbuf b = { 0 };
    int c = skip_blanks(lx);

    memset(tok, 0, sizeof *tok);
    tok->io_number = -1;
    tok->line = lx->in->line_number;
    if (c == INPUT_EOF) {
        tok->kind = lx->in->interrupted ? T_ERROR : T_EOF;
        return;
    }
    if (c == '\n') {
        for (int i = 0; i < lx->heredoc_count; i++)
            read_heredoc(lx, lx->heredocs[i]);
        lx->heredoc_count = 0;
        tok->kind = T_NEWLINE;
        return;
    }
    if (strchr(";&|<>()", c)) {
        tok->kind = lex_operator(lx, c);
        return;
    }
    if (lex_word(lx, c, &b, &tok->quoted) != LEX_OK) {
        strbuf_free(&b);
        if (!lx->in->interrupted)
            sh_error("syntax error: unterminated quoted string");
        tok->kind = T_ERROR;
        return;
    }
    tok->kind = T_WORD;
    tok->text = strbuf_take(&b);
    c = next(lx);
    back(lx, c);
    if ((c == '<' || c == '>') && !tok->quoted && all_digits(tok->text)) {
        tok->io_number = atoi(tok->text);
        free(tok->text);
        tok->text = NULL;
        tok->kind = lex_operator(lx, next(lx));
    }
}

const char *token_name(const struct token *tok)
{
    static const char *const names[] = {
        [T_NEWLINE] = "newline", [T_EOF] = "end of file", [T_SEMI] = ";",
        [T_DSEMI] = ";;", [T_AMP] = "&", [T_AND_IF] = "&&", [T_PIPE] = "|",
        [T_OR_IF] = "||", [T_LPAREN] = "(", [T_RPAREN] = ")", [T_LESS] = "<",
        [T_GREAT] = ">", [T_DGREAT] = ">>", [T_DLESS] = "<<",
        [T_DLESSDASH] = "<<-", [T_LESSAND] = "<&", [T_GREATAND] = ">&",
        [T_LESSGREAT] = "<>", [T_CLOBBER] = ">|", [T_ERROR] = "error",
    };

    if (tok->kind == T_WORD)
        return tok->text;
    return names[tok->kind];
}
