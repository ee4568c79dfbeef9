/*
 * arith.c - evaluates the expression of $((...)): C integer arithmetic on
 * longs with variables, assignments (= += -= ...), ?:, and the usual binary
 * operators, by precedence climbing over a table of operators.
 */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arith {
    const char *p;       /* next unread character */
    int failed;          /* an error was reported */
    int skip;            /* >0 inside an unevaluated branch: no side effects */
};

struct binop {
    const char *text;
    int precedence;      /* higher binds tighter */
};

/* Two-character operators come first so that they match before their
 * one-character prefixes. */
static const struct binop binops[] = {
    { .text = "||", .precedence = 1 }, { .text = "&&", .precedence = 2 },
    { .text = "==", .precedence = 6 }, { .text = "!=", .precedence = 6 },
    { .text = "<=", .precedence = 7 }, { .text = ">=", .precedence = 7 },
    { .text = "<<", .precedence = 8 }, { .text = ">>", .precedence = 8 },
    { .text = "|", .precedence = 3 },  { .text = "^", .precedence = 4 },
    { .text = "&", .precedence = 5 },  { .text = "<", .precedence = 7 },
    { .text = ">", .precedence = 7 },  { .text = "+", .precedence = 9 },
    { .text = "-", .precedence = 9 },  { .text = "*", .precedence = 10 },
    { .text = "/", .precedence = 10 }, { .text = "%", .precedence = 10 },
};

static long parse_expr(struct arith *a);

static void arith_error(struct arith *a, const char *what)
{
    if (!a->failed)
        sh_error("arithmetic: %s", what);
    a->failed = 1;
}

static void skip_space(struct arith *a)
{
    while (isspace((unsigned char)*a->p))
        a->p++;
}

static long variable_value(struct arith *a, const char *name, size_t len)
{
    char *key = xstrndup(name, len);
    const char *text = var_get(key);
    long value = 0;
    char *end;

    free(key);
    if (!text || !*text)
        return 0;
    errno = 0;
    value = strtol(text, &end, 0);
    while (isspace((unsigned char)*end))
        end++;
    if (errno || *end || end == text)
        arith_error(a, "variable is not a number");
    return value;
}

static long parse_unary(struct arith *a);

static long parse_primary(struct arith *a)
{
    long value = 0;
    char *end;

    skip_space(a);
    if (*a->p == '(') {
        a->p++;
        value = parse_expr(a);
        skip_space(a);
        if (*a->p != ')')
            arith_error(a, "missing ')'");
        else
            a->p++;
        return value;
    }
    if (is_name_start(*a->p)) {
        const char *name = a->p;

        while (is_name_char(*a->p))
            a->p++;
        return variable_value(a, name, (size_t)(a->p - name));
    }
    if (!isdigit((unsigned char)*a->p)) {
        arith_error(a, "syntax error");
        return 0;
    }
    errno = 0;
    value = strtol(a->p, &end, 0);
    if (errno || is_name_char(*end))
        arith_error(a, "bad number");
    a->p = end;
    return value;
}

static long parse_unary(struct arith *a)
{
    char op;

    skip_space(a);
    op = *a->p;
    if (op == '-' || op == '+' || op == '!' || op == '~') {
        long v;

        a->p++;
        v = parse_unary(a);
        return op == '-' ? -v : op == '+' ? v : op == '!' ? !v : ~v;
    }
    return parse_primary(a);
}

static const struct binop *next_binop(struct arith *a)
{
    skip_space(a);
    for (size_t i = 0; i < sizeof binops / sizeof binops[0]; i++) {
        size_t n = strlen(binops[i].text);

        if (strncmp(a->p, binops[i].text, n) == 0 && a->p[n] != '=')
            return &binops[i];
        if (strncmp(a->p, binops[i].text, n) == 0 && n == 2 && binops[i].text[1] == '=')
            return &binops[i];
    }
    return NULL;
}

static long apply(struct arith *a, const char *op, long l, long r)
{
    if ((op[0] == '/' || op[0] == '%') && r == 0) {
        if (!a->skip)
            arith_error(a, "division by zero");
        return 0;
    }
    switch (op[0]) {
    case '|': return op[1] ? (l || r) : (l | r);
    case '&': return op[1] ? (l && r) : (l & r);
    case '^': return l ^ r;
    case '=': return l == r;
    case '!': return l != r;
    case '<': return op[1] == '=' ? l <= r : op[1] == '<' ? l << r : l < r;
    case '>': return op[1] == '=' ? l >= r : op[1] == '>' ? l >> r : l > r;
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/': return l / r;
    default: return l % r;
    }
}

static long parse_binary(struct arith *a, int min_precedence)
{
    long left = parse_unary(a);
    const struct binop *op;

    while (!a->failed && (op = next_binop(a)) && op->precedence >= min_precedence) {
        int short_circuit;
        long right;

        a->p += strlen(op->text);
        short_circuit = (op->text[1] == '&' && op->text[0] == '&' && !left) ||
                        (op->text[1] == '|' && op->text[0] == '|' && left);
        a->skip += short_circuit;
        right = parse_binary(a, op->precedence + 1);
        a->skip -= short_circuit;
        left = apply(a, op->text, left, right);
    }
    return left;
}

static long parse_ternary(struct arith *a)
{
    long cond = parse_binary(a, 1);
    long yes, no;

    skip_space(a);
    if (*a->p != '?')
        return cond;
    a->p++;
    a->skip += !cond;
    yes = parse_expr(a);
    a->skip -= !cond;
    skip_space(a);
    if (*a->p != ':') {
        arith_error(a, "expecting ':'");
        return 0;
    }
    a->p++;
    a->skip += !!cond;
    no = parse_ternary(a);
    a->skip -= !!cond;
    return cond ? yes : no;
}

/* name = expr, name op= expr; returns 0 if there is no assignment here. */
static int parse_assignment(struct arith *a, long *value)
{
    static const char *const ops[] = {
        "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=",
    };
    const char *name, *p;
    size_t name_len;

    skip_space(a);
    name = a->p;
    for (p = name; is_name_char(*p); p++)
        ;
    name_len = (size_t)(p - name);
    if (!is_valid_name(name, name_len))
        return 0;
    while (isspace((unsigned char)*p))
        p++;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i]);
        char text[32];

        if (strncmp(p, ops[i], n) != 0 || (n == 1 && p[1] == '='))
            continue;
        a->p = p + n;
        *value = parse_expr(a);
        if (n > 1) {
            char op[3] = { ops[i][0], (char)(n == 3 ? ops[i][1] : '\0'), '\0' };

            *value = apply(a, op, variable_value(a, name, name_len), *value);
        }
        snprintf(text, sizeof text, "%ld", *value);
        if (!a->skip && !a->failed)
            var_set_n(name, name_len, text);
        return 1;
    }
    return 0;
}

static long parse_expr(struct arith *a)
{
    long value;

    if (parse_assignment(a, &value))
        return value;
    return parse_ternary(a);
}

int arith_eval(const char *expr, long *result)
{
    struct arith a = { .p = expr };

    *result = parse_expr(&a);
    skip_space(&a);
    if (*a.p && !a.failed)
        arith_error(&a, "syntax error");
    return a.failed ? -1 : 0;
}
