/*
 * tail: print the last 10 lines (-n N, or -N) or N bytes (-c N) of each
 * file; "+N" starts at line or byte N instead. Several files get
 * "==> name <==" headers (-q never, -v always). The input is read into
 * memory whole; -f is not supported.
 */
#include "../lib/cmd.h"
#include "../lib/count.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "tail [-qv] [-n [+]lines | -c [+]bytes] [file...]"

/* Offset of line number `line` (1-based) in data. */
static size_t line_offset(const char *data, size_t len, long long line)
{
	size_t pos = 0;
	while (line > 1 && pos < len) {
		const char *newline = memchr(data + pos, '\n', len - pos);
		if (!newline)
			return len;
		pos = (size_t)(newline - data) + 1;
		line--;
	}
	return pos;
}

/* Where the output starts in data, given the count. */
static size_t output_start(const char *data, size_t len, const struct count_option *count)
{
	unsigned long long n = (unsigned long long)count->value;
	if (count->bytes && count->from_start)
		return n <= 1 ? 0 : (n - 1 >= len ? len : (size_t)(n - 1));
	if (count->bytes)
		return n >= len ? 0 : len - (size_t)n;
	if (count->from_start)
		return line_offset(data, len, count->value);
	return last_lines_start(data, len, count->value);
}

static int tail_file(const char *name, const struct count_option *count, int header, int *first)
{
	struct input in;
	char *data;
	size_t len;
	if (input_open(&in, name) < 0) {
		cmd_error("cannot open '%s' for reading: %s", name, strerror(errno));
		return 1;
	}
	if (header)
		out_format("%s==> %s <==\n", *first ? "" : "\n", strcmp(name, "-") == 0 ? "standard input" : name);
	*first = 0;
	int failed = read_all(in.fd, &data, &len);
	if (failed) {
		cmd_error("error reading '%s': %s", name, strerror(errno));
	} else {
		size_t start = output_start(data, len, count);
		out_write(data + start, len - start);
		free(data);
	}
	input_close(&in);
	return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct count_option count;
	int quiet, verbose, status = 0, first = 1;
	static char *standard_input[] = { "-", NULL };
	cmd_init("tail");
	int index = parse_count_options(argc, argv, &count, &quiet, &verbose, USAGE);
	int files = argc - index;
	char **names = files ? argv + index : standard_input;
	int header = verbose || (files > 1 && !quiet);
	for (int i = 0; i < (files ? files : 1); i++)
		status |= tail_file(names[i], &count, header, &first);
	cmd_exit(status);
}
