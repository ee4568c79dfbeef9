/*
 * parser.c - builds the syntax tree of one complete command line at a time
 * (more lines are read while a compound command or a quote is open), and
 * reports syntax errors.
 *
 * Grammar, after POSIX XCU 2.10, with one token of lookahead:
 *   line      : list? (NEWLINE | EOF)
 *   list      : and_or ((';' | '&') and_or)* (';' | '&')?
 *   and_or    : pipeline (('&&' | '||') newline* pipeline)*
 *   pipeline  : '!'? command ('|' newline* command)*
 *   command   : compound redirect* | name '(' ')' newline* compound
 *             | (assignment | word | redirect)+
 *   compound  : '{' clist '}' | '(' clist ')' | if | while | until | for | case
 *   clist     : newline* and_or ((';' | '&' | newline+) and_or)* separator?
 * Reserved words are recognised only where a command may start.
 */
#include "sh.h"

#include <stdlib.h>
#include <string.h>

static struct node *parse_and_or(struct parser *p);
static struct node *parse_command(struct parser *p);
static struct node *parse_compound_list(struct parser *p);

void parser_init(struct parser *p, struct input *in)
{
    memset(p, 0, sizeof *p);
    lex_init(&p->lx, in);
}

static struct token *peek(struct parser *p)
{
    if (!p->have_tok) {
        lex_next(&p->lx, &p->tok);
        p->have_tok = 1;
    }
    return &p->tok;
}

static void advance(struct parser *p)
{
    peek(p);
    free(p->tok.text);
    p->tok.text = NULL;
    p->have_tok = 0;
}

/* Takes the text of the current word token. */
static char *take_word(struct parser *p)
{
    char *text = peek(p)->text;

    p->tok.text = NULL;
    p->have_tok = 0;
    return text;
}

void parser_free(struct parser *p)
{
    if (p->have_tok)
        advance(p);
}

static int is_keyword(struct parser *p, const char *word)
{
    struct token *t = peek(p);

    return t->kind == T_WORD && !t->quoted && strcmp(t->text, word) == 0;
}

/* Reports an unexpected token (once) and returns NULL. */
static void *syntax_error(struct parser *p)
{
    struct token *t = peek(p);

    if (!p->failed && t->kind != T_ERROR) {
        shell.lineno = t->line;
        if (t->kind == T_EOF || t->kind == T_NEWLINE)
            sh_error("syntax error: unexpected %s", token_name(t));
        else
            sh_error("syntax error: unexpected '%s'", token_name(t));
    }
    p->failed = 1;
    return NULL;
}

static int expect_keyword(struct parser *p, const char *word)
{
    if (!is_keyword(p, word)) {
        syntax_error(p);
        return -1;
    }
    advance(p);
    return 0;
}

static void skip_newlines(struct parser *p)
{
    while (peek(p)->kind == T_NEWLINE)
        advance(p);
}

static struct node *node_new(struct parser *p, enum node_kind kind)
{
    struct node *n = xmalloc(sizeof *n);

    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->line = peek(p)->line;
    return n;
}

static void redir_free(struct redir *r)
{
    while (r) {
        struct redir *next = r->next;

        free(r->target);
        free(r->heredoc);
        free(r);
        r = next;
    }
}

void node_free(struct node *n)
{
    while (n) {
        struct node *next = n->next;

        node_free(n->child);
        node_free(n->then);
        node_free(n->otherwise);
        strlist_free(&n->words);
        strlist_free(&n->assigns);
        redir_free(n->redirs);
        for (struct case_item *c = n->cases, *cn; c; c = cn) {
            cn = c->next;
            strlist_free(&c->patterns);
            node_free(c->body);
            free(c);
        }
        free(n->name);
        free(n);
        n = next;
    }
}

/* Frees n and returns NULL: the tail of every failing parse function. */
static struct node *fail(struct node *n)
{
    node_free(n);
    return NULL;
}

/* Reports the current token as unexpected, frees n, returns NULL. */
static struct node *fail_at(struct parser *p, struct node *n)
{
    syntax_error(p);
    return fail(n);
}

static int is_redirect_op(enum token_kind k)
{
    return k == T_LESS || k == T_GREAT || k == T_DGREAT || k == T_DLESS ||
           k == T_DLESSDASH || k == T_LESSAND || k == T_GREATAND ||
           k == T_LESSGREAT || k == T_CLOBBER;
}

