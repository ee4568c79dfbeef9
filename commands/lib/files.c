/* File and path helpers shared by ls, cp, mv, rm, ln and friends. */
#include "cmd.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_lstat(const char *path, struct stat *st)
{
	return lstat(path, st);
}

char *path_join(const char *dir, const char *name)
{
	size_t dir_len = strlen(dir), name_len = strlen(name);
	int slash = dir_len > 0 && dir[dir_len - 1] != '/';
	char *joined = cmd_malloc(dir_len + (size_t)slash + name_len + 1);
	memcpy(joined, dir, dir_len);
	if (slash)
		joined[dir_len] = '/';
	memcpy(joined + dir_len + (size_t)slash, name, name_len + 1);
	return joined;
}

char *path_base(const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	size_t start = len;
	while (start > 0 && path[start - 1] != '/')
		start--;
	if (start == len)  /* "/" or "" */
		return cmd_strdup(len ? "/" : "");
	char *base = cmd_malloc(len - start + 1);
	memcpy(base, path + start, len - start);
	base[len - start] = '\0';
	return base;
}

int parse_count(const char *text, long long *value)
{
	long long result = 0;
	if (*text == '+')
		text++;
	if (!*text)
		return -1;
	for (; *text; text++) {
		if (*text < '0' || *text > '9')
			return -1;
		if (result > (0x7fffffffffffffffLL - 9) / 10)
			result = 0x7fffffffffffffffLL / 10;  /* saturate: "forever" */
		result = result * 10 + (*text - '0');
	}
	*value = result;
	return 0;
}

/* Reads the entries of dir but "." and ".." into a malloc'd array. */
static struct dirent *read_entries(DIR *dir, size_t *count)
{
	struct dirent *entries = NULL, *entry;
	size_t cap = 0;
	*count = 0;
	while ((entry = readdir(dir)) != NULL) {
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		if (*count == cap) {
			cap = cap ? cap * 2 : 16;
			entries = cmd_realloc(entries, cap * sizeof(*entries));
		}
		/* field by field: a record in readdir's buffer may be shorter than the struct */
		struct dirent *copy = &entries[(*count)++];
		memset(copy, 0, sizeof(*copy));
		copy->d_ino = entry->d_ino;
		copy->d_type = entry->d_type;
		size_t len = strnlen(entry->d_name, sizeof(copy->d_name) - 1);
		memcpy(copy->d_name, entry->d_name, len);
	}
	return entries;
}

int for_each_entry(const char *path, const char *verb, entry_fn fn, void *ctx)
{
	DIR *dir = opendir(path);
	if (!dir) {
		if (verb)
			cmd_error("cannot %s '%s': %s", verb, path, strerror(errno));
		else
			cmd_error("'%s': %s", path, strerror(errno));
		return 1;
	}
	size_t count;
	struct dirent *entries = read_entries(dir, &count);
	closedir(dir);
	int status = 0;
	for (size_t i = 0; i < count; i++) {
		char *child = path_join(path, entries[i].d_name);
		status |= fn(child, &entries[i], ctx);
		free(child);
	}
	free(entries);
	return status;
}

/* A walk of change_tree: what to do to each file, and whether to descend. */
struct tree_walk {
	tree_fn act;
	void *ctx;
	int recursive;
};

static int tree_visit(const struct tree_walk *walk, const char *path, int top);

static int tree_entry(const char *child, const struct dirent *entry, void *ctx)
{
	(void)entry;
	return tree_visit(ctx, child, 0);
}

static int tree_visit(const struct tree_walk *walk, const char *path, int top)
{
	struct stat st;
	if ((top ? stat(path, &st) : cmd_lstat(path, &st)) < 0) {
		cmd_error("cannot access '%s': %s", path, strerror(errno));
		return 1;
	}
	if (!top && S_ISLNK(st.st_mode))
		return 0;
	int status = walk->act(path, &st, walk->ctx);
	if (walk->recursive && S_ISDIR(st.st_mode))
		status |= for_each_entry(path, "read directory", tree_entry, (void *)walk);
	return status;
}

int change_tree(const char *path, int recursive, tree_fn act, void *ctx)
{
	struct tree_walk walk = { act, ctx, recursive };
	return tree_visit(&walk, path, 1);
}

static int remove_entry(const char *child, const struct dirent *entry, void *ctx)
{
	(void)entry;
	(void)ctx;
	return remove_tree(child);
}

/* Removes the entries of directory path; nonzero if one could not be. */
static int remove_entries(const char *path)
{
	return for_each_entry(path, "remove", remove_entry, NULL);
}

int remove_tree(const char *path)
{
	struct stat st;
	if (cmd_lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (remove_entries(path))
			return 1;
		if (rmdir(path) == 0)
			return 0;
	} else if (unlink(path) == 0) {
		return 0;
	}
	cmd_error("cannot remove '%s': %s", path, strerror(errno));
	return 1;
}

size_t last_lines_start(const char *data, size_t len, long long n)
{
	size_t pos = len;
	if (n <= 0)
		return len;
	if (pos > 0 && data[pos - 1] == '\n')
		pos--;
	for (; pos > 0; pos--)
		if (data[pos - 1] == '\n' && --n == 0)
			return pos;
	return 0;
}
