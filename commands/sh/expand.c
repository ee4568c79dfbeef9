/*
 * expand.c - word expansion: tilde, parameters, command substitution,
 * arithmetic, then field splitting, pathname expansion and quote removal.
 *
 * A raw word is expanded into an xbuf, a string with a flag per byte that
 * remembers whether the byte was quoted (no splitting, no pattern meaning)
 * or came out of an unquoted expansion (IFS may split there). Two flagged
 * non-bytes steer splitting: MARK says "a quote was here, the field exists
 * even if empty" and BREAK separates the fields of "$@".
 */
#include "sh.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    XF_QUOTED = 1,  /* quoted byte: literal for splitting and patterns */
    XF_SPLIT = 2,   /* byte of an unquoted expansion: IFS splits here */
    XF_MARK = 4,    /* not a byte: a quote opened, the field exists */
    XF_BREAK = 8,   /* not a byte: a field ends here ("$@") */
};

enum {
    CTX_DQUOTE = 1,   /* inside "..." */
    CTX_HEREDOC = 2,  /* a here-document body: only $ ` \ are special */
    CTX_WORD = 4,     /* the word of "${x:-word}": " still quotes */
};

struct xbuf {
    char *chars;
    unsigned char *flags;
    size_t len;
    size_t cap;
};

static void expand_text(struct xbuf *x, const char *s, size_t len, int ctx);

static void xput(struct xbuf *x, char c, unsigned char flags)
{
    if (x->len == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 64;
        x->chars = xrealloc(x->chars, x->cap);
        x->flags = xrealloc(x->flags, x->cap);
    }
    x->chars[x->len] = c;
    x->flags[x->len++] = flags;
}

static void xput_str(struct xbuf *x, const char *s, unsigned char flags)
{
    for (; *s; s++)
        xput(x, *s, flags);
}

static void xfree(struct xbuf *x)
{
    free(x->chars);
    free(x->flags);
    memset(x, 0, sizeof *x);
}

static int is_marker(unsigned char flags)
{
    return (flags & (XF_MARK | XF_BREAK)) != 0;
}

/* The bytes, quoting removed; a "$@" boundary becomes a space. */
static char *xbuf_string(const struct xbuf *x)
{
    struct strbuf b = { 0 };

    for (size_t i = 0; i < x->len; i++) {
        if (x->flags[i] & XF_BREAK)
            strbuf_putc(&b, ' ');
        else if (!(x->flags[i] & XF_MARK))
            strbuf_putc(&b, x->chars[i]);
    }
    return strbuf_take(&b);
}

/* The bytes as a pattern: quoted pattern characters are escaped. */
static char *xbuf_pattern(const struct xbuf *x)
{
    struct strbuf b = { 0 };

    for (size_t i = 0; i < x->len; i++) {
        char c = x->chars[i];

        if (x->flags[i] & XF_BREAK)
            strbuf_putc(&b, ' ');
        if (is_marker(x->flags[i]))
            continue;
        if ((x->flags[i] & XF_QUOTED) && strchr("*?[]\\", c))
            strbuf_putc(&b, '\\');
        strbuf_putc(&b, c);
    }
    return strbuf_take(&b);
}

/* ---- scanning raw text (the lexer has checked that it is balanced) ---- */

static size_t skip_paren(const char *s, size_t i, size_t len);
static size_t skip_brace(const char *s, size_t i, size_t len);

static size_t skip_single(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] != '\'')
        i++;
    return i;
}

static size_t skip_backquote(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] != '`')
        i += s[i] == '\\' ? 2 : 1;
    return i < len ? i : len;
}

/* Skips a $ construct at s[i] == '$'; returns the index after it. */
static size_t skip_dollar(const char *s, size_t i, size_t len)
{
    if (i + 1 < len && s[i + 1] == '(')
        return skip_paren(s, i + 2, len) + 1;
    if (i + 1 < len && s[i + 1] == '{')
        return skip_brace(s, i + 2, len) + 1;
    return i + 1;
}

