/*
 * cat: concatenate files to standard output ("-" or no operand is standard
 * input). -n numbers every output line, continuing across files; -u is
 * accepted and ignored (output is flushed at exit anyway).
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

struct cat_state {
	int number;          /* -n */
	int at_line_start;   /* the next byte starts a line (for -n) */
	long long line;      /* number of the next line */
	char *buf;
};

/* Copies a chunk, inserting a line number before each line's first byte. */
static void put_numbered(struct cat_state *st, const char *data, size_t len)
{
	while (len > 0) {
		if (st->at_line_start) {
			out_format("%6lld\t", st->line++);
			st->at_line_start = 0;
		}
		const char *newline = memchr(data, '\n', len);
		size_t part = newline ? (size_t)(newline - data) + 1 : len;
		out_write(data, part);
		st->at_line_start = newline != NULL;
		data += part;
		len -= part;
	}
}

/* Copies one descriptor to standard output; -1 with errno on a read error. */
static int copy_fd(struct cat_state *st, int fd)
{
	for (;;) {
		ssize_t n = read(fd, st->buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (st->number)
			put_numbered(st, st->buf, (size_t)n);
		else
			out_write(st->buf, (size_t)n);
	}
}

static int cat_file(struct cat_state *st, const char *path)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0) {
		cmd_error_errno(path, errno);
		return 1;
	}
	int status = 0;
	if (copy_fd(st, fd) < 0) {
		cmd_error_errno(path, errno);
		status = 1;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return status;
}

int main(int argc, char **argv)
{
	struct cat_state st = { 0, 1, 1, NULL };
	struct options opts;
	int option;
	cmd_init("cat");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "nu")) != -1) {
		if (option == 'n')
			st.number = 1;
		else if (option == '?')
			cmd_usage(1, "cat [-nu] [file...]");  /* GNU: status 1 */
	}
	st.buf = cmd_malloc(CHUNK);
	int status = 0;
	if (opts.index == argc)
		status = cat_file(&st, "-");
	for (int i = opts.index; i < argc; i++)
		status |= cat_file(&st, argv[i]);
	cmd_exit(status);
}
