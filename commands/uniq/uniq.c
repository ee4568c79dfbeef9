/*
 * uniq: collapse adjacent equal lines of INPUT (default standard input)
 * into one, written to OUTPUT (default standard output). -c prefixes each
 * with its count, -d prints only repeated lines, -u only unique ones, -i
 * compares without regard to case.
 */
#include "../lib/cmd.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "uniq [-c|-d|-u] [-i] [input [output]]"

struct uniq_options {
	int count, repeated, unique, ignore_case;
};

/* Compares two lines without their newlines. */
static int same_line(const struct uniq_options *uo, const char *a, size_t a_len, const char *b, size_t b_len)
{
	if (a_len != b_len)
		return 0;
	if (!uo->ignore_case)
		return memcmp(a, b, a_len) == 0;
	for (size_t i = 0; i < a_len; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

static void put_group(const struct uniq_options *uo, const char *line, size_t len, long long count)
{
	if ((uo->repeated && count < 2) || (uo->unique && count > 1))
		return;
	if (uo->count)
		out_format("%7lld ", count);
	out_write(line, len);
	out_char('\n');
}

static int strip_newline(const char *line, ssize_t len)
{
	return len > 0 && line[len - 1] == '\n';
}

static int uniq_stream(const struct uniq_options *uo, struct input *in)
{
	char *held = NULL, *line;
	size_t held_len = 0, held_cap = 0;
	long long count = 0;
	ssize_t len;
	while ((len = input_line(in, &line)) > 0) {
		size_t n = (size_t)len - (size_t)strip_newline(line, len);
		if (count > 0 && same_line(uo, held, held_len, line, n)) {
			count++;
			continue;
		}
		if (count > 0)
			put_group(uo, held, held_len, count);
		if (n > held_cap) {
			held_cap = n * 2;
			held = cmd_realloc(held, held_cap);
		}
		memcpy(held, line, n);
		held_len = n;
		count = 1;
	}
	if (count > 0)
		put_group(uo, held, held_len, count);
	free(held);
	return len < 0 ? -1 : 0;
}

/* Points standard output at the output file operand. */
static void open_output(const char *name)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		cmd_error_errno(name, errno);
		cmd_exit(1);
	}
	close(fd);
}

int main(int argc, char **argv)
{
	struct uniq_options uo = { 0, 0, 0, 0 };
	struct options opts;
	struct input in;
	int option;
	cmd_init("uniq");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "cdiu")) != -1) {
		switch (option) {
		case 'c': uo.count = 1; break;
		case 'd': uo.repeated = 1; break;
		case 'i': uo.ignore_case = 1; break;
		case 'u': uo.unique = 1; break;
		default: cmd_usage(1, USAGE);
		}
	}
	int operands = argc - opts.index;
	if (operands > 2) {
		cmd_error("extra operand '%s'", argv[opts.index + 2]);
		cmd_usage(1, USAGE);
	}
	const char *name = operands > 0 ? argv[opts.index] : "-";
	if (input_open(&in, name) < 0) {
		cmd_error_errno(name, errno);
		cmd_exit(1);
	}
	if (operands == 2)
		open_output(argv[opts.index + 1]);
	int status = 0;
	if (uniq_stream(&uo, &in) < 0) {
		cmd_error_errno(name, in.error);
		status = 1;
	}
	input_close(&in);
	cmd_exit(status);
}
