/*
 * The tests and actions of find: a table from name to the function that
 * reads its arguments and the one that evaluates it on a file.
 */
#include "find.h"
#include "../lib/cmd.h"
#include "../lib/glob.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The argument after the primary, or GNU's message when there is none. */
static const char *take_argument(struct parser *p, const char *name)
{
	if (p->pos >= p->argc)
		find_fail("missing argument to `%s'", name);
	return p->argv[p->pos++];
}

static void parse_pattern(struct parser *p, struct node *node, const char *name)
{
	node->arg = take_argument(p, name);
}

static int eval_name(struct node *node, struct visit *v)
{
	char *base = path_base(v->path);
	int match = glob_match(node->arg, base);
	free(base);
	return match;
}

static int eval_path(struct node *node, struct visit *v)
{
	return glob_match(node->arg, v->path);
}

static const char type_letters[] = "fdlbcps";
static const mode_t type_modes[] = { S_IFREG, S_IFDIR, S_IFLNK, S_IFBLK, S_IFCHR, S_IFIFO, S_IFSOCK };

/* -type: one letter, or several separated by commas (a set of types). */
static void parse_type(struct parser *p, struct node *node, const char *name)
{
	const char *arg = take_argument(p, name);
	for (const char *s = arg; ; s += 2) {
		const char *letter = *s ? strchr(type_letters, *s) : NULL;
		if (!*s)
			find_fail("Last file type in list argument to -type is missing, i.e., list is ending on: ','");
		if (!letter)
			find_fail("Unknown argument to -type: %c", *s);
		node->number |= 1LL << (letter - type_letters);
		if (s[1] == '\0')
			return;
		if (s[1] != ',')
			find_fail("Must separate multiple arguments to -type using: ','");
	}
}

static int eval_type(struct node *node, struct visit *v)
{
	for (size_t i = 0; i < sizeof(type_modes) / sizeof(type_modes[0]); i++)
		if ((v->st.st_mode & S_IFMT) == type_modes[i])
			return (node->number >> i) & 1;
	return 0;
}

/* -size [+-]N[bcwkMG]: N units, 512-byte blocks when no unit is given. */
static void parse_size(struct parser *p, struct node *node, const char *name)
{
	static const char units[] = "bcwkMG";
	static const long long sizes[] = { 512, 1, 2, 1024, 1048576, 1073741824 };
	const char *arg = take_argument(p, name), *s = arg;
	node->sign = *s == '+' ? 1 : *s == '-' ? -1 : 0;
	s += node->sign != 0;
	char *end;
	node->number = strtoll(s, &end, 10);
	const char *unit = *end ? strchr(units, *end) : NULL;
	if ((*end && !unit) || (end == s && !*end))
		find_fail("invalid -size type `%c'", *end ? *end : arg[strlen(arg) - 1]);
	if (end == s || (unit && end[1] != '\0'))
		find_fail("Invalid argument `%s' to -size", arg);
	node->unit = unit ? sizes[unit - units] : 512;
}

static int eval_size(struct node *node, struct visit *v)
{
	long long size = (long long)v->st.st_size;
	long long units = (size + node->unit - 1) / node->unit;  /* GNU rounds up */
	if (node->sign > 0)
		return units > node->number;
	if (node->sign < 0)
		return units < node->number;
	return units == node->number;
}

static void parse_newer(struct parser *p, struct node *node, const char *name)
{
	struct stat st;
	const char *reference = take_argument(p, name);
	if (lstat(reference, &st) < 0)
		find_fail("'%s': %s", reference, strerror(errno));
	node->time = (long long)st.st_mtime;
}

static int eval_newer(struct node *node, struct visit *v)
{
	return (long long)v->st.st_mtime > node->time;
}

static int directory_is_empty(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *entry;
	int empty = 1;
	if (!dir) {
		cmd_error("'%s': %s", path, strerror(errno));
		find_status = 1;
		return 0;
	}
	while (empty && (entry = readdir(dir)) != NULL)
		empty = strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0;
	closedir(dir);
	return empty;
}

static int eval_empty(struct node *node, struct visit *v)
{
	(void)node;
	if (S_ISDIR(v->st.st_mode))
		return directory_is_empty(v->path);
	return S_ISREG(v->st.st_mode) && v->st.st_size == 0;
}

/* -maxdepth N and -mindepth N: global options, true wherever they stand. */
static void parse_depth_limit(struct parser *p, struct node *node, const char *name)
{
	(void)node;
	const char *arg = take_argument(p, name);
	long long value;
	if (parse_count(arg, &value) < 0 || arg[0] == '+' || value > 0x7fffffff)
		find_fail("Expected a positive decimal integer argument to %s, but got '%s'", name, arg);
	if (strcmp(name, "-maxdepth") == 0)
		settings.maxdepth = (int)value;
	else
		settings.mindepth = (int)value;
}

static void parse_depth_first(struct parser *p, struct node *node, const char *name)
{
	(void)p;
	(void)node;
	(void)name;
	settings.depth_first = 1;
}

static int eval_true(struct node *node, struct visit *v)
{
	(void)node;
	(void)v;
	return 1;
}

static int eval_false(struct node *node, struct visit *v)
{
	(void)node;
	(void)v;
	return 0;
}

static int eval_prune(struct node *node, struct visit *v)
{
	(void)node;
	v->prune = 1;
	return 1;
}

int eval_print(struct node *node, struct visit *v)
{
	(void)node;
	out_str(v->path);
	out_char('\n');
	return 1;
}

static int eval_print0(struct node *node, struct visit *v)
{
	(void)node;
	out_write(v->path, strlen(v->path) + 1);
	return 1;
}

static const struct primary primaries[] = {
	{ "-name", parse_pattern, eval_name, 0 },
	{ "-path", parse_pattern, eval_path, 0 },
	{ "-type", parse_type, eval_type, 0 },
	{ "-size", parse_size, eval_size, 0 },
	{ "-newer", parse_newer, eval_newer, 0 },
	{ "-empty", NULL, eval_empty, 0 },
	{ "-maxdepth", parse_depth_limit, eval_true, 0 },
	{ "-mindepth", parse_depth_limit, eval_true, 0 },
	{ "-depth", parse_depth_first, eval_true, 0 },
	{ "-true", NULL, eval_true, 0 },
	{ "-false", NULL, eval_false, 0 },
	{ "-prune", NULL, eval_prune, 0 },
	{ "-print", NULL, eval_print, 1 },
	{ "-print0", NULL, eval_print0, 1 },
	{ "-exec", parse_exec, eval_exec, 1 },
};

const struct primary *find_primary(const char *name)
{
	for (size_t i = 0; i < sizeof(primaries) / sizeof(primaries[0]); i++)
		if (strcmp(primaries[i].name, name) == 0)
			return &primaries[i];
	return NULL;
}
