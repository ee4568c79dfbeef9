/*
 * -exec COMMAND ... ; runs COMMAND once per file, with every "{}" in its
 * arguments replaced by the path, and is true when it exits 0. -exec
 * COMMAND ... {} + gathers paths and runs COMMAND on as many at a time as
 * fit on a command line (and the rest at the end); it is always true, but
 * a failed run makes find's exit status 1.
 */
#include "find.h"
#include "../lib/cmd.h"
#include "../lib/run.h"
#include "../lib/strbuf.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct exec {
	char **args;             /* the command and its arguments, "{}" where the path goes */
	int count;
	int batch;               /* "+": paths gathered and run together */
	char **paths;            /* gathered, not run yet */
	int path_count, path_cap;
	size_t bytes;            /* of the command line they would make */
	struct exec *next;       /* all the batches, for exec_finish */
};

static struct exec *batches;

/* Where the arguments end: index of ";" or of "+" right after "{}", or argc. */
static int find_terminator(const struct parser *p, int *batch)
{
	for (int i = p->pos; i < p->argc; i++) {
		if (strcmp(p->argv[i], ";") == 0)
			return i;
		if (strcmp(p->argv[i], "+") == 0 && i > p->pos && strcmp(p->argv[i - 1], "{}") == 0) {
			*batch = 1;
			return i;
		}
	}
	return p->argc;
}

void parse_exec(struct parser *p, struct node *node, const char *name)
{
	struct exec *e = cmd_malloc(sizeof(*e));
	memset(e, 0, sizeof(*e));
	int end = find_terminator(p, &e->batch);
	if (end == p->argc)
		find_fail("missing argument to `%s'", name);
	if (end == p->pos)
		find_fail("invalid argument `%s' to `%s'", p->argv[end], name);
	e->args = p->argv + p->pos;
	e->count = end - p->pos - e->batch;  /* a batch's final "{}" is where the paths go */
	for (int i = 0; e->batch && i < e->count; i++)
		if (strstr(e->args[i], "{}"))
			find_fail("Only one instance of {} is supported with -exec ... +");
	for (int i = 0; i < e->count; i++)
		e->bytes += strlen(e->args[i]) + 1;
	if (e->batch) {
		e->next = batches;
		batches = e;
	}
	p->pos = end + 1;
	node->exec = e;
}

/* How a run went: GNU's messages; 1 if it exited 0. */
static int judge(char *const argv[], const struct run_status *status, int batch)
{
	if (status->exec_error) {
		cmd_error("'%s': %s", argv[0], strerror(status->exec_error));
		find_status |= batch;
		return 0;
	}
	if (status->signal) {
		cmd_error("'%s' terminated by signal %d", argv[0], status->signal);
		find_status = 1;
		return 0;
	}
	if (status->code != 0)
		find_status |= batch;
	return status->code == 0;
}

static int report_batch(char *const argv[], const struct run_status *status, void *context)
{
	(void)context;
	judge(argv, status, 1);
	return 0;
}

static void run_batch(struct exec *e)
{
	if (e->path_count == 0)
		return;
	if (run_with_items(e->args, e->count, e->paths, e->path_count, report_batch, NULL) < 0) {
		cmd_error("cannot fork: %s", strerror(errno));
		find_status = 1;
	}
	for (int i = 0; i < e->path_count; i++)
		free(e->paths[i]);
	e->path_count = 0;
}

static void add_to_batch(struct exec *e, const char *path)
{
	size_t bytes = strlen(path) + 1;
	size_t command_bytes = 0;
	for (int i = 0; i < e->count; i++)
		command_bytes += strlen(e->args[i]) + 1;
	if (e->path_count > 0 && e->bytes + bytes > RUN_LINE_MAX) {
		run_batch(e);
		e->bytes = command_bytes;
	}
	if (e->path_count == e->path_cap) {
		e->path_cap = e->path_cap ? e->path_cap * 2 : 64;
		e->paths = cmd_realloc(e->paths, (size_t)e->path_cap * sizeof(char *));
	}
	e->paths[e->path_count++] = cmd_strdup(path);
	e->bytes += bytes;
}

int eval_exec(struct node *node, struct visit *v)
{
	struct exec *e = node->exec;
	struct run_status status;
	if (e->batch) {
		add_to_batch(e, v->path);
		return 1;
	}
	char **argv = cmd_malloc((size_t)(e->count + 1) * sizeof(char *));
	for (int i = 0; i < e->count; i++)
		argv[i] = replace_all(e->args[i], "{}", v->path);
	argv[e->count] = NULL;
	int result = 0;
	if (run_program(argv, &status) < 0) {
		cmd_error("cannot fork: %s", strerror(errno));
		find_status = 1;
	} else {
		result = judge(argv, &status, 0);
	}
	for (int i = 0; i < e->count; i++)
		free(argv[i]);
	free(argv);
	return result;
}

void exec_finish(void)
{
	for (struct exec *e = batches; e; e = e->next)
		run_batch(e);
}
