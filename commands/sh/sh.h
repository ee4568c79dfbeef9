/*
 * sh.h - declarations shared by the files of the Samsara POSIX shell.
 *
 * The shell is portable C11 over a small POSIX subset (see README.md in
 * this folder), so that it can be built and tested on a Linux host as well
 * as on Samsara. Each file owns one concept; this header declares only what
 * crosses file boundaries.
 */
#pragma once

#include <stddef.h>
#include <sys/types.h>

/* ---- util.c: memory and growable buffers ---- */

void *xmalloc(size_t size);
void *xrealloc(void *old, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated string. A zeroed struct is an empty buffer. */
struct strbuf {
    char *data;    /* NULL until the first byte is added */
    size_t len;    /* bytes used, excluding the terminating NUL */
    size_t cap;    /* bytes allocated */
};

void strbuf_putn(struct strbuf *b, const char *s, size_t n);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_puts(struct strbuf *b, const char *s);
char *strbuf_take(struct strbuf *b); /* hands over the string ("" if empty) */
void strbuf_free(struct strbuf *b);

/* A growable NULL-terminated array of owned strings (an argv). */
struct strlist {
    char **items;  /* items[count] is NULL once anything was pushed */
    int count;
    int cap;
};

void strlist_push(struct strlist *l, char *s); /* takes ownership of s */
void strlist_free(struct strlist *l);

int is_name_start(int c);
int is_name_char(int c);
int is_valid_name(const char *s, size_t len);
int parse_number(const char *s, long *out); /* whole string decimal; 0 = ok */
int dup_high(int fd); /* duplicate fd to a close-on-exec fd >= 10, or -1 */

/* ---- output.c: buffered standard output and error messages ---- */

void out_bytes(const char *p, size_t n);
void out_str(const char *s);
void out_char(char c);
void out_flush(void);
void write_all(int fd, const char *p, size_t n);
/* "sh: " [script: line: ] message, one write(2) to fd 2. */
void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- main.c: the shell's run-time state ---- */

enum jump { JUMP_NONE, JUMP_BREAK, JUMP_CONTINUE, JUMP_RETURN };

struct shell {
    int last_status;       /* $? */
    int interactive;       /* reading commands from a terminal */
    int job_control;       /* foreground jobs get their own process group */
    int is_child;          /* a forked subshell: exit with _exit() */
    pid_t pid;             /* $$: the shell's pid, also in subshells */
    pid_t shell_pgrp;      /* our process group, owner of the terminal */
    pid_t last_bg_pid;     /* $! (0 before the first background job) */
    const char *script;    /* script name for error messages, or NULL */
    int lineno;            /* line of the command being run */
    int opt_errexit;       /* set -e */
    int opt_xtrace;        /* set -x */
    int opt_noglob;        /* set -f */
    int opt_nounset;       /* set -u */
    int errexit_off;       /* >0 while running a condition: set -e ignored */
    enum jump jump;        /* break/continue/return in progress */
    int jump_count;        /* loops still to leave for break/continue */
    int loop_depth;        /* enclosing loops, bounds break/continue */
    int func_depth;        /* enclosing function calls and dot scripts */
    int expand_failed;     /* an expansion error was reported */
    int subst_status;      /* status of the last $(...) of the current
                              command, -1 if it had none */
};

extern struct shell shell;

void sh_exit(int status) __attribute__((noreturn));

/* ---- input.c: where commands come from ---- */

struct input {
    int fd;              /* source descriptor, or -1 for a string */
    const char *string;  /* string source (not owned) */
    size_t string_pos;   /* next unread byte of string */
    char *line;          /* the current line, '\n' included if there was one */
    size_t len;          /* bytes in line */
    size_t pos;          /* next byte of line to hand out */
    size_t cap;          /* bytes allocated for line */
    char block[512];     /* read-ahead for file sources */
    size_t block_len;    /* bytes in block */
    size_t block_pos;    /* next unread byte of block */
    int one_byte_reads;  /* fd is shared with commands: never read ahead */
    int interactive;     /* prompt and line editing */
    int continuation;    /* the next line continues a command: PS2 */
    int line_number;     /* number of the current line */
    int eof;             /* the source is exhausted */
    int interrupted;     /* ^C: the command being read is abandoned */
};

#define INPUT_EOF (-1)

void input_from_fd(struct input *in, int fd, int interactive);
void input_from_string(struct input *in, const char *s);
void input_free(struct input *in);
int input_getc(struct input *in);
void input_ungetc(struct input *in, int c);
void input_discard_line(struct input *in);

/* ---- lineedit.c: interactive line reading with erase and kill ---- */

enum { LINE_OK, LINE_EOF, LINE_INTERRUPT };
int lineedit_read(const char *prompt, struct strbuf *line);

/* ---- lexer.c: tokens ---- */

enum token_kind {
    T_WORD, T_NEWLINE, T_EOF, T_SEMI, T_DSEMI, T_AMP, T_AND_IF, T_PIPE,
    T_OR_IF, T_LPAREN, T_RPAREN, T_LESS, T_GREAT, T_DGREAT, T_DLESS,
    T_DLESSDASH, T_LESSAND, T_GREATAND, T_LESSGREAT, T_CLOBBER, T_ERROR,
};

struct token {
    enum token_kind kind;
    char *text;      /* T_WORD: the raw word, quotes kept (owned) */
    int quoted;      /* the word contained quoting: never a reserved word */
    int io_number;   /* redirection operators: the fd before it, or -1 */
    int line;        /* line the token started on */
};

struct redir;

struct lexer {
    struct input *in;
    struct redir *heredocs[16];  /* here-documents whose body comes next */
    int heredoc_count;
};

void lex_init(struct lexer *lx, struct input *in);
void lex_next(struct lexer *lx, struct token *tok);
int lex_add_heredoc(struct lexer *lx, struct redir *r);
const char *token_name(const struct token *tok);

/* ---- parser.c: the syntax tree ---- */

enum redir_kind {
    R_IN, R_OUT, R_APPEND, R_INOUT, R_DUP_IN, R_DUP_OUT, R_HEREDOC,
};

struct redir {
    enum redir_kind kind;
    int fd;               /* the descriptor being redirected */
    char *target;         /* raw word: file, descriptor or '-'; here-doc: delimiter */
    char *heredoc;        /* R_HEREDOC: the body */
    int heredoc_literal;  /* delimiter was quoted: body is not expanded */
    int strip_tabs;       /* <<- */
    struct redir *next;
};

enum node_kind {
    N_COMMAND, N_PIPELINE, N_AND, N_OR, N_NOT, N_LIST, N_SUBSHELL, N_GROUP,
    N_IF, N_WHILE, N_UNTIL, N_FOR, N_CASE, N_FUNCDEF, N_KIND_COUNT,
};

struct case_item {
    struct strlist patterns;  /* raw pattern words */
    struct node *body;        /* may be NULL for an empty item */
    struct case_item *next;
};

struct node {
    enum node_kind kind;
    int line;                 /* source line, for error messages */
    int async;                /* N_LIST item ended by '&' */
    struct node *next;        /* next item of the enclosing list or pipeline */
    struct node *child;       /* list items, pipeline members, left operand,
                                 condition, loop/subshell/function body */
    struct node *then;        /* right operand, if-then part, loop body */
    struct node *otherwise;   /* else part (an elif is a nested N_IF) */
    struct strlist words;     /* command words, for items, case subject */
    struct strlist assigns;   /* N_COMMAND: leading name=value words */
    struct redir *redirs;     /* on simple and compound commands */
    struct case_item *cases;  /* N_CASE */
    char *name;               /* N_FOR variable, N_FUNCDEF name */
    int for_in;               /* N_FOR has an 'in' list (else "$@") */
};

enum parse_result { PARSE_OK, PARSE_EOF, PARSE_ERROR };

struct parser {
    struct lexer lx;
    struct token tok;      /* lookahead */
    int have_tok;          /* tok is valid */
    int failed;            /* a syntax error was reported */
    int has_funcdef;       /* the tree defines a function: keep it alive */
};

void parser_init(struct parser *p, struct input *in);
void parser_free(struct parser *p);
enum parse_result parse_line(struct parser *p, struct node **out);
void node_free(struct node *n);

/* ---- var.c: variables and positional parameters ---- */

const char *var_get(const char *name);
void var_set(const char *name, const char *value);
void var_set_n(const char *name, size_t name_len, const char *value);
void var_unset(const char *name);
void var_export(const char *name);
void var_import(char **env);
char **var_environ(void);           /* exported "name=value"; free with free_argv */
void var_print(int exported_only);
void var_free_all(void);
int var_assign(const char *word);   /* "name=value" already expanded */

struct var_saved;
struct var_saved *var_save(const char *name, struct var_saved *list);
void var_restore(struct var_saved *list);

struct params {
    int count;
    char **values;  /* owned, NULL-terminated */
};

void params_set(int count, char *const *values);
struct params params_swap(struct params replacement);
void params_free(struct params *p);
int params_count(void);
const char *params_get(int n);      /* $n for n >= 1, or NULL */
int params_shift(int n);
const char *param_zero(void);
void param_zero_set(const char *name);
void free_argv(char **argv);

/* ---- expand.c: word expansion ---- */

void expand_fields(const char *raw, struct strlist *out);
char *expand_string(const char *raw);
char *expand_pattern(const char *raw);
char *expand_heredoc(const char *body);
int expand_check(void);  /* nonzero after a reported expansion error */

/* ---- arith.c: $(( )) ---- */

int arith_eval(const char *expr, long *result); /* 0 = ok, else reported */

/* ---- pattern.c: pattern matching and pathname expansion ---- */

int pattern_match(const char *pattern, const char *s);
int pattern_has_magic(const char *pattern);
void glob_expand(const char *pattern, struct strlist *out); /* adds matches, sorted */
char *pattern_unescape(const char *pattern);

/* ---- exec.c: running the tree ---- */

int exec_node(struct node *n, int flags);
int exec_function(struct node *body, int argc, char **argv);
void exec_argv(char **argv) __attribute__((noreturn));
int run_input(struct input *in);
int run_string(const char *text);
int run_file(const char *path, int report_missing);

enum { EXEC_FORKED = 1 };  /* already in a child: exec without forking */

/* ---- redir.c: redirections ---- */

struct redir_save {
    int fds[32];     /* redirected descriptors, in order */
    int saved[32];   /* their saved copies, or -1 if they were closed */
    int count;
};

int redir_apply(struct redir *list, struct redir_save *save);
void redir_restore(struct redir_save *save);

/* ---- jobs.c: processes, process groups, waiting ---- */

enum fork_mode { FORK_FOREGROUND, FORK_BACKGROUND, FORK_PLAIN };

pid_t sh_fork(enum fork_mode mode, pid_t pgid);
int wait_foreground(pid_t *pids, int count);
int wait_status(int raw);
int wait_pid(pid_t pid);
void jobs_add(pid_t pid);
int jobs_wait(pid_t pid);       /* pid 0: all; returns the status */
void jobs_reap(void);

/* ---- builtins.c ---- */

typedef int (*builtin_fn)(int argc, char **argv);

struct builtin {
    const char *name;
    builtin_fn run;
    int special;    /* POSIX special built-in: assignments persist */
    int keep_redirs;  /* exec: redirections stay in effect afterwards */
};

const struct builtin *builtin_find(const char *name);
int builtin_test(int argc, char **argv); /* test.c */
int builtin_read(int argc, char **argv); /* read.c */
int option_set(int letter, int on);      /* set -e etc.; -1 if unknown */

/* ---- functions (exec.c) ---- */

void func_define(const char *name, struct node *body);
struct node *func_find(const char *name);
void func_unset(const char *name);
