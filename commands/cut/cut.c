/*
 * cut: print selected parts of lines. -b or -c LIST selects bytes (the
 * same as characters in the C locale), -f LIST fields separated by -d
 * DELIM (default tab); lines without a delimiter are printed whole unless
 * -s. LIST is comma-separated N, N-, -M and N-M ranges, 1-based.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define USAGE "cut -b list | -c list | -f list [-d delim] [-s] [file...]"

struct range {
	size_t low, high;   /* inclusive; high SIZE_MAX for "N-" */
};

struct cut_options {
	struct range *ranges;
	size_t range_count;
	int fields;        /* -f rather than -b/-c */
	char delimiter;
	int only_delimited;
};

static int parse_position(const char **p, size_t *value)
{
	char *end;
	if (**p < '0' || **p > '9')
		return 0;
	unsigned long long n = strtoull(*p, &end, 10);
	if (n == 0) {
		cmd_error("fields and positions are numbered from 1");
		cmd_usage(1, USAGE);
	}
	*value = (size_t)n;
	*p = end;
	return 1;
}

static void invalid_list(void)
{
	cmd_error("invalid byte, character or field list");
	cmd_usage(1, USAGE);
}

static void parse_list(struct cut_options *co, const char *list)
{
	const char *p = list;
	size_t cap = 0;
	for (;;) {
		struct range r = { 1, (size_t)-1 };
		int has_low = parse_position(&p, &r.low);
		if (*p == '-') {
			p++;
			int has_high = parse_position(&p, &r.high);
			if (!has_low && !has_high)
				invalid_list();
		} else if (has_low) {
			r.high = r.low;
		} else {
			invalid_list();
		}
		if (r.high < r.low) {
			cmd_error("invalid decreasing range");
			cmd_usage(1, USAGE);
		}
		if (co->range_count == cap) {
			cap = cap ? cap * 2 : 8;
			co->ranges = cmd_realloc(co->ranges, cap * sizeof(*co->ranges));
		}
		co->ranges[co->range_count++] = r;
		if (*p == '\0')
			return;
		if (*p != ',' && *p != ' ')
			invalid_list();
		p++;
	}
}

static int selected(const struct cut_options *co, size_t position)
{
	for (size_t i = 0; i < co->range_count; i++)
		if (position >= co->ranges[i].low && position <= co->ranges[i].high)
			return 1;
	return 0;
}

static void cut_bytes(const struct cut_options *co, const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (selected(co, i + 1))
			out_char(line[i]);
	out_char('\n');
}

static void cut_fields(const struct cut_options *co, const char *line, size_t len)
{
	if (!memchr(line, co->delimiter, len)) {
		if (!co->only_delimited) {
			out_write(line, len);
			out_char('\n');
		}
		return;
	}
	size_t field = 1, start = 0;
	int printed = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && line[i] != co->delimiter)
			continue;
		if (selected(co, field)) {
			if (printed)
				out_char(co->delimiter);
			out_write(line + start, i - start);
			printed = 1;
		}
		field++;
		start = i + 1;
	}
	out_char('\n');
}

static int cut_file(const struct cut_options *co, const char *name)
{
	struct input in;
	char *line;
	ssize_t len;
	if (input_open(&in, name) < 0) {
		cmd_error_errno(name, errno);
		return 1;
	}
	while ((len = input_line(&in, &line)) > 0) {
		size_t n = (size_t)len;
		if (line[n - 1] == '\n')
			n--;
		if (co->fields)
			cut_fields(co, line, n);
		else
			cut_bytes(co, line, n);
	}
	int status = 0;
	if (len < 0) {
		cmd_error_errno(name, in.error);
		status = 1;
	}
	input_close(&in);
	return status;
}

static void parse_options(int argc, char **argv, struct cut_options *co, struct options *opts)
{
	int option, lists = 0, delimiter_given = 0;
	options_init(opts);
	while ((option = options_next(opts, argc, argv, "b:c:d:f:ns")) != -1) {
		if (option == 'b' || option == 'c' || option == 'f') {
			if (lists++)
				cmd_error("only one type of list may be specified"), cmd_usage(1, USAGE);
			co->fields = option == 'f';
			parse_list(co, opts->arg);
		} else if (option == 'd') {
			if (strlen(opts->arg) > 1)
				cmd_error("the delimiter must be a single character"), cmd_usage(1, USAGE);
			co->delimiter = opts->arg[0];
			delimiter_given = 1;
		} else if (option == 's') {
			co->only_delimited = 1;
		} else if (option != 'n') {
			cmd_usage(1, USAGE);
		}
	}
	if (!lists)
		cmd_error("you must specify a list of bytes, characters, or fields"), cmd_usage(1, USAGE);
	if (!co->fields && (delimiter_given || co->only_delimited)) {
		cmd_error(delimiter_given ? "an input delimiter may be specified only when operating on fields"
			: "suppressing non-delimited lines makes sense\n\tonly when operating on fields");
		cmd_usage(1, USAGE);
	}
}

int main(int argc, char **argv)
{
	struct cut_options co = { NULL, 0, 0, '\t', 0 };
	struct options opts;
	int status = 0;
	cmd_init("cut");
	parse_options(argc, argv, &co, &opts);
	if (opts.index == argc)
		status = cut_file(&co, "-");
	for (int i = opts.index; i < argc; i++)
		status |= cut_file(&co, argv[i]);
	free(co.ranges);
	cmd_exit(status);
}
