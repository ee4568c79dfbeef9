/*
 * yes: print its arguments (or "y") forever, one line each. The line is
 * repeated into a large buffer so each write moves many lines; it ends
 * when a write fails (the reader went away).
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

#define FILL_SIZE 4096  /* one atomic pipe write (see lib/output.c) */

/* Builds "args...\n" once. */
static char *make_line(int argc, char **argv, int first, size_t *len)
{
	size_t total = 0;
	for (int i = first; i < argc; i++)
		total += strlen(argv[i]) + 1;
	if (first == argc)
		total = 2;
	char *line = cmd_malloc(total + 1);
	if (first == argc) {
		memcpy(line, "y\n", 3);
		*len = 2;
		return line;
	}
	char *p = line;
	for (int i = first; i < argc; i++) {
		size_t part = strlen(argv[i]);
		memcpy(p, argv[i], part);
		p[part] = i + 1 < argc ? ' ' : '\n';
		p += part + 1;
	}
	*len = total;
	return line;
}

int main(int argc, char **argv)
{
	struct options opts;
	size_t line_len, used = 0;
	cmd_init("yes");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, "yes [string...]");
	char *line = make_line(argc, argv, opts.index, &line_len);
	size_t size = line_len > FILL_SIZE ? line_len : FILL_SIZE;
	char *buf = cmd_malloc(size);
	do {
		memcpy(buf + used, line, line_len);
		used += line_len;
	} while (used + line_len <= size);
	for (size_t at = 0;;) {
		ssize_t n = write(STDOUT_FILENO, buf + at, used - at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EPIPE)
			return 1;  /* the reader is gone: end quietly, as SIGPIPE would */
		if (n <= 0) {
			cmd_error("standard output: %s", strerror(n < 0 ? errno : EIO));
			return 1;
		}
		at = (at + (size_t)n) % used;
	}
}
