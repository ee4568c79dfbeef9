/*
 * find: walk the file trees below each PATH (default ".") and evaluate
 * the expression on every file (see find.h). Tests: -name and -path
 * PATTERN (wildcards), -type [fdlbcps], -size [+-]N[bcwkMG] (rounded up to
 * whole units, as GNU does), -newer FILE, -empty, -true, -false; actions
 * -print, -print0, -prune, -exec COMMAND ... ; and -exec COMMAND ... {} +;
 * operators ! -not, -a -and, -o -or and ( ); global options -maxdepth N,
 * -mindepth N, -depth. Without an action, -print. Symbolic links are
 * not followed. Exit status 0, or 1 if anything failed.
 */
#include "find.h"
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>

struct find_settings settings = { -1, 0, 0 };
int find_status;

int evaluate(struct node *node, struct visit *v)
{
	switch (node->kind) {
	case NODE_AND:
		return evaluate(node->left, v) && evaluate(node->right, v);
	case NODE_OR:
		return evaluate(node->left, v) || evaluate(node->right, v);
	case NODE_NOT:
		return !evaluate(node->left, v);
	default:
		return node->eval(node, v);
	}
}

static void visit_path(struct node *root, const char *path, int depth);

struct walk {
	struct node *root;
	int depth;
};

static int visit_entry(const char *child, const struct dirent *entry, void *context)
{
	(void)entry;
	const struct walk *walk = context;
	visit_path(walk->root, child, walk->depth);
	return 0;
}

static void visit_path(struct node *root, const char *path, int depth)
{
	struct visit v = { path, { 0 }, depth, 0 };
	if (lstat(path, &v.st) < 0) {
		cmd_error("'%s': %s", path, strerror(errno));
		find_status = 1;
		return;
	}
	int evaluate_here = depth >= settings.mindepth;
	if (evaluate_here && !settings.depth_first)
		evaluate(root, &v);
	int descend = S_ISDIR(v.st.st_mode) && (settings.maxdepth < 0 || depth < settings.maxdepth);
	if (descend && (!v.prune || settings.depth_first)) {
		struct walk walk = { root, depth + 1 };
		if (for_each_entry(path, NULL, visit_entry, &walk))
			find_status = 1;
	}
	if (evaluate_here && settings.depth_first)
		evaluate(root, &v);
}

int main(int argc, char **argv)
{
	static char *here[] = { ".", NULL };
	cmd_init("find");
	int first = 1;
	while (first < argc && !starts_expression(argv[first]))
		first++;
	struct node *root = parse_expression(argc, argv, first);
	char **paths = first > 1 ? argv + 1 : here;
	int path_count = first > 1 ? first - 1 : 1;
	for (int i = 0; i < path_count; i++)
		visit_path(root, paths[i], 0);
	exec_finish();
	cmd_exit(find_status);
}
