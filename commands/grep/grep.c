/*
 * grep: print lines that match patterns. Patterns are basic regular
 * expressions, extended with -E, fixed strings with -F; several come from
 * -e options, -f files or newlines in the pattern, and a line is selected
 * when any matches. -v inverts, -i ignores case, -x matches whole lines,
 * -w whole words, -c counts, -n numbers lines, -l/-L list files with/without
 * matches, -q only sets the status, -s hides file errors, -h/-H drop or
 * force the "file:" prefix. Exit status 0 if a line was selected, 1 if not,
 * 2 on an error (unless -q found a match).
 */
#include "../lib/cmd.h"
#include "../lib/regex.h"
#include "matcher.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "grep [-EFGHLcefhilnqsvwx] [-e pattern]... [-f file] [pattern] [file...]"

struct grep_options {
	int invert, count, number, list, list_missing, quiet, silent, prefix;
};

static struct grep_options go;
static struct matcher matcher;

/* Greps one open input; returns the number of selected lines. */
static long long grep_input(struct input *in, const char *name)
{
	long long selected = 0, line_number = 0;
	char *line;
	ssize_t len;
	while ((len = input_line(in, &line)) > 0) {
		size_t n = (size_t)len - (line[len - 1] == '\n');
		line_number++;
		if (matcher_matches(&matcher, line, n) == go.invert)
			continue;
		selected++;
		if (go.quiet)
			cmd_exit(0);
		if (go.count || go.list || go.list_missing)
			continue;
		if (go.prefix)
			out_format("%s:", name);
		if (go.number)
			out_format("%lld:", line_number);
		out_write(line, n);
		out_char('\n');
	}
	return selected;
}

static int grep_file(const char *path)
{
	struct input in;
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	if (input_open(&in, path) < 0) {
		if (!go.silent)
			cmd_error_errno(path, errno);
		return 2;
	}
	long long selected = grep_input(&in, name);
	int error = in.error;
	input_close(&in);
	if (error) {
		if (!go.silent)
			cmd_error_errno(path, error);
		return 2;
	}
	if (go.count) {
		if (go.prefix)
			out_format("%s:", name);
		out_format("%lld\n", selected);
	}
	if ((go.list && selected) || (go.list_missing && !selected))
		out_format("%s\n", name);
	return selected ? 0 : 1;
}

static void parse_options(int argc, char **argv, struct options *opts, int *force_prefix)
{
	int option;
	options_init(opts);
	while ((option = options_next(opts, argc, argv, "EFGHLce:f:hilnqsvwx")) != -1) {
		switch (option) {
		case 'E': matcher.syntax = SYNTAX_EXTENDED; break;
		case 'F': matcher.syntax = SYNTAX_FIXED; break;
		case 'G': matcher.syntax = SYNTAX_BASIC; break;
		case 'H': *force_prefix = 1; break;
		case 'h': *force_prefix = 0; break;
		case 'L': go.list_missing = 1, go.list = 0; break;
		case 'c': go.count = 1; break;
		case 'e': matcher_add_patterns(&matcher, opts->arg, strlen(opts->arg)); break;
		case 'f': matcher_add_file(&matcher, opts->arg); break;
		case 'i': matcher.ignore_case = 1; break;
		case 'l': go.list = 1, go.list_missing = 0; break;
		case 'n': go.number = 1; break;
		case 'q': go.quiet = 1; break;
		case 's': go.silent = 1; break;
		case 'v': go.invert = 1; break;
		case 'w': matcher.whole_words = 1; break;
		case 'x': matcher.whole_lines = 1; break;
		default: cmd_usage(2, USAGE);
		}
	}
}

int main(int argc, char **argv)
{
	struct options opts;
	int force_prefix = -1, status = 1, error = 0;
	cmd_init("grep");
	matcher_init(&matcher);
	parse_options(argc, argv, &opts, &force_prefix);
	if (!matcher.given) {
		if (opts.index == argc)
			cmd_usage(2, USAGE);
		const char *pattern = argv[opts.index++];
		matcher_add_patterns(&matcher, pattern, strlen(pattern));
	}
	matcher_compile(&matcher);
	int files = argc - opts.index;
	go.prefix = force_prefix >= 0 ? force_prefix : files > 1;
	if (files == 0)
		status = grep_file("-");
	for (int i = opts.index; i < argc; i++) {
		int result = grep_file(argv[i]);
		if (result == 2)
			error = 1;
		else if (result == 0)
			status = 0;
	}
	cmd_exit(error && !(go.quiet && status == 0) ? 2 : status);
}
