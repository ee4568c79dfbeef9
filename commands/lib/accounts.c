/* Names of users and groups, from /etc/passwd and /etc/group. */
#include "cmd.h"
#include <stdlib.h>
#include <string.h>

char *cmd_account_name(const char *file, unsigned long id)
{
	struct input in;
	char *line, *found = NULL;
	if (input_open(&in, file) < 0)
		return NULL;
	while (!found && input_line(&in, &line) > 0) {
		char *colon1 = strchr(line, ':');
		char *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
		if (!colon2 || colon2[1] < '0' || colon2[1] > '9')
			continue;
		char *end;
		unsigned long value = strtoul(colon2 + 1, &end, 10);
		if (value != id || (*end != ':' && *end != '\n' && *end != '\0'))
			continue;
		*colon1 = '\0';
		found = cmd_strdup(line);
	}
	input_close(&in);
	return found;
}
