/*
 * getopt: POSIX command-line option parsing. Options are single letters
 * after '-', and may be grouped ("-ab"); a letter followed by ':' in
 * optstring takes an argument, either the rest of its word ("-ofile") or
 * the next word. Parsing stops at the first word that is not an option,
 * after "--" (which it skips), or at a lone "-". Errors return '?' (or ':'
 * for a missing argument when optstring starts with ':', which also
 * silences the messages) and set optopt.
 */
#include <unistd.h>
#include <stdio.h>
#include <string.h>
#include <libc_private.h>

char *optarg;
int optind = 1;
int opterr = 1;
int optopt;

/* Position inside argv[optind] while a group of options is being read. */
static int group_position;

/* Reports an error as glibc words it, unless the caller asked for silence. */
static void report(const char *program, const char *optstring, const char *what, int option)
{
	char text[256];
	if (!opterr || optstring[0] == ':')
		return;
	snprintf(text, sizeof(text), "%s: %s -- '%c'\n", program, what, option);
	__libc_error_message(text);
}

/* Whether argv[optind] starts a new group of options; skips a "--". */
static int at_option(int argc, char *const argv[])
{
	const char *word = optind < argc ? argv[optind] : NULL;
	if (!word || word[0] != '-' || word[1] == '\0')
		return 0;
	if (strcmp(word, "--") == 0) {
		optind++;
		return 0;
	}
	group_position = 1;
	return 1;
}

/* Takes the option's argument from the rest of the word or the next word. */
static int take_argument(int argc, char *const argv[], const char *optstring, int option)
{
	char *rest = argv[optind] + group_position;
	optind++;
	group_position = 0;
	if (*rest) {
		optarg = rest;
	} else if (optind < argc) {
		optarg = argv[optind++];
	} else {
		optopt = option;
		report(argv[0], optstring, "option requires an argument", option);
		return optstring[0] == ':' ? ':' : '?';
	}
	return option;
}

/* Setting optind to 0 restarts parsing from argv[1], as in glibc. */
int getopt(int argc, char *const argv[], const char *optstring)
{
	optarg = NULL;
	if (optind == 0) {
		optind = 1;
		group_position = 0;
	}
	if (group_position == 0 && !at_option(argc, argv))
		return -1;
	int option = (unsigned char)argv[optind][group_position++];
	const char *spec = option == ':' ? NULL : strchr(optstring, option);
	if (spec && spec[1] == ':')
		return take_argument(argc, argv, optstring, option);
	if (argv[optind][group_position] == '\0') {
		optind++;
		group_position = 0;
	}
	if (!spec) {
		optopt = option;
		report(argv[0], optstring, "invalid option", option);
		return '?';
	}
	return option;
}
