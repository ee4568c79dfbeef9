/*
 * builtins.c - the commands the shell runs itself, dispatched by name
 * through builtin_table. test/[ live in test.c and read in read.c.
 *
 * A built-in returns its exit status; it prints through out_*() and the
 * caller flushes, with the command's redirections still in effect.
 */
#include "sh.h"
#include "../lib/mode_symbolic.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int builtin_true(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int builtin_false(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 1;
}

/* Prints s, interpreting backslash escapes as dash's echo does; returns 1
 * after \c, which ends all output. */
static int echo_escaped(const char *s)
{
    static const char escapes[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";

    for (; *s; s++) {
        const char *e;

        if (*s != '\\' || !s[1]) {
            out_char(*s);
        } else if (s[1] == 'c') {
            return 1;
        } else if (s[1] == '0') {
            int value = 0, digits = 0;

            for (s += 2; digits < 3 && *s >= '0' && *s <= '7'; digits++, s++)
                value = value * 8 + (*s - '0');
            out_char((char)value);
            s--;
        } else if ((e = strchr(escapes, s[1])) != NULL && (e - escapes) % 2 == 0) {
            out_char(e[1]);
            s++;
        } else {
            out_char('\\');
        }
    }
    return 0;
}

static int builtin_echo(int argc, char **argv)
{
    int i = 1, newline = 1;

    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        newline = 0;
        i++;
    }
    for (; i < argc; i++) {
        if (echo_escaped(argv[i]))
            return 0;
        if (i + 1 < argc)
            out_char(' ');
    }
    if (newline)
        out_char('\n');
    return 0;
}

static char *current_directory(void)
{
    size_t size = 256;

    for (;;) {
        char *buf = xmalloc(size);

        if (getcwd(buf, size))
            return buf;
        free(buf);
        if (errno != ERANGE)
            return NULL;
        size *= 2;
    }
}

static int builtin_pwd(int argc, char **argv)
{
    char *cwd = current_directory();

    (void)argc;
    (void)argv;
    if (!cwd) {
        sh_error("pwd: %s", strerror(errno));
        return 1;
    }
    out_str(cwd);
    out_char('\n');
    free(cwd);
    return 0;
}

static int builtin_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");
    int print = 0;
    char *cwd;

    if (dir && strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        print = 1;
    }
    if (!dir || !*dir) {
        sh_error("cd: %s not set", print ? "OLDPWD" : "HOME");
        return 1;
    }
    if (chdir(dir) != 0) {
        sh_error("cd: %s: %s", dir, strerror(errno));
        return 1;
    }
    if (var_get("PWD"))
        var_set("OLDPWD", var_get("PWD"));
    cwd = current_directory();
    if (cwd) {
        var_set("PWD", cwd);
        if (print) {
            out_str(cwd);
            out_char('\n');
        }
        free(cwd);
    }
    return 0;
}

static int builtin_exit(int argc, char **argv)
{
    long status = shell.last_status;

    if (argc > 1 && (parse_number(argv[1], &status) != 0 || status < 0)) {
        sh_error("exit: illegal number: %s", argv[1]);
        status = 2;
    }
    sh_exit((int)status);
}

static int builtin_export(int argc, char **argv)
{
    int status = 0;

    if (argc == 1 || (argc == 2 && strcmp(argv[1], "-p") == 0)) {
        var_print(1);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        size_t len = strcspn(argv[i], "=");
        char *name = xstrndup(argv[i], len);

        if (!is_valid_name(name, len)) {
            sh_error("export: %s: bad variable name", argv[i]);
            status = 1;
        } else {
            if (argv[i][len] == '=')
                var_assign(argv[i]);
            var_export(name);
        }
        free(name);
    }
    return status;
}

static int builtin_unset(int argc, char **argv)
{
    int functions = 0, i = 1;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-f") == 0)
            functions = 1;
        else if (strcmp(argv[i], "-v") != 0)
            break;
    }
    for (; i < argc; i++) {
        if (functions)
            func_unset(argv[i]);
        else
            var_unset(argv[i]);
    }
    return 0;
}

struct option_name {
    const char *name;
    char letter;
};

static const struct option_name option_names[] = {
    { .name = "errexit", .letter = 'e' }, { .name = "noglob", .letter = 'f' },
    { .name = "nounset", .letter = 'u' }, { .name = "xtrace", .letter = 'x' },
};

