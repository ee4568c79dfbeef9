/*
 * head: print the first 10 lines (-n N, or -N) or N bytes (-c N) of each
 * file; "-n -N" prints all but the last N lines. Several files get
 * "==> name <==" headers (-q never, -v always).
 */
#include "../lib/cmd.h"
#include "../lib/count.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "head [-qv] [-n lines | -c bytes] [file...]"

/* The first count bytes, streaming. */
static int head_bytes(struct input *in, long long left)
{
	char buf[8192];
	while (left > 0) {
		size_t want = left < (long long)sizeof(buf) ? (size_t)left : sizeof(buf);
		ssize_t n = read(in->fd, buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			in->error = errno;
			return -1;
		}
		if (n == 0)
			break;
		out_write(buf, (size_t)n);
		left -= n;
	}
	return 0;
}

/* The first count lines, streaming. */
static int head_lines(struct input *in, long long left)
{
	char *line;
	ssize_t len;
	while (left > 0 && (len = input_line(in, &line)) > 0) {
		out_write(line, (size_t)len);
		left--;
	}
	return in->error ? -1 : 0;
}

/* Everything but the last count lines or bytes: needs all the input. */
static int head_all_but(struct input *in, const struct count_option *count)
{
	char *data;
	size_t len, keep;
	if (read_all(in->fd, &data, &len) < 0) {
		in->error = errno;
		return -1;
	}
	if (count->bytes)
		keep = (unsigned long long)count->value >= len ? 0 : len - (size_t)count->value;
	else
		keep = last_lines_start(data, len, count->value);
	out_write(data, keep);
	free(data);
	return 0;
}

static int head_stream(struct input *in, const struct count_option *count)
{
	if (count->negative)
		return head_all_but(in, count);
	return count->bytes ? head_bytes(in, count->value) : head_lines(in, count->value);
}

static int head_file(const char *name, const struct count_option *count, int header, int *first)
{
	struct input in;
	if (input_open(&in, name) < 0) {
		cmd_error("cannot open '%s' for reading: %s", name, strerror(errno));
		return 1;
	}
	if (header)
		out_format("%s==> %s <==\n", *first ? "" : "\n", strcmp(name, "-") == 0 ? "standard input" : name);
	*first = 0;
	int failed = head_stream(&in, count);
	if (failed)
		cmd_error("error reading '%s': %s", name, strerror(in.error));
	input_close(&in);
	return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct count_option count;
	int quiet, verbose, status = 0, first = 1;
	static char *standard_input[] = { "-", NULL };
	cmd_init("head");
	int index = parse_count_options(argc, argv, &count, &quiet, &verbose, 0, USAGE);
	int files = argc - index;
	char **names = files ? argv + index : standard_input;
	int header = verbose || (files > 1 && !quiet);
	for (int i = 0; i < (files ? files : 1); i++)
		status |= head_file(names[i], &count, header, &first);
	cmd_exit(status);
}
