/*
 * cmp: compare two files byte by byte. Prints where they first differ
 * ("a b differ: char 3, line 1", POSIX's wording, which GNU uses in the C locale), or with -l every differing byte (offset
 * and both values in octal), or nothing with -s. Exit status 0 if the
 * files are equal, 1 if they differ, 2 on trouble.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define USAGE "cmp [-l|-s] file1 [file2]"
#define CHUNK 65536

struct side {
	const char *name;
	int fd;
	char *buf;
	size_t len, pos;
	int eof;
};

struct cmp_options {
	int list, silent;
};

/* The next byte of a side, or -1 at end of file, -2 on a read error. */
static int next_byte(struct side *s)
{
	if (s->pos == s->len) {
		if (s->eof)
			return -1;
		ssize_t n;
		do
			n = read(s->fd, s->buf, CHUNK);
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			cmd_error_errno(s->name, errno);
			return -2;
		}
		s->len = (size_t)n;
		s->pos = 0;
		if (n == 0) {
			s->eof = 1;
			return -1;
		}
	}
	return (unsigned char)s->buf[s->pos++];
}

/* Reports that one file ended first. */
static int report_eof(const struct cmp_options *co, const struct side *shorter, long long bytes, long long line, int at_line_start)
{
	if (co->silent)
		return 1;
	if (bytes == 0)
		cmd_error("EOF on %s which is empty", shorter->name);
	else if (co->list)
		cmd_error("EOF on %s after byte %lld", shorter->name, bytes);
	else if (at_line_start)
		cmd_error("EOF on %s after byte %lld, line %lld", shorter->name, bytes, line - 1);
	else
		cmd_error("EOF on %s after byte %lld, in line %lld", shorter->name, bytes, line);
	return 1;
}

static int compare(const struct cmp_options *co, struct side *a, struct side *b)
{
	long long offset = 0, line = 1;
	int differ = 0, at_line_start = 1;
	for (;;) {
		int x = next_byte(a), y = next_byte(b);
		if (x == -2 || y == -2)
			return 2;
		if (x < 0 && y < 0)
			return differ;
		if (x < 0 || y < 0) {
			out_flush();
			report_eof(co, x < 0 ? a : b, offset, line, at_line_start);
			return 1;
		}
		offset++;
		if (x != y) {
			if (!co->list) {
				if (!co->silent)
					out_format("%s %s differ: char %lld, line %lld\n", a->name, b->name, offset, line);
				return 1;
			}
			out_format("%lld %3o %3o\n", offset, (unsigned)x, (unsigned)y);
			differ = 1;
		}
		at_line_start = x == '\n';
		if (x == '\n')
			line++;
	}
}

static int open_side(struct side *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
	if (s->fd < 0) {
		cmd_error_errno(name, errno);
		return -1;
	}
	s->buf = cmd_malloc(CHUNK);
	return 0;
}

int main(int argc, char **argv)
{
	struct cmp_options co = { 0, 0 };
	struct options opts;
	struct side a, b;
	int option;
	cmd_init("cmp");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "ls")) != -1) {
		if (option == 'l')
			co.list = 1;
		else if (option == 's')
			co.silent = 1;
		else
			cmd_usage(2, USAGE);
	}
	int operands = argc - opts.index;
	if (operands < 1 || operands > 2) {
		if (operands < 1)
			cmd_error("missing operand after 'cmp'");
		else
			cmd_error("extra operand '%s'", argv[opts.index + 2]);
		cmd_usage(2, USAGE);
	}
	const char *second = operands == 2 ? argv[opts.index + 1] : "-";
	if (open_side(&a, argv[opts.index]) < 0 || open_side(&b, second) < 0)
		cmd_exit(2);
	cmd_exit(compare(&co, &a, &b));
}
