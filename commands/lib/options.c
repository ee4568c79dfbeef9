/*
 * Option parsing for the commands. libc's getopt would do on Samsara, but
 * glibc's permutes arguments and words its errors its own way; this one
 * behaves identically on both, which the host tests rely on.
 */
#include "cmd.h"
#include <string.h>

void options_init(struct options *state)
{
	state->index = 1;
	state->position = 0;
	state->arg = NULL;
}

/* Whether argv[index] starts a group of options; consumes a "--". */
static int at_option(struct options *state, int argc, char **argv)
{
	const char *word = state->index < argc ? argv[state->index] : NULL;
	if (!word || word[0] != '-' || word[1] == '\0')
		return 0;
	if (strcmp(word, "--") == 0) {
		state->index++;
		return 0;
	}
	state->position = 1;
	return 1;
}

/* Takes an option's argument from the rest of the word or the next word. */
static int take_argument(struct options *state, int argc, char **argv, int option)
{
	const char *rest = argv[state->index] + state->position;
	state->index++;
	state->position = 0;
	if (*rest) {
		state->arg = rest;
		return option;
	}
	if (state->index < argc) {
		state->arg = argv[state->index++];
		return option;
	}
	cmd_error("option requires an argument -- '%c'", option);
	return '?';
}

int options_next(struct options *state, int argc, char **argv, const char *spec)
{
	state->arg = NULL;
	if (state->position == 0 && !at_option(state, argc, argv))
		return -1;
	int option = (unsigned char)argv[state->index][state->position++];
	const char *found = option == ':' ? NULL : strchr(spec, option);
	if (found && found[1] == ':')
		return take_argument(state, argc, argv, option);
	if (argv[state->index][state->position] == '\0') {
		state->index++;
		state->position = 0;
	}
	if (!found) {
		cmd_error("invalid option -- '%c'", option);
		return '?';
	}
	return option;
}