int option_set(int letter, int on)
{
    switch (letter) {
    case 'e': shell.opt_errexit = on; return 0;
    case 'f': shell.opt_noglob = on; return 0;
    case 'u': shell.opt_nounset = on; return 0;
    case 'x': shell.opt_xtrace = on; return 0;
    default: return -1;
    }
}

/* set -o name / +o name. */
static int set_named_option(const char *name, int on)
{
    for (size_t i = 0; i < sizeof option_names / sizeof option_names[0]; i++)
        if (strcmp(option_names[i].name, name) == 0)
            return option_set(option_names[i].letter, on);
    sh_error("set: %s: bad option", name);
    return -1;
}

static int builtin_set(int argc, char **argv)
{
    int i = 1, replace = 0;

    if (argc == 1) {
        var_print(0);
        return 0;
    }
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        int on = argv[i][0] == '-';

        if (strcmp(argv[i], "--") == 0) {
            replace = 1;
            i++;
            break;
        }
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'o') {
                if (i + 1 >= argc || set_named_option(argv[++i], on) != 0)
                    return 2;
                break;
            }
            if (option_set(*p, on) != 0) {
                sh_error("set: -%c: bad option", *p);
                return 2;
            }
        }
    }
    if (i < argc || replace)
        params_set(argc - i, argv + i);
    return 0;
}

static int builtin_shift(int argc, char **argv)
{
    long n = 1;

    if (argc > 1 && parse_number(argv[1], &n) != 0) {
        sh_error("shift: illegal number: %s", argv[1]);
        return 2;
    }
    if (params_shift((int)n) != 0) {
        sh_error("shift: can't shift that many");
        return 2;
    }
    return 0;
}

/* break [n] and continue [n]. */
static int loop_jump(int argc, char **argv, enum jump jump)
{
    long n = 1;

    if (argc > 1 && (parse_number(argv[1], &n) != 0 || n < 1)) {
        sh_error("%s: illegal number: %s", argv[0], argv[1]);
        return 2;
    }
    if (shell.loop_depth == 0)
        return 0;
    shell.jump = jump;
    shell.jump_count = n < shell.loop_depth ? (int)n : shell.loop_depth;
    return 0;
}

static int builtin_break(int argc, char **argv)
{
    return loop_jump(argc, argv, JUMP_BREAK);
}

static int builtin_continue(int argc, char **argv)
{
    return loop_jump(argc, argv, JUMP_CONTINUE);
}

static int builtin_return(int argc, char **argv)
{
    long status = shell.last_status;

    if (argc > 1 && parse_number(argv[1], &status) != 0) {
        sh_error("return: illegal number: %s", argv[1]);
        status = 2;
    }
    if (shell.func_depth == 0)
        sh_exit((int)status);
    shell.jump = JUMP_RETURN;
    return (int)status & 255;
}

static int builtin_wait(int argc, char **argv)
{
    int status = 0;

    if (argc == 1)
        return jobs_wait(0);
    for (int i = 1; i < argc; i++) {
        long pid;

        if (parse_number(argv[i], &pid) != 0 || pid <= 0) {
            sh_error("wait: illegal number: %s", argv[i]);
            return 2;
        }
        status = jobs_wait((pid_t)pid);
    }
    return status;
}

static int builtin_eval(int argc, char **argv)
{
    struct strbuf text = { 0 };
    int status;

    for (int i = 1; i < argc; i++) {
        if (i > 1)
            strbuf_putc(&text, ' ');
        strbuf_puts(&text, argv[i]);
    }
    shell.last_status = 0;
    status = run_string(text.data ? text.data : "");
    strbuf_free(&text);
    return status;
}

/* The file for ". name": a name without '/' is searched on PATH, then
 * in the current directory. */
static char *find_dot_file(const char *name)
{
    const char *path = var_get("PATH");

    if (strchr(name, '/') || !path)
        return xstrdup(name);
    for (const char *dir = path; dir; ) {
        const char *colon = strchr(dir, ':');
        size_t len = colon ? (size_t)(colon - dir) : strlen(dir);
        struct strbuf file = { 0 };

        strbuf_putn(&file, len ? dir : ".", len ? len : 1);
        strbuf_putc(&file, '/');
        strbuf_puts(&file, name);
        if (access(file.data, R_OK) == 0)
            return strbuf_take(&file);
        strbuf_free(&file);
        dir = colon ? colon + 1 : NULL;
    }
    return xstrdup(name);
}