/* From just after an opening ", the index of the closing ". */
static size_t skip_dquote(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] != '"') {
        if (s[i] == '\\')
            i += 2;
        else if (s[i] == '$')
            i = skip_dollar(s, i, len);
        else if (s[i] == '`')
            i = skip_backquote(s, i + 1, len) + 1;
        else
            i++;
    }
    return i < len ? i : len;
}

/* Skips a quoted part starting at s[i]; returns 0 if s[i] is not a quote. */
static size_t skip_quoted(const char *s, size_t i, size_t len)
{
    if (s[i] == '\\')
        return i + 2;
    if (s[i] == '\'')
        return skip_single(s, i + 1, len) + 1;
    if (s[i] == '"')
        return skip_dquote(s, i + 1, len) + 1;
    if (s[i] == '`')
        return skip_backquote(s, i + 1, len) + 1;
    return 0;
}

/* From just after "$(", the index of the matching ")". */
static size_t skip_paren(const char *s, size_t i, size_t len)
{
    int depth = 1;

    while (i < len) {
        size_t after = skip_quoted(s, i, len);

        if (after) {
            i = after;
            continue;
        }
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && --depth == 0)
            return i;
        i++;
    }
    return len;
}

/* From just after "${", the index of the matching "}". */
static size_t skip_brace(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] != '}') {
        size_t after = skip_quoted(s, i, len);

        if (after)
            i = after;
        else if (s[i] == '$')
            i = skip_dollar(s, i, len);
        else
            i++;
    }
    return i < len ? i : len;
}

/* ---- parameters ---- */

static unsigned char value_flags(int ctx)
{
    return ctx ? XF_QUOTED : XF_SPLIT;
}

static void emit_number(struct xbuf *x, long n, int ctx)
{
    char text[32];

    snprintf(text, sizeof text, "%ld", n);
    xput_str(x, text, value_flags(ctx));
}

/* $@ and $*, quoted or not. */
static void emit_params(struct xbuf *x, int at, int ctx)
{
    int count = params_count();

    if ((ctx & CTX_DQUOTE) && at) {
        if (count == 0 && x->len > 0 && x->flags[x->len - 1] == XF_MARK)
            x->len--; /* "$@" with no parameters is no field at all */
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                xput(x, 0, XF_BREAK);
                xput(x, 0, XF_MARK);
            }
            xput_str(x, params_get(i), XF_QUOTED);
        }
        return;
    }
    for (int i = 1; i <= count; i++) {
        if (i > 1 && ctx) {
            const char *ifs = var_get("IFS");
            char sep = (char)(ifs ? ifs[0] : ' ');

            if (sep)
                xput(x, sep, XF_QUOTED);
        } else if (i > 1) {
            xput(x, 0, XF_BREAK);
        }
        xput_str(x, params_get(i), value_flags(ctx));
    }
}

static char *option_letters(void)
{
    struct strbuf b = { 0 };

    if (shell.opt_errexit)
        strbuf_putc(&b, 'e');
    if (shell.opt_noglob)
        strbuf_putc(&b, 'f');
    if (shell.interactive)
        strbuf_putc(&b, 'i');
    if (shell.opt_nounset)
        strbuf_putc(&b, 'u');
    if (shell.opt_xtrace)
        strbuf_putc(&b, 'x');
    return strbuf_take(&b);
}

