/*
 * chmod: change the mode of each file. MODE is octal ("755") or symbolic:
 * comma-separated clauses [ugoa]*[+-=][rwxXst]* (or [+-=] followed by one
 * of u, g, o to copy that class's bits), e.g. "u+x,go-w" or "a=r". With no
 * u, g, o or a the clause applies to all three classes, except the bits
 * the umask leaves out, as POSIX says. A mode may start with "-" ("-w");
 * "--" ends the options. -R changes whole trees: each directory before
 * what is in it, leaving symbolic links inside them alone (as GNU).
 */
#include "../lib/cmd.h"
#include "../lib/mode_symbolic.h"
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#define USAGE "chmod [-R] mode file..."

/* An octal mode; -1 if text is not one. */
static int parse_octal(const char *text, mode_t *mode)
{
	unsigned value = 0;
	if (!*text)
		return -1;
	for (; *text; text++) {
		if (*text < '0' || *text > '7')
			return -1;
		value = value * 8 + (unsigned)(*text - '0');
		if (value > 07777)
			return -1;
	}
	*mode = (mode_t)value;
	return 0;
}

static mode_t creation_mask;  /* the umask, read once in main */

/* Gives path the mode text says (symbolic modes depend on its old mode). */
static int change_mode(const char *path, const struct stat *st, void *context)
{
	const char *text = context;
	mode_t mode;
	if (parse_octal(text, &mode) < 0 && mode_apply_symbolic(text, st->st_mode, S_ISDIR(st->st_mode),
	    creation_mask, &mode) < 0) {
		cmd_error("invalid mode: '%s'", text);
		cmd_usage(1, USAGE);
	}
	if (chmod(path, mode) < 0) {
		cmd_error("changing permissions of '%s': %s", path, strerror(errno));
		return 1;
	}
	return 0;
}

/* Whether word is the -R option ("-R", "-RR"): a mode never looks like that. */
static int is_recursive_option(const char *word)
{
	return word[0] == '-' && word[1] == 'R' && strspn(word + 1, "R") == strlen(word + 1);
}

/* Takes -R out of the arguments before "--", wherever it stands (GNU permutes). */
static int take_options(int argc, char **argv, int *recursive)
{
	int kept = 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				argv[kept++] = argv[i];
			break;
		}
		if (is_recursive_option(argv[i]))
			*recursive = 1;
		else
			argv[kept++] = argv[i];
	}
	return kept;
}

int main(int argc, char **argv)
{
	int recursive = 0;
	cmd_init("chmod");
	creation_mask = umask(0);
	umask(creation_mask);
	int first = 1;
	argc = take_options(argc, argv, &recursive);
	if (first >= argc) {
		cmd_error("missing operand");
		cmd_usage(1, USAGE);
	}
	const char *text = argv[first];
	mode_t check;
	if (parse_octal(text, &check) < 0 && mode_apply_symbolic(text, 0, 0, creation_mask, &check) < 0) {
		cmd_error("invalid mode: '%s'", text);
		cmd_usage(1, USAGE);
	}
	if (first + 1 >= argc) {
		cmd_error("missing operand after '%s'", text);
		cmd_usage(1, USAGE);
	}
	int status = 0;
	for (int i = first + 1; i < argc; i++)
		status |= change_tree(argv[i], recursive, change_mode, (void *)text);
	cmd_exit(status);
}