static int builtin_dot(int argc, char **argv)
{
    char *file;
    int status;

    if (argc < 2) {
        sh_error(".: filename argument required");
        return 2;
    }
    file = find_dot_file(argv[1]);
    shell.func_depth++;
    status = run_file(file, 0);
    shell.func_depth--;
    if (shell.jump == JUMP_RETURN)
        shell.jump = JUMP_NONE;
    if (status < 0) {
        sh_error(".: cannot open %s: %s", argv[1], strerror(errno));
        status = 2;
    }
    free(file);
    return status;
}

static int builtin_exec(int argc, char **argv)
{
    if (argc > 1)
        exec_argv(argv + 1);
    return 0;
}

/* The mask as dash prints it: "0022", or with -S the permissions it lets through. */
static void print_umask(mode_t mask, int symbolic)
{
    char text[32];
    mode_t allowed = ~mask & 0777;

    if (!symbolic) {
        snprintf(text, sizeof text, "%04o\n", (unsigned)mask);
        out_str(text);
        return;
    }
    for (int class = 0; class < 3; class++) {
        unsigned bits = (allowed >> (6 - 3 * class)) & 7;

        snprintf(text, sizeof text, "%s%c=%s%s%s", class ? "," : "", "ugo"[class],
                 bits & 4 ? "r" : "", bits & 2 ? "w" : "", bits & 1 ? "x" : "");
        out_str(text);
    }
    out_char('\n');
}

/* An octal mask ("022"); -1 if a character is not an octal digit. */
static int parse_octal_mask(const char *text, mode_t *mask)
{
    unsigned value = 0;

    for (; *text; text++) {
        if (*text < '0' || *text > '7')
            return -1;
        value = (value * 8 + (unsigned)(*text - '0')) & 07777;
    }
    *mask = (mode_t)(value & 0777);
    return 0;
}

/* umask [-S] [mask]: print or set the file creation mask, octal or symbolic ("g-w"). */
static int builtin_umask(int argc, char **argv)
{
    int i = 1, symbolic = 0;
    mode_t mask = umask(0), allowed;

    umask(mask);
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-S") != 0) {
            sh_error("umask: Illegal option %s", argv[i]);
            return 2;
        }
        symbolic = 1;
    }
    if (i == argc) {
        print_umask(mask, symbolic);
        return 0;
    }
    if (argv[i][0] >= '0' && argv[i][0] <= '9') {
        if (parse_octal_mask(argv[i], &mask) != 0) {
            sh_error("umask: Illegal number: %s", argv[i]);
            return 2;
        }
    } else if (mode_apply_symbolic(argv[i], ~mask & 0777, 0, 0, &allowed) != 0) {
        sh_error("umask: Illegal mode: %s", argv[i]);
        return 2;
    } else {
        mask = ~allowed & 0777;
    }
    umask(mask);
    return 0;
}

static const struct builtin builtin_table[] = {
    { .name = ".", .run = builtin_dot, .special = 1 },
    { .name = ":", .run = builtin_true, .special = 1 },
    { .name = "[", .run = builtin_test },
    { .name = "break", .run = builtin_break, .special = 1 },
    { .name = "cd", .run = builtin_cd },
    { .name = "continue", .run = builtin_continue, .special = 1 },
    { .name = "echo", .run = builtin_echo },
    { .name = "eval", .run = builtin_eval, .special = 1 },
    { .name = "exec", .run = builtin_exec, .special = 1, .keep_redirs = 1 },
    { .name = "exit", .run = builtin_exit, .special = 1 },
    { .name = "export", .run = builtin_export, .special = 1 },
    { .name = "false", .run = builtin_false },
    { .name = "pwd", .run = builtin_pwd },
    { .name = "read", .run = builtin_read },
    { .name = "return", .run = builtin_return, .special = 1 },
    { .name = "set", .run = builtin_set, .special = 1 },
    { .name = "shift", .run = builtin_shift, .special = 1 },
    { .name = "test", .run = builtin_test },
    { .name = "true", .run = builtin_true },
    { .name = "umask", .run = builtin_umask },
    { .name = "unset", .run = builtin_unset, .special = 1 },
    { .name = "wait", .run = builtin_wait },
};

const struct builtin *builtin_find(const char *name)
{
    for (size_t i = 0; i < sizeof builtin_table / sizeof builtin_table[0]; i++)
        if (strcmp(builtin_table[i].name, name) == 0)
            return &builtin_table[i];
    return NULL;
}