/* The here-doc delimiter with its quoting removed. */
static char *unquote_delimiter(const char *raw, int *quoted)
{
    struct strbuf b = { 0 };

    *quoted = 0;
    for (; *raw; raw++) {
        if (*raw == '\'' || *raw == '"') {
            *quoted = 1;
            continue;
        }
        if (*raw == '\\' && raw[1]) {
            *quoted = 1;
            raw++;
        }
        strbuf_putc(&b, *raw);
    }
    return strbuf_take(&b);
}

static void redir_setup(struct redir *r, enum token_kind op)
{
    static const struct { enum redir_kind kind; int fd; } ops[] = {
        [T_LESS] = { R_IN, 0 },          [T_GREAT] = { R_OUT, 1 },
        [T_CLOBBER] = { R_OUT, 1 },      [T_DGREAT] = { R_APPEND, 1 },
        [T_LESSGREAT] = { R_INOUT, 0 },  [T_LESSAND] = { R_DUP_IN, 0 },
        [T_GREATAND] = { R_DUP_OUT, 1 }, [T_DLESS] = { R_HEREDOC, 0 },
        [T_DLESSDASH] = { R_HEREDOC, 0 },
    };

    r->kind = ops[op].kind;
    r->fd = ops[op].fd;
    r->strip_tabs = op == T_DLESSDASH;
}

/* Parses one redirection and appends it to *list. */
static int parse_redirect(struct parser *p, struct redir **list)
{
    struct token *t = peek(p);
    struct redir *r = xmalloc(sizeof *r);
    enum token_kind op = t->kind;

    memset(r, 0, sizeof *r);
    redir_setup(r, op);
    if (t->io_number >= 0)
        r->fd = t->io_number;
    advance(p);
    if (peek(p)->kind != T_WORD) {
        free(r);
        syntax_error(p);
        return -1;
    }
    r->target = take_word(p);
    if (r->kind == R_HEREDOC) {
        char *raw = r->target;

        r->target = unquote_delimiter(raw, &r->heredoc_literal);
        free(raw);
        if (lex_add_heredoc(&p->lx, r) != 0) {
            sh_error("too many here-documents");
            redir_free(r);
            p->failed = 1;
            return -1;
        }
    }
    while (*list)
        list = &(*list)->next;
    *list = r;
    return 0;
}

static int is_assignment(const char *word)
{
    const char *eq = strchr(word, '=');

    return eq && is_valid_name(word, (size_t)(eq - word));
}

/* name ( ) newline* compound-command; the name is already in n->words. */
static struct node *parse_funcdef(struct parser *p, struct node *n)
{
    advance(p);
    if (peek(p)->kind != T_RPAREN || n->assigns.count || n->redirs)
        return fail_at(p, n);
    advance(p);
    skip_newlines(p);
    n->kind = N_FUNCDEF;
    n->name = xstrdup(n->words.items[0]);
    strlist_free(&n->words);
    n->child = parse_command(p);
    if (!n->child)
        return fail(n);
    if (n->child->kind == N_COMMAND) /* the body must be a compound command */
        return fail_at(p, n);
    p->has_funcdef = 1;
    return n;
}

static struct node *parse_simple(struct parser *p)
{
    struct node *n = node_new(p, N_COMMAND);

    for (;;) {
        struct token *t = peek(p);

        if (is_redirect_op(t->kind)) {
            if (parse_redirect(p, &n->redirs) != 0)
                return fail(n);
        } else if (t->kind == T_WORD) {
            if (n->words.count == 0 && is_assignment(t->text))
                strlist_push(&n->assigns, take_word(p));
            else
                strlist_push(&n->words, take_word(p));
            if (n->words.count == 1 && peek(p)->kind == T_LPAREN)
                return parse_funcdef(p, n);
        } else {
            break;
        }
    }
    if (!n->words.count && !n->assigns.count && !n->redirs)
        return fail_at(p, n);
    return n;
}

/* Parses a compound list and the keyword that must close it. */
static struct node *parse_block(struct parser *p, const char *closer)
{
    struct node *body = parse_compound_list(p);

    if (!body || expect_keyword(p, closer) != 0)
        return fail(body);
    return body;
}

static struct node *parse_if(struct parser *p)
{
    struct node *n = node_new(p, N_IF);

