/*
 * Users and groups, from /etc/passwd and /etc/group: lines
 * "name:password:id:..." (and in /etc/passwd, the login group next).
 */
#include "cmd.h"
#include <stdlib.h>
#include <string.h>

/* One account line. */
struct account {
	char *name;
	unsigned long id;
	unsigned long group;   /* /etc/passwd's login group; 0 in /etc/group */
};

/* Splits line; -1 if it is not "name:password:id[:group...]". */
static int split_account(char *line, struct account *out)
{
	char *colon1 = strchr(line, ':');
	char *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
	if (!colon2 || colon2[1] < '0' || colon2[1] > '9')
		return -1;
	char *end;
	out->id = strtoul(colon2 + 1, &end, 10);
	if (*end != ':' && *end != '\n' && *end != '\0')
		return -1;
	out->group = *end == ':' ? strtoul(end + 1, NULL, 10) : 0;
	*colon1 = '\0';
	out->name = line;
	return 0;
}

/* Finds the account named name (or, if name is NULL, with ID id); 0 if
 * found, and then found->name is malloc'd. */
static int find_account(const char *file, const char *name, unsigned long id, struct account *found)
{
	struct input in;
	char *line;
	int result = -1;
	if (input_open(&in, file) < 0)
		return -1;
	while (result < 0 && input_line(&in, &line) > 0) {
		struct account a;
		if (split_account(line, &a) < 0 || (name ? strcmp(a.name, name) != 0 : a.id != id))
			continue;
		*found = a;
		found->name = cmd_strdup(a.name);
		result = 0;
	}
	input_close(&in);
	return result;
}

char *cmd_account_name(const char *file, unsigned long id)
{
	struct account a;
	return find_account(file, NULL, id, &a) == 0 ? a.name : NULL;
}

int cmd_account_id(const char *file, const char *name, unsigned long *id, unsigned long *group)
{
	struct account a;
	if (find_account(file, name, 0, &a) < 0)
		return -1;
	free(a.name);
	*id = a.id;
	if (group)
		*group = a.group;
	return 0;
}
