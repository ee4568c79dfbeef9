/*
 * whoami: print the name of the effective user, from /etc/passwd, or its
 * number when it has no entry there.
 */
#include "../lib/cmd.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The name of user uid in /etc/passwd (malloc'd), or NULL. */
static char *user_name(unsigned long uid)
{
	struct input in;
	char *line, *found = NULL;
	if (input_open(&in, "/etc/passwd") < 0)
		return NULL;
	while (!found && input_line(&in, &line) > 0) {
		char *colon1 = strchr(line, ':');
		char *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
		if (!colon2 || colon2[1] < '0' || colon2[1] > '9')
			continue;
		char *end;
		unsigned long value = strtoul(colon2 + 1, &end, 10);
		if (value != uid || (*end != ':' && *end != '\n' && *end != '\0'))
			continue;
		*colon1 = '\0';
		found = cmd_strdup(line);
	}
	input_close(&in);
	return found;
}

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("whoami");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, "whoami");
	if (opts.index != argc) {
		cmd_error("extra operand '%s'", argv[opts.index]);
		cmd_usage(1, "whoami");
	}
	unsigned long uid = (unsigned long)geteuid();
	char *name = user_name(uid);
	if (name)
		out_format("%s\n", name);
	else
		out_format("%lu\n", uid);
	free(name);
	cmd_exit(0);
}