    advance(p); /* if or elif */
    if (!(n->child = parse_block(p, "then")))
        return fail(n);
    if (!(n->then = parse_compound_list(p)))
        return fail(n);
    if (is_keyword(p, "elif")) {
        if (!(n->otherwise = parse_if(p)))
            return fail(n);
        return n;
    }
    if (is_keyword(p, "else")) {
        advance(p);
        if (!(n->otherwise = parse_compound_list(p)))
            return fail(n);
    }
    if (expect_keyword(p, "fi") != 0)
        return fail(n);
    return n;
}

static struct node *parse_loop(struct parser *p, enum node_kind kind)
{
    struct node *n = node_new(p, kind);

    advance(p); /* while or until */
    if (!(n->child = parse_block(p, "do")) || !(n->then = parse_block(p, "done")))
        return fail(n);
    return n;
}

static struct node *parse_for(struct parser *p)
{
    struct node *n = node_new(p, N_FOR);

    advance(p);
    if (peek(p)->kind != T_WORD || !is_valid_name(p->tok.text, strlen(p->tok.text)))
        return fail_at(p, n);
    n->name = take_word(p);
    skip_newlines(p);
    if (is_keyword(p, "in")) {
        advance(p);
        n->for_in = 1;
        while (peek(p)->kind == T_WORD)
            strlist_push(&n->words, take_word(p));
        if (peek(p)->kind != T_SEMI && peek(p)->kind != T_NEWLINE)
            return fail_at(p, n);
        advance(p);
    } else if (peek(p)->kind == T_SEMI) {
        advance(p);
    }
    skip_newlines(p);
    if (expect_keyword(p, "do") != 0 || !(n->then = parse_block(p, "done")))
        return fail(n);
    return n;
}

/* One "pattern | pattern ) list ;;" item of a case. */
static struct case_item *parse_case_item(struct parser *p)
{
    struct case_item *item = xmalloc(sizeof *item);

    memset(item, 0, sizeof *item);
    if (peek(p)->kind == T_LPAREN)
        advance(p);
    for (;;) {
        if (peek(p)->kind != T_WORD)
            goto out_error;
        strlist_push(&item->patterns, take_word(p));
        if (peek(p)->kind != T_PIPE)
            break;
        advance(p);
    }
    if (peek(p)->kind != T_RPAREN)
        goto out_error;
    advance(p);
    skip_newlines(p);
    if (peek(p)->kind != T_DSEMI && !is_keyword(p, "esac")) {
        if (!(item->body = parse_compound_list(p)))
            goto out_free;
    }
    if (peek(p)->kind == T_DSEMI)
        advance(p);
    else if (!is_keyword(p, "esac"))
        goto out_error;
    skip_newlines(p);
    return item;

out_error:
    syntax_error(p);
out_free:
    strlist_free(&item->patterns);
    node_free(item->body);
    free(item);
    return NULL;
}

static struct node *parse_case(struct parser *p)
{
    struct node *n = node_new(p, N_CASE);
    struct case_item **tail = &n->cases;

    advance(p);
    if (peek(p)->kind != T_WORD)
        return fail_at(p, n);
    strlist_push(&n->words, take_word(p));
    skip_newlines(p);
    if (expect_keyword(p, "in") != 0)
        return fail(n);
    skip_newlines(p);
    while (!is_keyword(p, "esac")) {
        if (!(*tail = parse_case_item(p)))
            return fail(n);
        tail = &(*tail)->next;
    }
    advance(p);
    return n;
}

static struct node *parse_group(struct parser *p, enum node_kind kind)
{
    struct node *n = node_new(p, kind);

    advance(p);
    if (!(n->child = parse_compound_list(p)))
        return fail(n);
    if (kind == N_SUBSHELL) {
        if (peek(p)->kind != T_RPAREN)
            return fail_at(p, n);
        advance(p);
    } else if (expect_keyword(p, "}") != 0) {
        return fail(n);
    }
    return n;
}

static struct node *parse_compound(struct parser *p)
{
    if (peek(p)->kind == T_LPAREN)
        return parse_group(p, N_SUBSHELL);
    if (is_keyword(p, "{"))
        return parse_group(p, N_GROUP);
    if (is_keyword(p, "if"))
        return parse_if(p);
    if (is_keyword(p, "while"))
        return parse_loop(p, N_WHILE);
    if (is_keyword(p, "until"))
        return parse_loop(p, N_UNTIL);
    if (is_keyword(p, "for"))
        return parse_for(p);
    if (is_keyword(p, "case"))
        return parse_case(p);
    return NULL;
}

