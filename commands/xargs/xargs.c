/*
 * xargs: run a command (default echo) with arguments read from standard
 * input. Items are separated by blanks and newlines, with '...', "..."
 * and backslash quoting; -0 separates them by NUL bytes instead, with no
 * quoting; -I REPL runs the command once per input line, REPL replaced by
 * the line in every initial argument (-n is then ignored). -n N puts at
 * most N items on a command line (which otherwise holds as many as GNU's
 * 128 KiB allow), -r runs nothing when the input is empty, -t prints each
 * command line on standard error first, quoted as GNU quotes it. Exit
 * status as POSIX and GNU: 123 if a run exited 1 to 125, 124 if one
 * exited 255 (xargs stops), 125 if one was killed by a signal (it stops),
 * 126 if the command cannot run, 127 if it is not found.
 */
#include "../lib/cmd.h"
#include "../lib/run.h"
#include "../lib/strbuf.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "xargs [-0rt] [-n max-args] [-I replace] [command [initial-arguments]]"

struct xargs_options {
	long max_args;           /* -n; 0 for no limit */
	const char *replace;     /* -I */
	int null;                /* -0 */
	int no_run_if_empty;     /* -r */
	int trace;               /* -t */
};

/* Standard input, a byte at a time over a buffer. */
struct byte_reader {
	char buf[8192];
	size_t pos, len;
};

static int next_byte(struct byte_reader *r)
{
	if (r->pos == r->len) {
		ssize_t n;
		while ((n = read(STDIN_FILENO, r->buf, sizeof(r->buf))) < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cmd_error("read error: %s", strerror(errno));
			cmd_exit(1);
		}
		if (n == 0)
			return -1;
		r->pos = 0;
		r->len = (size_t)n;
	}
	return (unsigned char)r->buf[r->pos++];
}

/* What ends an item: blanks too, or only newlines (-I). */
static int ends_item(int c, int lines)
{
	return c == '\n' || (!lines && (c == ' ' || c == '\t'));
}

/*
 * Reads the next item with quoting into item; 1 if there is one, 0 at the
 * end. *quote_error is set to the quote left open (after the item before it).
 */
static int read_quoted(struct byte_reader *r, struct strbuf *item, int lines, int *quote_error)
{
	int c, started = 0, quote = 0;
	strbuf_clear(item);
	while ((c = next_byte(r)) == ' ' || c == '\t' || c == '\n')
		continue;
	for (; c >= 0; c = next_byte(r)) {
		if (quote) {
			if (c == '\n') {
				*quote_error = quote;
				return 0;
			}
			if (c == quote)
				quote = 0;
			else
				strbuf_add(item, c);
			continue;
		}
		if (ends_item(c, lines))
			break;
		started = 1;
		if (c == '\'' || c == '"')
			quote = c;
		else if (c == '\\' && (c = next_byte(r)) >= 0)
			strbuf_add(item, c);
		else if (c >= 0)
			strbuf_add(item, c);
	}
	if (quote) {
		*quote_error = quote;
		return 0;
	}
	return started;
}

/* -0: items end with NUL bytes; a last one may end with the input. */
static int read_null(struct byte_reader *r, struct strbuf *item)
{
	int c;
	strbuf_clear(item);
	while ((c = next_byte(r)) > 0)
		strbuf_add(item, c);
	return c == 0 || item->len > 0;
}

/* --- running --- */

struct run_state {
	int status;              /* 0, or 123 once a run exited 1 to 125 */
	int trace;
};

/* Whether byte c of arg (at index i) makes the shell quote it, as GNU's quotearg decides. */
static int needs_quotes(const char *arg, size_t i)
{
	unsigned char c = (unsigned char)arg[i];
	if (c == '#' || c == '~')
		return i == 0;
	if (c == '{' || c == '}')
		return i == 0 && arg[1] == '\0';
	return !isprint(c) || strchr(" !\"$&'()*;<=>?[\\^`|", c) != NULL;
}

/* A byte the shell cannot take inside '...': written $'\t' or $'\303'. */
static int is_escaped(unsigned char c)
{
	return !isprint(c);
}