/* The value of a parameter (malloc'ed), or NULL if it is unset. */
static char *param_value(const char *name, size_t len)
{
    if (len == 1 && strchr("#?$!-0", name[0])) {
        char text[32];
        long n;

        switch (name[0]) {
        case '#': n = params_count(); break;
        case '?': n = shell.last_status; break;
        case '$': n = shell.pid; break;
        case '!':
            if (!shell.last_bg_pid)
                return NULL;
            n = shell.last_bg_pid;
            break;
        case '-': return option_letters();
        default: return xstrdup(param_zero());
        }
        snprintf(text, sizeof text, "%ld", n);
        return xstrdup(text);
    }
    if (name[0] >= '0' && name[0] <= '9') {
        char *digits = xstrndup(name, len);
        const char *v = params_get(atoi(digits));

        free(digits);
        return v ? xstrdup(v) : NULL;
    }
    {
        char *key = xstrndup(name, len);
        const char *v = var_get(key);

        free(key);
        return v ? xstrdup(v) : NULL;
    }
}

static void unset_error(const char *name, size_t len)
{
    sh_error("%.*s: parameter not set", (int)len, name);
    shell.expand_failed = 1;
}

/* Length of the parameter name at the start of s (0 if none). */
static size_t param_name_length(const char *s, size_t len)
{
    size_t n = 0;

    if (len == 0)
        return 0;
    if (strchr("@*#?-$!", s[0]))
        return 1;
    if (s[0] >= '0' && s[0] <= '9') {
        while (n < len && s[n] >= '0' && s[n] <= '9')
            n++;
        return n;
    }
    while (n < len && (n ? is_name_char(s[n]) : is_name_start(s[n])))
        n++;
    return n;
}

/* Expands word (the part after an operator) on its own, to a string. */
static char *expand_sub(const char *word, size_t len, int ctx, int as_pattern)
{
    struct xbuf sub = { 0 };
    char *result;

    expand_text(&sub, word, len, ctx);
    result = as_pattern ? xbuf_pattern(&sub) : xbuf_string(&sub);
    xfree(&sub);
    return result;
}

/* ${name#pat} ${name##pat} ${name%pat} ${name%%pat}. */
static char *remove_affix(const char *value, const char *pattern, char op, int longest)
{
    size_t len = strlen(value);
    char *copy = xstrdup(value);
    char *result = NULL;

    for (size_t step = 0; step <= len && !result; step++) {
        size_t k = longest ? len - step : step;

        if (op == '#') {
            char saved = copy[k];

            copy[k] = '\0';
            if (pattern_match(pattern, copy))
                result = xstrdup(value + k);
            copy[k] = saved;
        } else if (pattern_match(pattern, value + (len - k))) {
            result = xstrndup(value, len - k);
        }
    }
    free(copy);
    return result ? result : xstrdup(value);
}

/* A ${name<op>word} being expanded. */
struct param_op {
    const char *name;
    size_t name_len;
    const char *value;   /* NULL if unset */
    const char *word;    /* raw text after the operator */
    size_t word_len;
    int use_word;        /* unset, or null with ':' */
    int ctx;
};

static void op_affix(struct xbuf *x, const struct param_op *op, char kind)
{
    int longest = op->word_len > 0 && op->word[0] == kind;
    char *pattern = expand_sub(op->word + longest, op->word_len - (size_t)longest,
                               op->ctx & (CTX_DQUOTE | CTX_WORD), 1);
    char *rest;

    if (!op->value && shell.opt_nounset)
        unset_error(op->name, op->name_len);
    rest = remove_affix(op->value ? op->value : "", pattern, kind, longest);
    xput_str(x, rest, value_flags(op->ctx));
    free(rest);
    free(pattern);
}

static void op_assign(struct xbuf *x, const struct param_op *op)
{
    char *assigned = expand_sub(op->word, op->word_len, op->ctx, 0);

    if (is_valid_name(op->name, op->name_len)) {
        var_set_n(op->name, op->name_len, assigned);
    } else {
        sh_error("%.*s: cannot assign in this way", (int)op->name_len, op->name);
        shell.expand_failed = 1;
    }
    xput_str(x, assigned, value_flags(op->ctx));
    free(assigned);
}

