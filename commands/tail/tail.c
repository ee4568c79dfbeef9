/*
 * tail: print the last 10 lines (-n N, or -N) or N bytes (-c N) of each
 * file; "+N" starts at line or byte N instead. Several files get
 * "==> name <==" headers (-q never, -v always). The input is read into
 * memory whole. -f then follows the regular files: every second it looks
 * for data appended to them and prints it (with a header when it comes
 * from another file than the last), starting over on a file that shrank
 * ("file truncated"), until a signal ends it. Pipes are not followed.
 */
#include "../lib/cmd.h"
#include "../lib/count.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "tail [-fqv] [-n [+]lines | -c [+]bytes] [file...]"

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

/* A file kept open for -f, and how much of it has been printed. */
struct followed {
	const char *name;
	int fd;
	off_t offset;
};

/* Prints "==> name <==" (after an empty line but for the first). */
static void print_header(const char *name, int *first)
{
	out_format("%s==> %s <==\n", *first ? "" : "\n", strcmp(name, "-") == 0 ? "standard input" : name);
	*first = 0;
}

/* Prints the tail of one file; keeps it open in *kept for -f when it is a regular file. */
static int tail_file(const char *name, const struct count_option *count, int header, int *first,
	struct followed *kept)
{
	struct input in;
	struct stat st;
	char *data;
	size_t len;
	if (input_open(&in, name) < 0) {
		cmd_error("cannot open '%s' for reading: %s", name, strerror(errno));
		return 1;
	}
	if (header)
		print_header(name, first);
	int failed = read_all(in.fd, &data, &len);
	if (failed) {
		cmd_error("error reading '%s': %s", name, strerror(errno));
	} else {
		size_t start = output_start(data, len, count);
		out_write(data + start, len - start);
		free(data);
	}
	if (!failed && count->follow && fstat(in.fd, &st) == 0 && S_ISREG(st.st_mode))
		*kept = (struct followed){ name, dup(in.fd), (off_t)len };
	input_close(&in);
	return failed ? 1 : 0;
}

/* Prints what was appended to f since last time; 1 if there was something. */
static int print_appended(struct followed *f)
{
	struct stat st;
	char buf[8192];
	if (fstat(f->fd, &st) < 0)
		return 0;
	if (st.st_size < f->offset) {
		cmd_error("%s: file truncated", f->name);
		f->offset = 0;
	}
	if (st.st_size == f->offset || lseek(f->fd, f->offset, SEEK_SET) < 0)
		return 0;
	ssize_t n;
	int printed = 0;
	while ((n = read(f->fd, buf, sizeof(buf))) > 0) {
		out_write(buf, (size_t)n);
		f->offset += n;
		printed = 1;
	}
	return printed;
}

/* -f: polls the files once a second, forever; a signal ends it. */
static __attribute__((noreturn)) void follow(struct followed *files, int count, int header)
{
	int last = count - 1, first = 0;
	if (count == 0) {
		cmd_error("no files remaining");
		cmd_exit(1);
	}
	for (;;) {
		out_flush();
		sleep(1);
		for (int i = 0; i < count; i++) {
			struct stat st;
			int grew = fstat(files[i].fd, &st) == 0 && st.st_size != files[i].offset;
			if (grew && header && i != last)
				print_header(files[i].name, &first);
			if (grew && print_appended(&files[i]))
				last = i;
		}
	}
}

int main(int argc, char **argv)
{
	struct count_option count;
	int quiet, verbose, status = 0, first = 1, kept_count = 0;
	static char *standard_input[] = { "-", NULL };
	cmd_init("tail");
	int index = parse_count_options(argc, argv, &count, &quiet, &verbose, 1, USAGE);
	int files = argc - index;
	char **names = files ? argv + index : standard_input;
	int header = verbose || (files > 1 && !quiet);
	struct followed *kept = cmd_malloc((size_t)(files ? files : 1) * sizeof(*kept));
	for (int i = 0; i < (files ? files : 1); i++) {
		kept[kept_count].fd = -1;
		status |= tail_file(names[i], &count, header, &first, &kept[kept_count]);
		kept_count += kept[kept_count].fd >= 0;
	}
	if (count.follow && (kept_count > 0 || status))
		follow(kept, kept_count, header);
	cmd_exit(status);
}
