/*
 * The mount table for df: lines "device dir type options ..." of
 * /proc/self/mounts or /etc/mtab, with \040-style octal escapes in names.
 */
#include "../lib/cmd.h"
#include "mounts.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Decodes the octal escapes of a field in place. */
static void unescape(char *field)
{
	char *to = field;
	for (const char *from = field; *from; from++) {
		if (from[0] == '\\' && from[1] >= '0' && from[1] <= '3' && from[2] >= '0' && from[2] <= '7' &&
		    from[3] >= '0' && from[3] <= '7') {
			*to++ = (char)((from[1] - '0') * 64 + (from[2] - '0') * 8 + (from[3] - '0'));
			from += 3;
		} else {
			*to++ = *from;
		}
	}
	*to = '\0';
}

/* The next blank-separated field of *text, unescaped; NULL if there is none. */
static char *next_field(char **text)
{
	char *start = *text + strspn(*text, " \t\n");
	if (!*start)
		return NULL;
	char *end = start + strcspn(start, " \t\n");
	*text = *end ? end + 1 : end;
	*end = '\0';
	unescape(start);
	return start;
}

static void add_line(struct mount_table *table, char *line, size_t *cap)
{
	char *device = next_field(&line), *dir = next_field(&line), *type = next_field(&line);
	if (!type || device[0] == '#')
		return;
	if (table->count == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		table->mounts = cmd_realloc(table->mounts, *cap * sizeof(*table->mounts));
	}
	struct mount *m = &table->mounts[table->count++];
	m->device = cmd_strdup(device);
	m->dir = cmd_strdup(dir);
	m->type = cmd_strdup(type);
}

void mounts_read(struct mount_table *table)
{
	static const char *const sources[] = { "/proc/self/mounts", "/etc/mtab" };
	struct input in;
	char *line;
	size_t cap = 0;
	table->mounts = NULL;
	table->count = 0;
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++) {
		if (input_open(&in, sources[i]) < 0)
			continue;
		while (input_line(&in, &line) > 0)
			add_line(table, line, &cap);
		input_close(&in);
		return;
	}
}

void mounts_free(struct mount_table *table)
{
	for (size_t i = 0; i < table->count; i++) {
		free(table->mounts[i].device);
		free(table->mounts[i].dir);
		free(table->mounts[i].type);
	}
	free(table->mounts);
}

int mount_is_dummy(const struct mount *m)
{
	static const char *const dummies[] = {
		"autofs", "proc", "subfs", "debugfs", "devpts", "fusectl", "fuse.portal", "mqueue",
		"rpc_pipefs", "sysfs", "devfs", "kernfs", "ignore", "none",
	};
	for (size_t i = 0; i < sizeof(dummies) / sizeof(dummies[0]); i++)
		if (strcmp(m->type, dummies[i]) == 0)
			return 1;
	return 0;
}

/* path made absolute (not resolving links), malloc'd. */
static char *absolute(const char *path)
{
	if (path[0] == '/')
		return cmd_strdup(path);
	char cwd[4096];
	return path_join(getcwd(cwd, sizeof(cwd)) ? cwd : "/", path);
}

/* Whether dir is path or a directory above it. */
static int is_prefix(const char *dir, const char *path)
{
	size_t len = strlen(dir);
	if (strcmp(dir, "/") == 0)
		return 1;
	return strncmp(dir, path, len) == 0 && (path[len] == '/' || path[len] == '\0');
}

/*
 * As GNU: the longest mount directory that is a prefix of the path, if it
 * is on the file's device, else the last entry on that device.
 */
const struct mount *mounts_find(const struct mount_table *table, const char *path, const struct stat *st)
{
	char *full = absolute(path);
	const struct mount *best = NULL, *same_device = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < table->count; i++) {
		const struct mount *m = &table->mounts[i];
		size_t len = strlen(m->dir);
		if (len >= best_len && is_prefix(m->dir, full)) {
			best = m;
			best_len = len;
		}
	}
	free(full);
	struct stat dir_st;
	if (best && stat(best->dir, &dir_st) == 0 && dir_st.st_dev == st->st_dev)
		return best;
	for (size_t i = 0; i < table->count; i++) {
		const struct mount *m = &table->mounts[i];
		if (stat(m->dir, &dir_st) == 0 && dir_st.st_dev == st->st_dev)
			same_device = m;
	}
	return same_device;
}
