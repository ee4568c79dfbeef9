/*
 * expr: evaluate an expression given as separate arguments and print the
 * result. Operators, loosest first: | & (= != < <= > >=) (+ -) (* / %) :,
 * with parentheses and GNU's match, substr, index, length and "+ token".
 * Integers are 64-bit (GNU uses arbitrary precision). ":" matches a basic
 * regular expression anchored at the start and yields \1 or the length.
 * Exit status 0 if the result is neither empty nor 0, 1 if it is, 2 for
 * an invalid expression, 3 for other errors.
 */
#include "../lib/cmd.h"
#include "../lib/regex.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every value is a malloc'd string; integers are converted on demand. */
struct parser {
	char **tokens;
	int count, next;
};

static char *parse_or(struct parser *p);

static __attribute__((noreturn)) void syntax_error(struct parser *p)
{
	if (p->next < p->count)
		cmd_error("syntax error: unexpected argument '%s'", p->tokens[p->next]);
	else if (p->count > 0)
		cmd_error("syntax error: missing argument after '%s'", p->tokens[p->count - 1]);
	else
		cmd_error("missing operand");
	cmd_exit(2);
}

static char *from_number(long long n)
{
	char text[32];
	snprintf(text, sizeof(text), "%lld", n);
	return cmd_strdup(text);
}

/* Whether s is an integer, storing it in *n. */
static int to_number(const char *s, long long *n)
{
	char *end;
	if (!*s)
		return 0;
	errno = 0;
	*n = strtoll(s, &end, 10);
	return *end == '\0' && errno == 0 && s[0] != '+' && s[0] != ' ';
}

static long long require_number(const char *s)
{
	long long n;
	if (!to_number(s, &n)) {
		cmd_error("non-integer argument");
		cmd_exit(2);
	}
	return n;
}

static int is_null(const char *s)
{
	long long n;
	return *s == '\0' || (to_number(s, &n) && n == 0);
}

static int accept(struct parser *p, const char *token)
{
	if (p->next < p->count && strcmp(p->tokens[p->next], token) == 0) {
		p->next++;
		return 1;
	}
	return 0;
}

static char *take_token(struct parser *p)
{
	if (p->next >= p->count)
		syntax_error(p);
	return cmd_strdup(p->tokens[p->next++]);
}

static char *regex_operation(char *text, char *pattern)
{
	const char *error;
	struct regex_match match;
	struct regex *re = regex_compile(pattern, 0, &error);
	if (!re) {
		cmd_error("%s", error);
		cmd_exit(2);
	}
	int found = regex_match_start(re, text, strlen(text), &match);
	char *result;
	if (regex_group_count(re) > 0) {
		long start = found ? match.start[1] : -1;
		size_t len = start >= 0 ? (size_t)(match.end[1] - start) : 0;
		result = cmd_malloc(len + 1);
		if (len)
			memcpy(result, text + start, len);
		result[len] = '\0';
	} else {
		result = from_number(found ? match.end[0] : 0);
	}
	regex_free(re);
	free(text);
	free(pattern);
	return result;
}

static char *parse_primary(struct parser *p);

static char *function_substr(struct parser *p)
{
	char *s = parse_primary(p), *pos = parse_primary(p), *len = parse_primary(p);
	long long start, count, size = (long long)strlen(s);
	char *result;
	if (!to_number(pos, &start) || !to_number(len, &count) || start < 1 || count < 1 || start > size) {
		result = cmd_strdup("");
	} else {
		if (count > size - start + 1)
			count = size - start + 1;
		result = cmd_malloc((size_t)count + 1);
		memcpy(result, s + start - 1, (size_t)count);
		result[count] = '\0';
	}
	free(s), free(pos), free(len);
	return result;
}

static char *function_index(struct parser *p)
{
	char *s = parse_primary(p), *chars = parse_primary(p);
	size_t at = strcspn(s, chars);
	char *result = from_number(s[at] ? (long long)at + 1 : 0);
	free(s), free(chars);
	return result;
}