static void quote_escape(struct strbuf *out, unsigned char c)
{
	static const char controls[] = "\a\b\f\n\r\t\v", letters[] = "abfnrtv";
	const char *control = c ? strchr(controls, c) : NULL;
	char buf[8];
	snprintf(buf, sizeof(buf), control ? "\\%c" : "\\%03o", control ? letters[control - controls] : c);
	strbuf_add_string(out, buf);
}

/* arg as -t shows it: as it is, in "..." if only a ' needs it, else in '...' with $'..' escapes. */
static void quote_for_shell(struct strbuf *out, const char *arg)
{
	int special = arg[0] == '\0', single = 0, double_unsafe = 0;
	for (size_t i = 0; arg[i]; i++) {
		special |= needs_quotes(arg, i);
		single |= arg[i] == '\'';
		double_unsafe |= strchr("$`\\\"", arg[i]) != NULL || is_escaped((unsigned char)arg[i]);
	}
	if (!special || (single && !double_unsafe)) {
		int wrap = special;
		if (wrap)
			strbuf_add(out, '"');
		strbuf_add_string(out, arg);
		if (wrap)
			strbuf_add(out, '"');
		return;
	}
	int in_quote = 1, in_escape = 0;
	strbuf_add(out, '\'');
	for (size_t i = 0; arg[i]; i++) {
		unsigned char c = (unsigned char)arg[i];
		if (is_escaped(c)) {
			if (in_quote)
				strbuf_add(out, '\''), in_quote = 0;
			if (!in_escape)
				strbuf_add(out, '$'), strbuf_add(out, '\''), in_escape = 1;
			quote_escape(out, c);
			continue;
		}
		if (in_escape)
			strbuf_add(out, '\''), in_escape = 0;
		if (c == '\'') {
			/* out of the quotes, an escaped quote, back in */
			strbuf_add_string(out, in_quote ? "'\\''" : "\\''");
			in_quote = 1;
			continue;
		}
		if (!in_quote)
			strbuf_add(out, '\''), in_quote = 1;
		strbuf_add(out, c);
	}
	strbuf_add(out, '\'');
}

static void trace_line(char *const argv[])
{
	struct strbuf line = { NULL, 0, 0 };
	strbuf_clear(&line);
	for (int i = 0; argv[i]; i++) {
		quote_for_shell(&line, argv[i]);
		strbuf_add(&line, argv[i + 1] ? ' ' : '\n');
	}
	out_flush();
	ssize_t written = write(STDERR_FILENO, line.text, line.len);
	(void)written;
	free(line.text);
}

/* Judges one run; ends xargs with GNU's status when it must stop. */
static int report(char *const argv[], const struct run_status *status, void *context)
{
	struct run_state *state = context;
	if (status->exec_error) {
		cmd_error("%s: %s", argv[0], strerror(status->exec_error));
		cmd_exit(status->exec_error == ENOENT ? 127 : 126);
	}
	if (status->signal) {
		cmd_error("%s: terminated by signal %d", argv[0], status->signal);
		cmd_exit(125);
	}
	if (status->code == 255) {
		cmd_error("%s: exited with status 255; aborting", argv[0]);
		cmd_exit(124);
	}
	if (status->code != 0)
		state->status = 123;
	return 0;
}

static void run(char **command, int command_count, char **items, int item_count, struct run_state *state)
{
	if (state->trace) {
		char **argv = cmd_malloc((size_t)(command_count + item_count + 1) * sizeof(char *));
		memcpy(argv, command, (size_t)command_count * sizeof(char *));
		memcpy(argv + command_count, items, (size_t)item_count * sizeof(char *));
		argv[command_count + item_count] = NULL;
		trace_line(argv);
		free(argv);
	}
	if (run_with_items(command, command_count, items, item_count, report, state) < 0) {
		cmd_error("cannot fork: %s", strerror(errno));
		cmd_exit(1);
	}
}

/* Items gathered for the next command line. */
struct batch {
	char **items;
	int count, cap;
	size_t bytes;            /* of the command line they make, NULs included */
};

static void batch_add(struct batch *b, const struct strbuf *item)
{
	if (b->count == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->items = cmd_realloc(b->items, (size_t)b->cap * sizeof(char *));
	}
	b->items[b->count++] = cmd_strdup(item->text);
	b->bytes += item->len + 1;
}

