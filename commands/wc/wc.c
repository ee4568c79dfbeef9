/*
 * wc: count lines, words and bytes. -l -w -c select the counts (default:
 * all three, always in that order); several files get a "total" line. The
 * column width follows GNU: wide enough for the total size of the regular
 * files, at least 7 when reading a pipe or terminal, 1 when a single count
 * of a single file is asked for.
 */
#include "../lib/cmd.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536
#define USAGE "wc [-clw] [file...]"

struct counts {
	long long lines, words, bytes;
};

struct wc_state {
	int show_lines, show_words, show_bytes;
	int width;
	char *buf;
};

static int count_fd(struct wc_state *ws, int fd, struct counts *c)
{
	int in_word = 0;
	memset(c, 0, sizeof(*c));
	for (;;) {
		ssize_t n = read(fd, ws->buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		c->bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)ws->buf[i];
			if (ch == '\n')
				c->lines++;
			if (isspace(ch)) {
				in_word = 0;
			} else if (!in_word && isprint(ch)) {
				in_word = 1;
				c->words++;
			}
		}
	}
}

static void put_counts(const struct wc_state *ws, const struct counts *c, const char *name)
{
	const char *separator = "";
	if (ws->show_lines) {
		out_format("%*lld", ws->width, c->lines);
		separator = " ";
	}
	if (ws->show_words) {
		out_format("%s%*lld", separator, ws->width, c->words);
		separator = " ";
	}
	if (ws->show_bytes)
		out_format("%s%*lld", separator, ws->width, c->bytes);
	if (name) {
		out_char(' ');
		out_str(name);
	}
	out_char('\n');
}

/* GNU's column width (see the header comment). */
static int column_width(const struct wc_state *ws, char **names, int count)
{
	long long regular_total = 0;
	int width = 1, minimum = 1;
	struct stat st;
	if (count == 1 && ws->show_lines + ws->show_words + ws->show_bytes == 1)
		return 1;
	for (int i = 0; i < count; i++) {
		int failed = strcmp(names[i], "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(names[i], &st);
		if (failed) {
			if (i == 0)
				return 1;
			continue;
		}
		if (S_ISREG(st.st_mode))
			regular_total += st.st_size;
		else
			minimum = 7;
	}
	for (; regular_total >= 10; regular_total /= 10)
		width++;
	return width > minimum ? width : minimum;
}

static int wc_file(struct wc_state *ws, const char *name, const char *shown, struct counts *total)
{
	struct counts c;
	int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
	if (fd < 0) {
		cmd_error_errno(name, errno);
		return 1;
	}
	int status = 0;
	if (count_fd(ws, fd, &c) < 0) {
		cmd_error_errno(name, errno);
		status = 1;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	put_counts(ws, &c, shown);
	total->lines += c.lines;
	total->words += c.words;
	total->bytes += c.bytes;
	return status;
}

int main(int argc, char **argv)
{
	struct wc_state ws = { 0, 0, 0, 1, NULL };
	struct counts total = { 0, 0, 0 };
	struct options opts;
	int option, status = 0;
	static char *standard_input[] = { "-", NULL };
	cmd_init("wc");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "clmw")) != -1) {
		if (option == 'l')
			ws.show_lines = 1;
		else if (option == 'w')
			ws.show_words = 1;
		else if (option == 'c' || option == 'm')
			ws.show_bytes = 1;
		else
			cmd_usage(1, USAGE);
	}
	if (!ws.show_lines && !ws.show_words && !ws.show_bytes)
		ws.show_lines = ws.show_words = ws.show_bytes = 1;
	int count = argc - opts.index;
	char **names = count ? argv + opts.index : standard_input;
	ws.width = column_width(&ws, names, count ? count : 1);
	ws.buf = cmd_malloc(CHUNK);
	for (int i = 0; i < (count ? count : 1); i++)
		status |= wc_file(&ws, names[i], count ? names[i] : NULL, &total);
	if (count > 1)
		put_counts(&ws, &total, "total");
	cmd_exit(status);
}