static void op_fail(const struct param_op *op)
{
    char *message = expand_sub(op->word, op->word_len, op->ctx, 0);

    sh_error("%.*s: %s", (int)op->name_len, op->name, *message ? message : "parameter not set");
    shell.expand_failed = 1;
    free(message);
}

/* ${name-word} ${name=word} ${name+word} ${name?word}, each also with ':',
 * and ${name#pattern} ${name%pattern} (doubled: longest match). */
static void apply_operator(struct xbuf *x, struct param_op *op, const char *text, size_t len)
{
    int colon = text[0] == ':';
    char kind = text[colon];

    op->word = text + colon + 1;
    op->word_len = len - (size_t)colon - 1;
    op->use_word = !op->value || (colon && !*op->value);
    if (op->ctx & CTX_DQUOTE)
        op->ctx |= CTX_WORD;
    if (kind == '#' || kind == '%')
        op_affix(x, op, kind);
    else if ((kind == '+' && !op->use_word) || (kind == '-' && op->use_word))
        expand_text(x, op->word, op->word_len, op->ctx);
    else if (kind == '+')
        return;
    else if (!op->use_word && kind && strchr("-=?", kind))
        xput_str(x, op->value, value_flags(op->ctx));
    else if (kind == '=')
        op_assign(x, op);
    else if (kind == '?')
        op_fail(op);
    else {
        sh_error("bad substitution");
        shell.expand_failed = 1;
    }
}

/* The inside of ${...}. */
static void expand_braced(struct xbuf *x, const char *body, size_t len, int ctx)
{
    int length_of = len > 1 && body[0] == '#';
    const char *name = body + length_of;
    size_t nlen = param_name_length(name, len - (size_t)length_of);
    char *value;

    if (nlen == 0 || (length_of && nlen != len - 1)) {
        sh_error("bad substitution");
        shell.expand_failed = 1;
        return;
    }
    if (nlen == len && (name[0] == '@' || name[0] == '*')) {
        emit_params(x, name[0] == '@', ctx);
        return;
    }
    value = param_value(name, nlen);
    if (nlen == len - (size_t)length_of) {
        if (!value && shell.opt_nounset)
            unset_error(name, nlen);
        if (length_of)
            emit_number(x, value ? (long)strlen(value) : 0, ctx);
        else if (value)
            xput_str(x, value, value_flags(ctx));
    } else {
        struct param_op op = { .name = name, .name_len = nlen, .value = value, .ctx = ctx };

        apply_operator(x, &op, name + nlen, len - nlen);
    }
    free(value);
}

/* $name, $1, $?, ... without braces. Returns the index after it. */
static size_t expand_plain_param(struct xbuf *x, const char *s, size_t i, size_t len, int ctx)
{
    size_t nlen = param_name_length(s + i, len - i);
    char *value;

    if (nlen == 0) {
        xput(x, '$', ctx ? XF_QUOTED : 0);
        return i;
    }
    if (s[i] >= '0' && s[i] <= '9')
        nlen = 1; /* $10 is ${1}0 */
    if (s[i] == '@' || s[i] == '*') {
        emit_params(x, s[i] == '@', ctx);
        return i + 1;
    }
    value = param_value(s + i, nlen);
    if (value)
        xput_str(x, value, value_flags(ctx));
    else if (shell.opt_nounset)
        unset_error(s + i, nlen);
    free(value);
    return i + nlen;
}

/* ---- command substitution and arithmetic ---- */

static char *command_output(const char *text, int *status)
{
    struct strbuf out = { 0 };
    int fds[2];
    pid_t pid;
    char chunk[512];
    ssize_t n;

    if (pipe(fds) != 0) {
        sh_error("pipe: %s", strerror(errno));
        *status = 2;
        return xstrdup("");
    }
    pid = sh_fork(FORK_PLAIN, 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        close(fds[1]);
        sh_exit(run_string(text));
    }
    close(fds[1]);
    while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        strbuf_putn(&out, chunk, (size_t)n);
    }
    close(fds[0]);
    *status = pid > 0 ? wait_pid(pid) : 2;
    while (out.len > 0 && out.data[out.len - 1] == '\n')
        out.data[--out.len] = '\0';
    return strbuf_take(&out);
}

