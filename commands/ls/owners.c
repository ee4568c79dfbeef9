/*
 * Owner names for ls: /etc/passwd and /etc/group are read once, on first
 * use, and kept as a small table of (id, name). Lines are "name:x:id:...".
 */
#include "../lib/cmd.h"
#include "owners.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct owner {
	unsigned id;
	char *name;
};

struct owner_table {
	struct owner *owners;
	size_t count;
	int loaded;
};

static struct owner_table tables[2];  /* users, groups */

/* Adds the entry of one "name:password:id:..." line, if it is well formed. */
static void add_line(struct owner_table *table, char *line, size_t *cap)
{
	char *first = strchr(line, ':');
	char *second = first ? strchr(first + 1, ':') : NULL;
	if (!second || second[1] < '0' || second[1] > '9')
		return;
	*first = '\0';
	if (table->count == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		table->owners = cmd_realloc(table->owners, *cap * sizeof(*table->owners));
	}
	table->owners[table->count].id = (unsigned)strtoul(second + 1, NULL, 10);
	table->owners[table->count].name = cmd_strdup(line);
	table->count++;
}

static void load(struct owner_table *table, const char *path)
{
	char *data;
	size_t len, cap = 0;
	table->loaded = 1;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return;
	int failed = read_all(fd, &data, &len);
	close(fd);
	if (failed)
		return;
	data = cmd_realloc(data, len + 1);
	data[len] = '\0';
	char *state = NULL;
	for (char *line = strtok_r(data, "\n", &state); line; line = strtok_r(NULL, "\n", &state))
		add_line(table, line, &cap);
	free(data);
}

const char *owner_name(unsigned id, int group)
{
	struct owner_table *table = &tables[group ? 1 : 0];
	if (!table->loaded)
		load(table, group ? "/etc/group" : "/etc/passwd");
	for (size_t i = 0; i < table->count; i++)
		if (table->owners[i].id == id)
			return table->owners[i].name;
	return NULL;
}
