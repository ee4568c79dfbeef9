/*
 * find: walk file trees and evaluate an expression on each file. parse.c
 * builds the expression tree from the arguments, primaries.c holds the
 * tests and actions (a table: name, parser, evaluator), exec.c runs -exec,
 * main.c walks the trees.
 */
#pragma once
#include <sys/types.h>
#include <sys/stat.h>

/* The file being looked at. */
struct visit {
	const char *path;
	struct stat st;        /* lstat: symbolic links are not followed */
	int depth;             /* 0 for a starting point */
	int prune;             /* -prune: do not descend into it */
};

enum node_kind { NODE_AND, NODE_OR, NODE_NOT, NODE_PRIMARY };

struct node;
typedef int (*eval_fn)(struct node *node, struct visit *v);

struct exec;

struct node {
	enum node_kind kind;
	struct node *left, *right;   /* AND and OR; NOT has left only */
	eval_fn eval;                /* PRIMARY */
	const char *arg;             /* the pattern of -name and -path */
	long long number;            /* -size: count of units; -type: set of types */
	long long unit;              /* -size: bytes per unit */
	int sign;                    /* -size: -1 fewer, 0 exactly, 1 more */
	long long time;              /* -newer: the reference's mtime */
	struct exec *exec;           /* -exec */
};

/* Options that hold for the whole walk, wherever they are written. */
struct find_settings {
	int maxdepth;                /* -1: no limit */
	int mindepth;
	int depth_first;             /* -depth: a directory after its contents */
};

extern struct find_settings settings;
/* Set to 1 by anything that makes find's exit status 1. */
extern int find_status;

/* --- parse.c --- */
/* Parses argv[first..argc) into an expression (with the implicit -print). */
struct node *parse_expression(int argc, char **argv, int first);
/* Whether arg begins the expression rather than naming a path. */
int starts_expression(const char *arg);
__attribute__((noreturn)) void find_fail(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));

/* --- primaries.c --- */
struct parser {
	char **argv;
	int argc, pos;
	int has_action;              /* an action is given: no implicit -print */
};
typedef void (*parse_fn)(struct parser *p, struct node *node, const char *name);

struct primary {
	const char *name;
	parse_fn parse;              /* reads the arguments (NULL: none) */
	eval_fn eval;
	int is_action;
};
const struct primary *find_primary(const char *name);
int eval_print(struct node *node, struct visit *v);

/* --- exec.c --- */
void parse_exec(struct parser *p, struct node *node, const char *name);
int eval_exec(struct node *node, struct visit *v);
/* Runs what -exec ... + has gathered and not run yet. */
void exec_finish(void);

/* --- main.c --- */
int evaluate(struct node *node, struct visit *v);
