/*
 * The expression grammar of find, lowest precedence first:
 *   or    := and { (-o | -or) and }
 *   and   := unary { [-a | -and] unary }
 *   unary := (! | -not) unary | "(" or ")" | primary
 * with GNU's messages for what does not parse.
 */
#include "find.h"
#include "../lib/cmd.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void find_fail(const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	cmd_error("%s", message);
	cmd_exit(1);
}

int starts_expression(const char *arg)
{
	return (arg[0] == '-' && arg[1] != '\0') || strcmp(arg, "(") == 0 || strcmp(arg, "!") == 0
		|| strcmp(arg, ")") == 0 || strcmp(arg, ",") == 0;
}

static const char *peek(const struct parser *p)
{
	return p->pos < p->argc ? p->argv[p->pos] : NULL;
}

static int is(const char *token, const char *a, const char *b)
{
	return token && (strcmp(token, a) == 0 || (b && strcmp(token, b) == 0));
}

static struct node *new_node(enum node_kind kind, struct node *left, struct node *right)
{
	struct node *node = cmd_malloc(sizeof(*node));
	memset(node, 0, sizeof(*node));
	node->kind = kind;
	node->left = left;
	node->right = right;
	return node;
}

static struct node *parse_or(struct parser *p);

/*
 * A path after the expression. When the argument before it is the pattern
 * of -name or -path and names a file, the shell probably expanded an
 * unquoted pattern: GNU says so.
 */
static __attribute__((noreturn)) void misplaced_path(const struct parser *p, const char *token)
{
	struct stat st;
	cmd_error("paths must precede expression: `%s'", token);
	const char *before = p->pos >= 3 ? p->argv[p->pos - 3] : "", *pattern = p->argv[p->pos - 2];
	int name = strcmp(before, "-name") == 0 && !strchr(pattern, '/');
	if ((name || strcmp(before, "-path") == 0) && stat(pattern, &st) == 0)
		cmd_error("possible unquoted pattern after predicate `%s'?", before);
	cmd_exit(1);
}

static struct node *parse_primary(struct parser *p)
{
	const char *token = p->argv[p->pos++];
	const struct primary *primary = find_primary(token);
	if (!primary) {
		if (token[0] == '-')
			find_fail("unknown predicate `%s'", token);
		misplaced_path(p, token);
	}
	struct node *node = new_node(NODE_PRIMARY, NULL, NULL);
	node->eval = primary->eval;
	p->has_action |= primary->is_action;
	if (primary->parse)
		primary->parse(p, node, token);
	return node;
}

static struct node *parse_unary(struct parser *p)
{
	const char *token = peek(p);
	if (is(token, "!", "-not")) {
		p->pos++;
		if (!peek(p))
			find_fail("expected an expression after '%s'", token);
		return new_node(NODE_NOT, parse_unary(p), NULL);
	}
	if (is(token, "-o", "-or") || is(token, "-a", "-and"))
		find_fail("invalid expression; you have used a binary operator '%s' with nothing before it.", token);
	if (is(token, ")", NULL))
		find_fail("you have too many ')'");
	if (!is(token, "(", NULL))
		return parse_primary(p);
	p->pos++;
	if (is(peek(p), ")", NULL))
		find_fail("invalid expression; empty parentheses are not allowed.");
	struct node *inside = parse_or(p);
	if (!is(peek(p), ")", NULL))
		find_fail("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
	p->pos++;
	return inside;
}

static struct node *parse_and(struct parser *p)
{
	struct node *left = parse_unary(p);
	for (;;) {
		const char *token = peek(p);
		if (!token || is(token, "-o", "-or") || is(token, ")", NULL))
			return left;
		if (is(token, "-a", "-and")) {
			p->pos++;
			if (!peek(p))
				find_fail("invalid expression");
		}
		left = new_node(NODE_AND, left, parse_unary(p));
	}
}

static struct node *parse_or(struct parser *p)
{
	struct node *left = parse_and(p);
	while (is(peek(p), "-o", "-or")) {
		p->pos++;
		if (!peek(p))
			find_fail("invalid expression");
		left = new_node(NODE_OR, left, parse_and(p));
	}
	return left;
}

struct node *parse_expression(int argc, char **argv, int first)
{
	struct parser p = { argv, argc, first, 0 };
	struct node *root = NULL;
	if (first < argc) {
		root = parse_or(&p);
		if (p.pos < argc)
			find_fail("you have too many ')'");
	}
	if (p.has_action)
		return root;
	struct node *print = new_node(NODE_PRIMARY, NULL, NULL);
	print->eval = eval_print;
	return root ? new_node(NODE_AND, root, print) : print;
}