static int is_closing_keyword(struct parser *p)
{
    static const char *const words[] = {
        "then", "else", "elif", "fi", "do", "done", "esac", "}",
    };

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_keyword(p, words[i]))
            return 1;
    return 0;
}

static struct node *parse_command(struct parser *p)
{
    struct node *n;

    if (is_closing_keyword(p))
        return syntax_error(p);
    n = parse_compound(p);
    if (!n)
        return p->failed ? NULL : parse_simple(p);
    while (is_redirect_op(peek(p)->kind))
        if (parse_redirect(p, &n->redirs) != 0)
            return fail(n);
    return n;
}

static struct node *parse_pipeline(struct parser *p)
{
    struct node *pipeline = NULL;
    struct node **tail;
    int negate = 0;
    int count = 1;

    if (is_keyword(p, "!")) {
        advance(p);
        negate = 1;
    }
    pipeline = parse_command(p);
    tail = pipeline ? &pipeline->next : NULL;
    while (pipeline && peek(p)->kind == T_PIPE) {
        advance(p);
        skip_newlines(p);
        if (!(*tail = parse_command(p)))
            return fail(pipeline);
        tail = &(*tail)->next;
        count++;
    }
    if (pipeline && count > 1) {
        struct node *n = node_new(p, N_PIPELINE);

        n->line = pipeline->line;
        n->child = pipeline;
        pipeline = n;
    }
    if (pipeline && negate) {
        struct node *n = node_new(p, N_NOT);

        n->child = pipeline;
        pipeline = n;
    }
    return pipeline;
}

static struct node *parse_and_or(struct parser *p)
{
    struct node *left = parse_pipeline(p);

    while (left && (peek(p)->kind == T_AND_IF || peek(p)->kind == T_OR_IF)) {
        struct node *n = node_new(p, peek(p)->kind == T_AND_IF ? N_AND : N_OR);

        advance(p);
        skip_newlines(p);
        n->child = left;
        left = n;
        if (!(n->then = parse_pipeline(p)))
            return fail(n);
    }
    return left;
}

static int is_list_end(struct parser *p)
{
    enum token_kind k = peek(p)->kind;

    return k == T_RPAREN || k == T_DSEMI || k == T_EOF || is_closing_keyword(p);
}

/* A list inside a compound command: items end at ;, & or newlines. */
static struct node *parse_compound_list(struct parser *p)
{
    struct node *list = node_new(p, N_LIST);
    struct node **tail = &list->child;

    skip_newlines(p);
    while (!is_list_end(p)) {
        enum token_kind k;

        if (!(*tail = parse_and_or(p)))
            return fail(list);
        k = peek(p)->kind;
        if (k == T_SEMI || k == T_AMP) {
            (*tail)->async = k == T_AMP;
            advance(p);
        } else if (k != T_NEWLINE) {
            break;
        }
        tail = &(*tail)->next;
        skip_newlines(p);
    }
    if (!list->child)
        return fail_at(p, list);
    return list;
}

/* The list of a command line: ends at the newline, which is consumed. */
static struct node *parse_top_list(struct parser *p)
{
    struct node *list = node_new(p, N_LIST);
    struct node **tail = &list->child;

    for (;;) {
        enum token_kind k;

        if (!(*tail = parse_and_or(p)))
            return fail(list);
        k = peek(p)->kind;
        if (k != T_SEMI && k != T_AMP)
            break;
        (*tail)->async = k == T_AMP;
        advance(p);
        tail = &(*tail)->next;
        k = peek(p)->kind;
        if (k == T_NEWLINE || k == T_EOF)
            break;
    }
    if (peek(p)->kind == T_NEWLINE)
        advance(p);
    else if (peek(p)->kind != T_EOF)
        return fail_at(p, list);
    return list;
}

enum parse_result parse_line(struct parser *p, struct node **out)
{
    struct token *t;

    *out = NULL;
    p->failed = 0;
    p->has_funcdef = 0;
    t = peek(p);
    if (t->kind == T_EOF)
        return PARSE_EOF;
    if (t->kind == T_NEWLINE) {
        advance(p);
        return PARSE_OK;
    }
    *out = parse_top_list(p);
    if (!*out) {
        p->failed = 1;
        if (p->have_tok && p->tok.kind != T_EOF)
            advance(p);
        p->lx.heredoc_count = 0;
        return PARSE_ERROR;
    }
    return PARSE_OK;
}