static void substitute(struct xbuf *x, const char *text, int ctx)
{
    int status;
    char *output = command_output(text, &status);

    shell.subst_status = status;
    shell.last_status = status;
    xput_str(x, output, value_flags(ctx));
    free(output);
}

/* `...`: a backslash quotes $ ` \ (and " inside double quotes). */
static void substitute_backquoted(struct xbuf *x, const char *s, size_t len, int ctx)
{
    struct strbuf text = { 0 };

    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len &&
            (strchr("$`\\", s[i + 1]) || (s[i + 1] == '"' && (ctx & CTX_DQUOTE))))
            i++;
        strbuf_putc(&text, s[i]);
    }
    substitute(x, text.data ? text.data : "", ctx);
    strbuf_free(&text);
}

static void arithmetic(struct xbuf *x, const char *s, size_t len, int ctx)
{
    char *expr = expand_sub(s, len, CTX_HEREDOC, 0);
    long value = 0;

    if (arith_eval(expr, &value) != 0)
        shell.expand_failed = 1;
    else
        emit_number(x, value, ctx);
    free(expr);
}

/* At s[i] == '$'; returns the index after the expansion. */
static size_t expand_dollar(struct xbuf *x, const char *s, size_t i, size_t len, int ctx)
{
    if (i + 1 < len && s[i + 1] == '{') {
        size_t end = skip_brace(s, i + 2, len);

        expand_braced(x, s + i + 2, end - (i + 2), ctx);
        return end + 1;
    }
    if (i + 1 < len && s[i + 1] == '(') {
        size_t end = skip_paren(s, i + 2, len);

        if (i + 2 < len && s[i + 2] == '(' && end > i + 3 && s[end - 1] == ')')
            arithmetic(x, s + i + 3, end - 1 - (i + 3), ctx);
        else {
            char *text = xstrndup(s + i + 2, end - (i + 2));

            substitute(x, text, ctx);
            free(text);
        }
        return end + 1;
    }
    return expand_plain_param(x, s, i + 1, len, ctx);
}

/* ~ or ~/... at the start of an unquoted word: $HOME. */
static size_t expand_tilde(struct xbuf *x, const char *s, size_t len)
{
    const char *home = var_get("HOME");

    if ((len > 1 && s[1] != '/') || !home) {
        xput(x, '~', 0);
        return 1;
    }
    xput(x, 0, XF_MARK);
    xput_str(x, home, XF_QUOTED);
    return 1;
}

/* A backslash at s[i]; returns the index after what it quotes. */
static size_t expand_backslash(struct xbuf *x, const char *s, size_t i, size_t len, int ctx)
{
    const char *special = (ctx & CTX_DQUOTE) ? "$`\\\"\n" : "$`\\\n";

    if (i + 1 >= len) {
        xput(x, '\\', XF_QUOTED);
        return i + 1;
    }
    if (ctx && !strchr(special, s[i + 1])) {
        xput(x, '\\', XF_QUOTED);
        return i + 1;
    }
    if (s[i + 1] != '\n')
        xput(x, s[i + 1], XF_QUOTED);
    return i + 2;
}

