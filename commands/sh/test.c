/*
 * test.c - the test and [ built-ins: a recursive-descent evaluator over
 * the arguments, with -o binding looser than -a, then !, then primaries.
 *
 * File types are told apart without stat(2), which the portable subset
 * lacks: a directory is what opendir() accepts.
 */
#include "sh.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct test {
    char **argv;
    int argc;
    int pos;      /* next argument */
    int failed;   /* a syntax error was reported */
};

static int test_or(struct test *t);

static const char *arg(struct test *t, int offset)
{
    int i = t->pos + offset;

    return i < t->argc ? t->argv[i] : NULL;
}

static void test_error(struct test *t, const char *what, const char *word)
{
    if (!t->failed)
        sh_error("test: %s%s%s", word ? word : "", word ? ": " : "", what);
    t->failed = 1;
}

static int is_directory(const char *path)
{
    DIR *d = opendir(path);

    if (!d)
        return 0;
    closedir(d);
    return 1;
}

static int has_data(const char *path)
{
    char byte;
    int fd;
    ssize_t n;

    if (is_directory(path))
        return 1;
    fd = open(path, O_RDONLY);
    if (fd < 0)
        return 0;
    n = read(fd, &byte, 1);
    close(fd);
    return n == 1;
}

static const char *const unary_ops[] = {
    "-n", "-z", "-e", "-f", "-d", "-r", "-w", "-x", "-s", "-t",
};

static int is_unary(const char *op)
{
    for (size_t i = 0; op && i < sizeof unary_ops / sizeof unary_ops[0]; i++)
        if (strcmp(op, unary_ops[i]) == 0)
            return 1;
    return 0;
}

static int unary(const char *op, const char *s)
{
    long fd;

    switch (op[1]) {
    case 'n': return *s != '\0';
    case 'z': return *s == '\0';
    case 'e': return access(s, F_OK) == 0;
    case 'f': return access(s, F_OK) == 0 && !is_directory(s);
    case 'd': return is_directory(s);
    case 'r': return access(s, R_OK) == 0;
    case 'w': return access(s, W_OK) == 0;
    case 'x': return access(s, X_OK) == 0;
    case 's': return has_data(s);
    default: return parse_number(s, &fd) == 0 && fd >= 0 && isatty((int)fd);
    }
}

static const char *const binary_ops[] = {
    "=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
};

static int is_binary(const char *op)
{
    for (size_t i = 0; op && i < sizeof binary_ops / sizeof binary_ops[0]; i++)
        if (strcmp(op, binary_ops[i]) == 0)
            return 1;
    return 0;
}

static long integer(struct test *t, const char *s)
{
    long n = 0;
    const char *p = s;

    while (*p == ' ' || *p == '\t')
        p++;
    if (parse_number(p, &n) != 0)
        test_error(t, "bad number", s);
    return n;
}

static int binary(struct test *t, const char *l, const char *op, const char *r)
{
    long a, b;

    if (op[0] != '-') {
        int cmp = strcmp(l, r);

        return op[0] == '=' ? cmp == 0 : op[0] == '!' ? cmp != 0 : op[0] == '<' ? cmp < 0 : cmp > 0;
    }
    a = integer(t, l);
    b = integer(t, r);
    if (strcmp(op, "-eq") == 0)
        return a == b;
    if (strcmp(op, "-ne") == 0)
        return a != b;
    if (strcmp(op, "-lt") == 0)
        return a < b;
    if (strcmp(op, "-le") == 0)
        return a <= b;
    if (strcmp(op, "-gt") == 0)
        return a > b;
    return a >= b;
}

static int test_primary(struct test *t)
{
    const char *a = arg(t, 0);

    if (!a) {
        test_error(t, "argument expected", NULL);
        return 0;
    }
    if (is_binary(arg(t, 1)) && arg(t, 2)) {
        t->pos += 3;
        return binary(t, a, t->argv[t->pos - 2], t->argv[t->pos - 1]);
    }
    if (strcmp(a, "(") == 0 && arg(t, 1)) {
        int r;

        t->pos++;
        r = test_or(t);
        if (!arg(t, 0) || strcmp(arg(t, 0), ")") != 0)
            test_error(t, "')' expected", NULL);
        t->pos++;
        return r;
    }
    if (is_unary(a) && arg(t, 1)) {
        t->pos += 2;
        return unary(a, t->argv[t->pos - 1]);
    }
    t->pos++;
    return *a != '\0';
}

static int test_not(struct test *t)
{
    if (arg(t, 0) && strcmp(arg(t, 0), "!") == 0 && arg(t, 1) && !is_binary(arg(t, 1))) {
        t->pos++;
        return !test_not(t);
    }
    return test_primary(t);
}

static int test_and(struct test *t)
{
    int r = test_not(t);

    while (!t->failed && arg(t, 0) && strcmp(arg(t, 0), "-a") == 0) {
        t->pos++;
        r = test_not(t) && r;
    }
    return r;
}

static int test_or(struct test *t)
{
    int r = test_and(t);

    while (!t->failed && arg(t, 0) && strcmp(arg(t, 0), "-o") == 0) {
        t->pos++;
        r = test_and(t) || r;
    }
    return r;
}

int builtin_test(int argc, char **argv)
{
    struct test t = { .argv = argv + 1, .argc = argc - 1 };
    int result;

    if (strcmp(argv[0], "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
            sh_error("[: missing ]");
            return 2;
        }
        t.argc--;
    }
    if (t.argc == 0)
        return 1;
    result = test_or(&t);
    if (!t.failed && t.pos < t.argc)
        test_error(&t, "unexpected operator", t.argv[t.pos]);
    return t.failed ? 2 : !result;
}