static char *parse_primary(struct parser *p)
{
	if (p->next >= p->count)
		syntax_error(p);
	if (accept(p, "(")) {
		char *value = parse_or(p);
		if (!accept(p, ")")) {
			if (p->next < p->count)
				cmd_error("syntax error: expecting ')' instead of '%s'", p->tokens[p->next]);
			else
				cmd_error("syntax error: expecting ')' after '%s'", p->tokens[p->count - 1]);
			cmd_exit(2);
		}
		return value;
	}
	if (accept(p, "+"))
		return take_token(p);
	if (accept(p, "length")) {
		char *s = parse_primary(p);
		char *result = from_number((long long)strlen(s));
		free(s);
		return result;
	}
	if (accept(p, "substr"))
		return function_substr(p);
	if (accept(p, "index"))
		return function_index(p);
	if (accept(p, "match")) {
		char *s = parse_primary(p);
		return regex_operation(s, parse_primary(p));
	}
	if (strcmp(p->tokens[p->next], ")") == 0)
		syntax_error(p);
	return take_token(p);
}

static char *parse_match(struct parser *p)
{
	char *left = parse_primary(p);
	while (accept(p, ":"))
		left = regex_operation(left, parse_primary(p));
	return left;
}

static char *arithmetic(char *left, char *right, char op)
{
	long long a = require_number(left), b = require_number(right), r = 0;
	free(left);
	free(right);
	if ((op == '/' || op == '%') && b == 0) {
		cmd_error("division by zero");
		cmd_exit(2);
	}
	int overflow = 0;
	switch (op) {
	case '+': overflow = __builtin_add_overflow(a, b, &r); break;
	case '-': overflow = __builtin_sub_overflow(a, b, &r); break;
	case '*': overflow = __builtin_mul_overflow(a, b, &r); break;
	case '/': overflow = a == (-0x7fffffffffffffffLL - 1) && b == -1; r = overflow ? 0 : a / b; break;
	default: r = (a == (-0x7fffffffffffffffLL - 1) && b == -1) ? 0 : a % b; break;
	}
	if (overflow) {
		cmd_error("result too large");
		cmd_exit(2);
	}
	return from_number(r);
}

static char *parse_product(struct parser *p)
{
	char *left = parse_match(p);
	for (;;) {
		char op = accept(p, "*") ? '*' : accept(p, "/") ? '/' : accept(p, "%") ? '%' : 0;
		if (!op)
			return left;
		left = arithmetic(left, parse_match(p), op);
	}
}

static char *parse_sum(struct parser *p)
{
	char *left = parse_product(p);
	for (;;) {
		char op = accept(p, "+") ? '+' : accept(p, "-") ? '-' : 0;
		if (!op)
			return left;
		left = arithmetic(left, parse_product(p), op);
	}
}

/* Compares as integers when both are, else as strings (bytes). */
static int compare_values(const char *a, const char *b)
{
	long long x, y;
	if (to_number(a, &x) && to_number(b, &y))
		return x < y ? -1 : x > y;
	int c = strcmp(a, b);
	return c < 0 ? -1 : c > 0;
}

static char *parse_comparison(struct parser *p)
{
	static const char *const ops[] = { "=", "!=", "<", "<=", ">", ">=" };
	char *left = parse_sum(p);
	for (;;) {
		int op = -1;
		for (int i = 0; i < 6 && op < 0; i++)
			if (accept(p, ops[i]))
				op = i;
		if (op < 0)
			return left;
		char *right = parse_sum(p);
		int c = compare_values(left, right);
		int truth = op == 0 ? c == 0 : op == 1 ? c != 0 : op == 2 ? c < 0 : op == 3 ? c <= 0 : op == 4 ? c > 0 : c >= 0;
		free(left);
		free(right);
		left = from_number(truth);
	}
}

static char *parse_and(struct parser *p)
{
	char *left = parse_comparison(p);
	while (accept(p, "&")) {
		char *right = parse_comparison(p);
		if (is_null(left) || is_null(right)) {
			free(left);
			left = from_number(0);
		}
		free(right);
	}
	return left;
}

static char *parse_or(struct parser *p)
{
	char *left = parse_and(p);
	while (accept(p, "|")) {
		char *right = parse_and(p);
		if (is_null(left)) {
			free(left);
			left = is_null(right) ? from_number(0) : right;
			if (left != right)
				free(right);
		} else {
			free(right);
		}
	}
	return left;
}

int main(int argc, char **argv)
{
	cmd_init("expr");
	int first = argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
	struct parser p = { argv + first, argc - first, 0 };
	if (p.count == 0) {
		cmd_error("missing operand");
		cmd_usage(2, "expr expression");
	}
	char *result = parse_or(&p);
	if (p.next < p.count)
		syntax_error(&p);
	out_str(result);
	out_char('\n');
	int status = is_null(result) ? 1 : 0;
	free(result);
	cmd_exit(status);
}