static void expand_text(struct xbuf *x, const char *s, size_t len, int ctx)
{
    size_t i = 0;

    if (len > 0 && s[0] == '~' && !ctx)
        i = expand_tilde(x, s, len);
    while (i < len) {
        char c = s[i];

        if (c == '\'' && !ctx) {
            size_t end = skip_single(s, i + 1, len);

            xput(x, 0, XF_MARK);
            for (size_t k = i + 1; k < end; k++)
                xput(x, s[k], XF_QUOTED);
            i = end + 1;
        } else if (c == '"' && (!ctx || (ctx & CTX_WORD))) {
            size_t end = skip_dquote(s, i + 1, len);

            xput(x, 0, XF_MARK);
            expand_text(x, s + i + 1, end - i - 1, CTX_DQUOTE);
            i = end + 1;
        } else if (c == '\\') {
            i = expand_backslash(x, s, i, len, ctx);
        } else if (c == '$') {
            i = expand_dollar(x, s, i, len, ctx);
        } else if (c == '`') {
            size_t end = skip_backquote(s, i + 1, len);

            substitute_backquoted(x, s + i + 1, end - i - 1, ctx);
            i = end + 1;
        } else {
            xput(x, c, ctx ? XF_QUOTED : 0);
            i++;
        }
    }
}

/* ---- field splitting and pathname expansion ---- */

/* Adds one field: its pathname expansion if it has an unquoted pattern
 * character and matches something, else the field itself. */
static void field_finish(struct xbuf *field, struct strlist *out)
{
    int magic = 0;

    for (size_t i = 0; i < field->len; i++)
        if (!(field->flags[i] & XF_QUOTED) && strchr("*?[", field->chars[i]))
            magic = 1;
    if (magic && !shell.opt_noglob) {
        char *pattern = xbuf_pattern(field);
        int before = out->count;

        glob_expand(pattern, out);
        free(pattern);
        if (out->count > before)
            goto out_reset;
    }
    strlist_push(out, xbuf_string(field));
out_reset:
    field->len = 0;
}

static int is_ifs(const char *ifs, char c)
{
    return c != '\0' && strchr(ifs, c) != NULL;
}

static int is_ifs_white(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Splits at the IFS bytes that came from unquoted expansions. */
static void split_fields(const struct xbuf *x, struct strlist *out)
{
    const char *ifs = var_get("IFS");
    struct xbuf field = { 0 };
    int started = 0;
    size_t i = 0;

    if (!ifs)
        ifs = " \t\n";
    while (i < x->len) {
        unsigned char f = x->flags[i];

        if (f & XF_MARK) {
            started = 1;
            i++;
        } else if (f & XF_BREAK) {
            if (started)
                field_finish(&field, out);
            started = 0;
            i++;
        } else if ((f & XF_SPLIT) && is_ifs(ifs, x->chars[i])) {
            int hard = 0;

            for (; i < x->len && (x->flags[i] & XF_SPLIT) && is_ifs(ifs, x->chars[i]); i++)
                hard += !is_ifs_white(x->chars[i]);
            if (started || hard)
                field_finish(&field, out);
            for (; hard > 1; hard--)
                strlist_push(out, xstrdup(""));
            started = 0;
        } else {
            xput(&field, x->chars[i], f);
            started = 1;
            i++;
        }
    }
    if (started)
        field_finish(&field, out);
    xfree(&field);
}

void expand_fields(const char *raw, struct strlist *out)
{
    struct xbuf x = { 0 };

    expand_text(&x, raw, strlen(raw), 0);
    split_fields(&x, out);
    xfree(&x);
}

char *expand_string(const char *raw)
{
    struct xbuf x = { 0 };
    char *s;

    expand_text(&x, raw, strlen(raw), 0);
    s = xbuf_string(&x);
    xfree(&x);
    return s;
}

char *expand_pattern(const char *raw)
{
    struct xbuf x = { 0 };
    char *s;

    expand_text(&x, raw, strlen(raw), 0);
    s = xbuf_pattern(&x);
    xfree(&x);
    return s;
}

char *expand_heredoc(const char *body)
{
    return expand_sub(body, strlen(body), CTX_HEREDOC, 0);
}

int expand_check(void)
{
    if (!shell.expand_failed)
        return 0;
    shell.expand_failed = 0;
    if (!shell.interactive)
        sh_exit(2);
    return 1;
}
