/*
 * od: dump files in octal and other formats, 16 bytes a line. Formats:
 * -o (default; octal 2-byte words), -x (hex 2-byte words), -d (unsigned
 * decimal 2-byte words), -b (octal bytes), -c (characters with C escapes);
 * several may be given, each gets its own line. -A d|o|x|n sets the
 * address radix, -v disables the "*" for repeated lines. Words are read
 * little-endian, as on the i386 and x86-64 that GNU od runs on here.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define USAGE "od [-bcdovx] [-A d|o|x|n] [file...]"
#define LINE_BYTES 16
#define MAX_FORMATS 8

enum format { FORMAT_OCTAL2, FORMAT_HEX2, FORMAT_DECIMAL2, FORMAT_OCTAL1, FORMAT_CHAR };

struct od_state {
	enum format formats[MAX_FORMATS];
	int format_count;
	char radix;          /* 'd', 'o', 'x' or 'n' */
	int verbose;
	/* the input: all files one after the other */
	char **names;
	int name_count, next_name, fd;
	int status;
	int opened;          /* some input could be opened */
};

static void put_address(const struct od_state *st, long long address)
{
	switch (st->radix) {
	case 'd': out_format("%07lld", address); break;
	case 'x': out_format("%06llx", (unsigned long long)address); break;
	case 'o': out_format("%07llo", (unsigned long long)address); break;
	default: break;
	}
}

static void put_char_cell(unsigned char c)
{
	static const char from[] = "\a\b\f\n\r\t\v", *to[] = { "\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v" };
	const char *known = c ? memchr(from, c, sizeof(from) - 1) : NULL;
	if (c == '\0')
		out_str("  \\0");
	else if (known)
		out_format("  %s", to[known - from]);
	else if (c >= 32 && c < 127)
		out_format("   %c", c);
	else
		out_format(" %03o", c);
}

static void put_format(enum format format, const unsigned char *data, size_t len)
{
	for (size_t i = 0; i < len; i += (format >= FORMAT_OCTAL1 ? 1 : 2)) {
		unsigned word = data[i] | (i + 1 < len ? (unsigned)data[i + 1] << 8 : 0);
		switch (format) {
		case FORMAT_OCTAL2: out_format(" %06o", word); break;
		case FORMAT_HEX2: out_format(" %04x", word); break;
		case FORMAT_DECIMAL2: out_format(" %5u", word); break;
		case FORMAT_OCTAL1: out_format(" %03o", data[i]); break;
		case FORMAT_CHAR: put_char_cell(data[i]); break;
		}
	}
}

static void put_line(const struct od_state *st, long long address, const unsigned char *data, size_t len)
{
	for (int f = 0; f < st->format_count; f++) {
		if (f == 0)
			put_address(st, address);
		else if (st->radix != 'n')
			out_str(st->radix == 'x' ? "      " : "       ");
		put_format(st->formats[f], data, len);
		out_char('\n');
	}
}

/* Opens the next input file; 0 when there is none left. */
static int open_next(struct od_state *st)
{
	while (st->next_name < st->name_count) {
		const char *name = st->names[st->next_name++];
		st->fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
		if (st->fd >= 0) {
			st->opened = 1;
			return 1;
		}
		cmd_error_errno(name, errno);
		st->status = 1;
	}
	return 0;
}

/* Fills buf with up to LINE_BYTES bytes across files; returns the count. */
static size_t read_line(struct od_state *st, unsigned char *buf)
{
	size_t len = 0;
	while (len < LINE_BYTES && (st->fd >= 0 || open_next(st))) {
		ssize_t n = read(st->fd, buf + len, LINE_BYTES - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cmd_error_errno(st->names[st->next_name - 1], errno);
			st->status = 1;
		}
		if (n <= 0) {
			if (st->fd != STDIN_FILENO)
				close(st->fd);
			st->fd = -1;
			continue;
		}
		len += (size_t)n;
	}
	return len;
}

static void dump(struct od_state *st)
{
	unsigned char line[LINE_BYTES], previous[LINE_BYTES];
	long long address = 0;
	int have_previous = 0, starred = 0;
	size_t len;
	while ((len = read_line(st, line)) > 0) {
		if (!st->verbose && have_previous && len == LINE_BYTES && memcmp(line, previous, LINE_BYTES) == 0) {
			if (!starred)
				out_str("*\n");
			starred = 1;
		} else {
			put_line(st, address, line, len);
			starred = 0;
		}
		memcpy(previous, line, len);
		have_previous = len == LINE_BYTES;
		address += (long long)len;
	}
	if (st->radix != 'n' && st->opened) {
		put_address(st, address);
		out_char('\n');
	}
}

static void add_format(struct od_state *st, enum format format)
{
	if (st->format_count < MAX_FORMATS)
		st->formats[st->format_count++] = format;
}

int main(int argc, char **argv)
{
	struct od_state st;
	struct options opts;
	int option;
	static char *standard_input[] = { "-", NULL };
	cmd_init("od");
	memset(&st, 0, sizeof(st));
	st.radix = 'o';
	st.fd = -1;
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "A:bcdovx")) != -1) {
		switch (option) {
		case 'A':
			if (strlen(opts.arg) != 1 || !strchr("doxn", opts.arg[0])) {
				cmd_error("invalid output address radix '%s'; it must be one character from [doxn]", opts.arg);
				cmd_exit(1);
			}
			st.radix = opts.arg[0];
			break;
		case 'b': add_format(&st, FORMAT_OCTAL1); break;
		case 'c': add_format(&st, FORMAT_CHAR); break;
		case 'd': add_format(&st, FORMAT_DECIMAL2); break;
		case 'o': add_format(&st, FORMAT_OCTAL2); break;
		case 'x': add_format(&st, FORMAT_HEX2); break;
		case 'v': st.verbose = 1; break;
		default: cmd_usage(1, USAGE);
		}
	}
	if (st.format_count == 0)
		add_format(&st, FORMAT_OCTAL2);
	st.name_count = argc - opts.index;
	st.names = st.name_count ? argv + opts.index : standard_input;
	if (st.name_count == 0)
		st.name_count = 1;
	dump(&st);
	cmd_exit(st.status);
}
