/*
 * env: run a command in a modified environment, or print the environment.
 * -i starts from an empty one, -u NAME removes NAME, NAME=VALUE operands
 * set variables. Exit status 125 for env's own errors, 126 if the command
 * cannot be run, 127 if it does not exist.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "env [-i] [-u name]... [name=value]... [command [argument...]]"

extern char **environ;

static void remove_variable(const char *name)
{
	if (strchr(name, '=') || *name == '\0') {
		cmd_error("cannot unset '%s': Invalid argument", name);
		cmd_exit(125);
	}
	if (unsetenv(name) < 0) {
		cmd_error("cannot unset '%s': %s", name, strerror(errno));
		cmd_exit(125);
	}
}

static void set_variable(char *assignment)
{
	char *equals = strchr(assignment, '=');
	*equals = '\0';
	int failed = setenv(assignment, equals + 1, 1);
	*equals = '=';
	if (failed) {
		cmd_error("cannot set '%s': %s", assignment, strerror(errno));
		cmd_exit(125);
	}
}

static void print_environment(void)
{
	for (char **e = environ; e && *e; e++) {
		out_str(*e);
		out_char('\n');
	}
}

int main(int argc, char **argv)
{
	static char *empty[] = { NULL };
	struct options opts;
	int option;
	cmd_init("env");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "iu:")) != -1) {
		if (option == 'i')
			environ = empty;
		else if (option == 'u')
			remove_variable(opts.arg);
		else
			cmd_usage(125, USAGE);
	}
	int i = opts.index;
	if (i < argc && strcmp(argv[i], "-") == 0) {
		environ = empty;
		i++;
	}
	for (; i < argc && strchr(argv[i], '='); i++)
		set_variable(argv[i]);
	if (i == argc) {
		print_environment();
		cmd_exit(0);
	}
	out_flush();
	execvp(argv[i], argv + i);
	int error = errno;
	cmd_error("'%s': %s", argv[i], strerror(error));
	cmd_exit(error == ENOENT ? 127 : 126);
}
