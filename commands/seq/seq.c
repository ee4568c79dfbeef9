/*
 * seq: print integers from FIRST (default 1) by INCR (default 1) to LAST.
 * -s SEP separates them (default newline), -w pads with leading zeros to
 * equal width. Integers only: Samsara has no floating point.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define USAGE "seq [-w] [-s sep] [first [incr]] last"

struct seq_options {
	const char *separator;
	int equal_width;
};

static long long parse_number(const char *text)
{
	char *end;
	errno = 0;
	long long value = strtoll(text, &end, 10);
	if (end == text || *end || errno) {
		cmd_error("invalid floating point argument: '%s'", text);
		cmd_usage(1, USAGE);
	}
	return value;
}

/* Whether word is an option rather than a negative number. */
static int is_option_word(const char *word)
{
	return word[0] == '-' && word[1] != '\0' && !(word[1] >= '0' && word[1] <= '9');
}

static int parse_options(int argc, char **argv, struct seq_options *so)
{
	int i = 1;
	so->separator = "\n";
	so->equal_width = 0;
	for (; i < argc && is_option_word(argv[i]); i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'w') {
				so->equal_width = 1;
			} else if (*p == 's') {
				if (p[1] == '\0' && i + 1 >= argc) {
					cmd_error("option requires an argument -- 's'");
					cmd_usage(1, USAGE);
				}
				so->separator = p[1] ? p + 1 : argv[++i];
				break;
			} else {
				cmd_error("invalid option -- '%c'", *p);
				cmd_usage(1, USAGE);
			}
		}
	}
	return i;
}

/* Digits (and sign) of value, for -w. */
static int width_of(long long value)
{
	char text[32];
	return snprintf(text, sizeof(text), "%lld", value);
}

int main(int argc, char **argv)
{
	struct seq_options so;
	long long first = 1, incr = 1, last;
	cmd_init("seq");
	int i = parse_options(argc, argv, &so);
	int operands = argc - i;
	if (operands < 1 || operands > 3) {
		if (operands < 1)
			cmd_error("missing operand");
		else
			cmd_error("extra operand '%s'", argv[i + 3]);
		cmd_usage(1, USAGE);
	}
	last = parse_number(argv[argc - 1]);
	if (operands >= 2)
		first = parse_number(argv[i]);
	if (operands == 3)
		incr = parse_number(argv[i + 1]);
	if (incr == 0) {
		cmd_error("invalid Zero increment value: '%s'", argv[i + 1]);
		cmd_usage(1, USAGE);
	}
	int width = 0;
	if (so.equal_width) {
		int a = width_of(first), b = width_of(last);
		width = a > b ? a : b;
	}
	for (long long n = first; incr > 0 ? n <= last : n >= last; n += incr) {
		if (n != first)
			out_str(so.separator);
		if (width && n < 0)
			out_format("-%0*lld", width - 1, -n);
		else
			out_format("%0*lld", width, n);
		if ((incr > 0 && n > 0x7fffffffffffffffLL - incr) || (incr < 0 && n < (-0x7fffffffffffffffLL - 1) - incr))
			break;
	}
	if (incr > 0 ? first <= last : first >= last)
		out_char('\n');
	cmd_exit(0);
}