static void batch_run(struct batch *b, char **command, int command_count, size_t command_bytes,
	struct run_state *state)
{
	run(command, command_count, b->items, b->count, state);
	for (int i = 0; i < b->count; i++)
		free(b->items[i]);
	b->count = 0;
	b->bytes = command_bytes;
}

static __attribute__((noreturn)) void unmatched_quote(int quote)
{
	cmd_error("unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
		quote == '"' ? "double" : "single");
	cmd_exit(1);
}

/* Items on as few command lines as -n and the size limit allow. */
static void run_gathered(const struct xargs_options *xo, char **command, int command_count,
	struct run_state *state)
{
	struct byte_reader reader = { .pos = 0, .len = 0 };
	struct strbuf item = { NULL, 0, 0 };
	struct batch b = { NULL, 0, 0, 0 };
	size_t command_bytes = 0;
	int quote_error = 0, ran = 0;
	for (int i = 0; i < command_count; i++)
		command_bytes += strlen(command[i]) + 1;
	b.bytes = command_bytes;
	while (xo->null ? read_null(&reader, &item) : read_quoted(&reader, &item, 0, &quote_error)) {
		if (b.count > 0 && b.bytes + item.len + 1 > RUN_LINE_MAX)
			batch_run(&b, command, command_count, command_bytes, state), ran = 1;
		batch_add(&b, &item);
		if (xo->max_args && b.count == xo->max_args)
			batch_run(&b, command, command_count, command_bytes, state), ran = 1;
	}
	if (b.count > 0 || (!ran && !quote_error && !xo->no_run_if_empty))
		batch_run(&b, command, command_count, command_bytes, state);
	if (quote_error)
		unmatched_quote(quote_error);
	free(item.text);
	free(b.items);
}

/* -I: the command once per input line, the line in place of REPL. */
static void run_per_line(const struct xargs_options *xo, char **command, int command_count,
	struct run_state *state)
{
	struct byte_reader reader = { .pos = 0, .len = 0 };
	struct strbuf item = { NULL, 0, 0 };
	int quote_error = 0;
	char **argv = cmd_malloc((size_t)command_count * sizeof(char *));
	while (read_quoted(&reader, &item, 1, &quote_error)) {
		for (int i = 0; i < command_count; i++)
			argv[i] = replace_all(command[i], xo->replace, item.text);
		run(argv, command_count, NULL, 0, state);
		for (int i = 0; i < command_count; i++)
			free(argv[i]);
	}
	free(argv);
	free(item.text);
	if (quote_error)
		unmatched_quote(quote_error);
}

static long parse_max_args(const char *text)
{
	long long value;
	if (parse_count(text, &value) < 0 || text[0] == '+') {
		cmd_error("invalid number \"%s\" for -n option", text);
		cmd_usage(1, USAGE);
	}
	if (value < 1) {
		cmd_error("value %s for -n option should be >= 1", text);
		cmd_usage(1, USAGE);
	}
	return (long)value;
}

int main(int argc, char **argv)
{
	static char *echo[] = { "echo", NULL };
	struct xargs_options xo = { 0, NULL, 0, 0, 0 };
	struct options opts;
	int option;
	cmd_init("xargs");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "0I:n:rt")) != -1) {
		switch (option) {
		case '0': xo.null = 1; break;
		case 'I':
			if (xo.max_args)
				cmd_error("warning: options --max-args and --replace/-I/-i are mutually exclusive, "
					"ignoring previous --max-args value");
			xo.replace = opts.arg;
			xo.max_args = 0;
			break;
		case 'n': xo.max_args = parse_max_args(opts.arg); break;
		case 'r': xo.no_run_if_empty = 1; break;
		case 't': xo.trace = 1; break;
		default: cmd_usage(1, USAGE);
		}
	}
	char **command = opts.index < argc ? argv + opts.index : echo;
	int command_count = opts.index < argc ? argc - opts.index : 1;
	struct run_state state = { 0, xo.trace };
	if (xo.replace)
		run_per_line(&xo, command, command_count, &state);
	else
		run_gathered(&xo, command, command_count, &state);
	cmd_exit(state.status);
}
