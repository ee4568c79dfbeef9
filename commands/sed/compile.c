/*
 * Compiling a sed script: addresses, then a command letter looked up in a
 * table that says how many addresses it takes and how its arguments are
 * read. Messages and the places they point at follow GNU sed.
 */
#include "sed.h"
#include "../lib/cmd.h"
#include "../lib/strbuf.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What carries over from one piece of script (-e or -f) to the next. */
static struct {
	struct open_block {
		size_t index;            /* of the "{" command */
		struct script_source source;  /* the piece it is in, for "unmatched `{'" */
	} *blocks;
	size_t block_count;
	struct strbuf text;          /* a, i or c text still being read */
	long text_owner;             /* its command, -1 when none is pending */
	struct script_source last;   /* for messages after the last piece */
	struct output_file *files;
} state = { .text_owner = -1 };

typedef void (*parse_fn)(struct reader *r, struct script *script, struct command *cmd);

/*
 * Converts the escapes escape_value knows in text[0..len) in place; other
 * "\c" pairs keep their backslash if keep_backslash (regular expressions,
 * where \( or \1 mean something), else become c. Returns the new length.
 */
static size_t convert_escapes(char *text, size_t len, int keep_backslash)
{
	const char *p = text, *end = text + len;
	char *q = text;
	while (p < end) {
		if (*p != '\\' || p + 1 >= end) {
			*q++ = *p++;
			continue;
		}
		p++;
		int value = escape_value(&p, end);
		if (value >= 0) {
			*q++ = (char)value;
			continue;
		}
		if (keep_backslash)
			*q++ = '\\';
		*q++ = *p++;
	}
	*q = '\0';
	return (size_t)(q - text);
}

/* Compiles a regular expression of the script; NULL for the empty one. */
static struct regex *compile_regex(struct reader *r, const struct script *script, char *text,
	size_t len, int ignore_case)
{
	if (len == 0)
		return NULL;
	convert_escapes(text, len, 1);
	const char *error;
	int flags = (script->extended ? REGEX_EXTENDED : 0) | (ignore_case ? REGEX_ICASE : 0);
	struct regex *re = regex_compile(text, flags, &error);
	if (!re)
		reader_fail(r, "%s", error);
	return re;
}

/* --- addresses --- */

/* Reads "/re/" or "\cREc" and its I flag; c is the opening character. */
static void parse_regex_address(struct reader *r, const struct script *script, int c, struct address *a)
{
	char *text;
	size_t len;
	if (c == '\\')
		c = reader_next(r);
	if (c == SCRIPT_END || c == '\n' || !reader_delimited(r, c, DELIMITED_REGEX, &text, &len))
		reader_fail(r, "unterminated address regex");
	int ignore_case = 0;
	while ((c = reader_nonblank(r)) == 'I')
		ignore_case = 1;
	reader_back(r, c);
	a->kind = ADDRESS_REGEX;
	a->re = compile_regex(r, script, text, len, ignore_case);
	free(text);
}

/* Reads an address if one starts here; 1 if it did. second: after ",". */
static int parse_address(struct reader *r, const struct script *script, struct address *a, int second)
{
	int c = second ? reader_nonblank(r) : reader_next(r);
	if (c == '/' || c == '\\') {
		parse_regex_address(r, script, c, a);
		return 1;
	}
	if (isdigit(c)) {
		a->kind = ADDRESS_LINE;
		a->line = reader_number(r, c);
		c = reader_nonblank(r);
		if (c != '~') {
			reader_back(r, c);
			return 1;
		}
		c = reader_nonblank(r);
		a->step = isdigit(c) ? reader_number(r, c) : (reader_back(r, c), 0);
		a->kind = a->step > 0 ? ADDRESS_STEP : ADDRESS_LINE;
		return 1;
	}
	if (second && (c == '+' || c == '~')) {
		int kind = c;
		c = reader_nonblank(r);
		if (!isdigit(c))
			reader_fail(r, "expected newer version of sed");
		a->kind = kind == '+' ? ADDRESS_PLUS : ADDRESS_MULTIPLE;
		a->line = reader_number(r, c);
		return 1;
	}
	if (c == '$') {
		a->kind = ADDRESS_LAST;
		return 1;
	}
	reader_back(r, c);
	return 0;
}

/* --- arguments of the commands --- */

/* After a command: blanks, then the end of the piece, a newline, ";", "}" or "#". */
static void read_end(struct reader *r)
{
	int c = reader_nonblank(r);
	if (c == '}' || c == '#')
		reader_back(r, c);
	else if (c != SCRIPT_END && c != '\n' && c != ';')
		reader_fail(r, "extra characters after command");
}

/* After blanks, the text up to the end of the line or one of the bytes in stops. */
static char *read_word(struct reader *r, const char *stops)
{
	struct strbuf word = { NULL, 0, 0 };
	int c = reader_nonblank(r);
	strbuf_clear(&word);
	while (c != SCRIPT_END && c != '\n' && !strchr(stops, c)) {
		strbuf_add(&word, c);
		c = reader_next(r);
	}
	reader_back(r, c);
	return strbuf_take(&word);
}

/* A label of ":", "b", "t" or "T": up to a blank, ";", "}" or the line's end. */
static char *read_label(struct reader *r)
{
	return read_word(r, " \t;}");
}

/* A file name of r or w: the rest of the line. */
static char *read_file_name(struct reader *r)
{
	char *name = read_word(r, "");
	reader_next(r);  /* the newline ends the command */
	if (name[0] == '\0')
		reader_fail(r, "missing filename in r/R/w/W commands");
	return name;
}

/* The output of "w": one open file per name, standard output as GNU names it. */
static struct output_file *open_output(struct reader *r)
{
	char *name = read_file_name(r);
	for (struct output_file *f = state.files; f; f = f->next)
		if (strcmp(f->name, name) == 0) {
			free(name);
			return f;
		}
	struct output_file *f = cmd_malloc(sizeof(*f));
	f->name = name;
	f->missing_newline = 0;
	if (strcmp(name, "/dev/stdout") == 0)
		f->fd = -1;
	else if (strcmp(name, "/dev/stderr") == 0)
		f->fd = STDERR_FILENO;
	else if ((f->fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0) {
		cmd_error("couldn't open file %s: %s", name, strerror(errno));
		cmd_exit(4);
	}
	f->next = state.files;
	state.files = f;
	return f;
}

/* Hands the text read so far to its command, escapes converted. */
static void text_finish(struct script *script)
{
	struct command *owner = &script->commands[state.text_owner];
	owner->text_len = convert_escapes(state.text.text, state.text.len, 0);
	owner->text = strbuf_take(&state.text);
	state.text_owner = -1;
}

/*
 * Reads a, i or c text up to a newline without a backslash; leadin is the
 * first character or '\n' for none. A piece of script that ends inside
 * the text (after a backslash) leaves it open for the next piece, as GNU.
 * Returns 1 when the text is complete.
 */
static int read_text(struct reader *r, int leadin)
{
	if (leadin == SCRIPT_END)
		return 0;
	if (leadin != '\n')
		strbuf_add(&state.text, leadin);
	int c = reader_next(r);
	while (c != SCRIPT_END && c != '\n') {
		if (c == '\\') {
			c = reader_next(r);
			if (c != SCRIPT_END)
				strbuf_add(&state.text, '\\');
		}
		if (c == SCRIPT_END) {
			strbuf_add(&state.text, '\n');
			return 0;
		}
		strbuf_add(&state.text, c);
		c = reader_next(r);
	}
	strbuf_add(&state.text, '\n');
	return 1;
}

static void parse_plain(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	(void)cmd;
	read_end(r);
}

/* Parse functions run with cmd already stored, last in the script. */
static size_t index_of(const struct script *script)
{
	return script->count - 1;
}

static void parse_block_open(struct reader *r, struct script *script, struct command *cmd)
{
	(void)r;
	(void)cmd;
	state.blocks = cmd_realloc(state.blocks, (state.block_count + 1) * sizeof(*state.blocks));
	state.blocks[state.block_count].index = index_of(script);
	state.blocks[state.block_count++].source = *r->source;
}

static void parse_block_close(struct reader *r, struct script *script, struct command *cmd)
{
	(void)cmd;
	if (state.block_count == 0)
		reader_fail(r, "unexpected `}'");
	script->commands[state.blocks[--state.block_count].index].jump = script->count;
	read_end(r);
}

static void parse_text(struct reader *r, struct script *script, struct command *cmd)
{
	(void)cmd;
	int c = reader_nonblank(r);
	if (c == SCRIPT_END)
		reader_fail(r, "expected \\ after `a', `c' or `i'");
	if (c == '\\') {
		c = reader_next(r);
	} else {
		reader_back(r, c);
		c = '\n';
	}
	state.text_owner = (long)index_of(script);
	strbuf_clear(&state.text);
	if (read_text(r, c))
		text_finish(script);
}

static void parse_jump(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	cmd->text = read_label(r);
	read_end(r);
}

static void parse_label(struct reader *r, struct script *script, struct command *cmd)
{
	parse_jump(r, script, cmd);
	if (cmd->text[0] == '\0')
		reader_fail(r, "\":\" lacks a label");
}

static void parse_comment(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	(void)cmd;
	int c;
	while ((c = reader_next(r)) != SCRIPT_END && c != '\n')
		continue;
}

/* v: the version of sed the script needs; every script runs here. */
static void parse_version(struct reader *r, struct script *script, struct command *cmd)
{
	free(read_label(r));
	parse_plain(r, script, cmd);
}

/* An optional number after blanks; absent when there is none. */
static long long read_optional_number(struct reader *r, long long absent)
{
	int c = reader_nonblank(r);
	if (isdigit(c))
		return reader_number(r, c);
	reader_back(r, c);
	return absent;
}

/* q and Q: an optional exit status. */
static void parse_quit(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	cmd->exit_code = (int)read_optional_number(r, 0);
	read_end(r);
}

/* l: an optional line length. */
static void parse_width(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	cmd->width = (long)read_optional_number(r, -1);
	read_end(r);
}

static void parse_read_file(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	cmd->text = read_file_name(r);
}

static void parse_write_file(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	cmd->write_to = open_output(r);
}

/*
 * The two strings of s and y: a delimiter (neither a newline nor a
 * backslash), then both, each ended by it.
 */
static void read_two_strings(struct reader *r, enum delimited_kind first, enum delimited_kind second,
	char *strings[2], size_t lens[2], const char *unterminated)
{
	int delim = reader_next(r);
	if (delim == SCRIPT_END || delim == '\n' || delim == '\\'
		|| !reader_delimited(r, delim, first, &strings[0], &lens[0])
		|| !reader_delimited(r, delim, second, &strings[1], &lens[1]))
		reader_fail(r, "%s", unterminated);
}

/* y/source/dest/: a map of 256 bytes. */
static void parse_transliterate(struct reader *r, struct script *script, struct command *cmd)
{
	(void)script;
	char *strings[2];
	size_t lens[2];
	read_two_strings(r, DELIMITED_PLAIN, DELIMITED_PLAIN, strings, lens, "unterminated `y' command");
	char *from = strings[0], *to = strings[1];
	size_t from_len = convert_escapes(from, lens[0], 0), to_len;
	to_len = convert_escapes(to, lens[1], 0);
	if (from_len != to_len)
		reader_fail(r, "strings for `y' command are different lengths");
	cmd->map = cmd_malloc(256);
	for (int c = 0; c < 256; c++)
		cmd->map[c] = (unsigned char)c;
	for (size_t i = 0; i < from_len; i++)
		cmd->map[(unsigned char)from[i]] = (unsigned char)to[i];
	free(from);
	free(to);
	read_end(r);
}

/* Ends the replacement part being built with a group or a change of case. */
static void end_part(struct substitution *s, struct strbuf *literal, int group, char case_change)
{
	struct replacement_part part = { NULL, literal->len, group, case_change };
	part.text = strbuf_take(literal);
	s->parts = cmd_realloc(s->parts, (s->part_count + 1) * sizeof(part));
	s->parts[s->part_count++] = part;
	strbuf_clear(literal);
}

/*
 * Splits the replacement into literal text, "&", \1..\9 and the case
 * changes \U \L \u \l \E. Returns the highest group it refers to.
 */
static int parse_replacement(struct substitution *s, const char *text, size_t len)
{
	struct strbuf literal = { NULL, 0, 0 };
	const char *p = text, *end = text + len;
	int highest = 0;
	strbuf_clear(&literal);
	while (p < end) {
		int c = (unsigned char)*p++;
		if (c == '&') {
			end_part(s, &literal, 0, 0);
		} else if (c != '\\' || p == end) {
			strbuf_add(&literal, c);
		} else if (isdigit((unsigned char)*p)) {
			int group = *p++ - '0';
			highest = group > highest ? group : highest;
			end_part(s, &literal, group, 0);
		} else if (strchr("LUluE", *p)) {
			end_part(s, &literal, -1, *p++);
		} else {
			int value = escape_value(&p, end);
			strbuf_add(&literal, value >= 0 ? value : (unsigned char)*p++);
		}
	}
	end_part(s, &literal, -1, 0);
	free(literal.text);
	return highest;
}

/* Reads the flags after s/re/replacement/. */
static void parse_substitute_flags(struct reader *r, struct substitution *s, int *ignore_case)
{
	for (;;) {
		int c = reader_next(r);
		switch (c) {
		case 'i': case 'I':
			*ignore_case = 1;
			break;
		case 'p':
			if (s->print)
				reader_fail(r, "multiple `p' options to `s' command");
			s->print = 1;
			break;
		case 'g':
			if (s->global)
				reader_fail(r, "multiple `g' options to `s' command");
			s->global = 1;
			break;
		case 'w':
			s->write_to = open_output(r);
			return;
		case ' ': case '\t':
			break;
		case '}': case '#':
			reader_back(r, c);
			return;
		case '\n': case ';': case SCRIPT_END:
			return;
		default:
			if (!isdigit(c))
				reader_fail(r, "unknown option to `s'");
			if (s->occurrence)
				reader_fail(r, "multiple number options to `s' command");
			s->occurrence = (long)reader_number(r, c);
			if (s->occurrence == 0)
				reader_fail(r, "number option to `s' command may not be zero");
		}
	}
}

static void parse_substitute(struct reader *r, struct script *script, struct command *cmd)
{
	char *strings[2];
	size_t lens[2];
	int ignore_case = 0;
	read_two_strings(r, DELIMITED_REGEX, DELIMITED_REPLACEMENT, strings, lens, "unterminated `s' command");
	char *pattern = strings[0], *replacement = strings[1];
	struct substitution *s = cmd_malloc(sizeof(*s));
	memset(s, 0, sizeof(*s));
	parse_substitute_flags(r, s, &ignore_case);
	s->re = compile_regex(r, script, pattern, lens[0], ignore_case);
	int highest = parse_replacement(s, replacement, lens[1]);
	if (s->re && highest > regex_group_count(s->re))
		reader_fail(r, "invalid reference \\%d on `s' command's RHS", highest);
	free(pattern);
	free(replacement);
	cmd->subst = s;
}

/* --- commands --- */

static const struct command_spec {
	char name;
	int max_addresses;
	const char *address_error;  /* when it is given more */
	parse_fn parse;
} command_specs[] = {
	{ '{', 2, NULL, parse_block_open },
	{ '}', 0, "unexpected `}'", parse_block_close },
	{ '=', 2, NULL, parse_plain },
	{ 'a', 2, NULL, parse_text },
	{ 'b', 2, NULL, parse_jump },
	{ 'c', 2, NULL, parse_text },
	{ 'd', 2, NULL, parse_plain },
	{ 'D', 2, NULL, parse_plain },
	{ 'F', 2, NULL, parse_plain },
	{ 'g', 2, NULL, parse_plain },
	{ 'G', 2, NULL, parse_plain },
	{ 'h', 2, NULL, parse_plain },
	{ 'H', 2, NULL, parse_plain },
	{ 'i', 2, NULL, parse_text },
	{ 'l', 2, NULL, parse_width },
	{ 'n', 2, NULL, parse_plain },
	{ 'N', 2, NULL, parse_plain },
	{ 'p', 2, NULL, parse_plain },
	{ 'P', 2, NULL, parse_plain },
	{ 'q', 1, "command only uses one address", parse_quit },
	{ 'Q', 1, "command only uses one address", parse_quit },
	{ 'r', 2, NULL, parse_read_file },
	{ 's', 2, NULL, parse_substitute },
	{ 't', 2, NULL, parse_jump },
	{ 'T', 2, NULL, parse_jump },
	{ 'v', 0, ": doesn't want any addresses", parse_version },
	{ 'w', 2, NULL, parse_write_file },
	{ 'x', 2, NULL, parse_plain },
	{ 'y', 2, NULL, parse_transliterate },
	{ 'z', 2, NULL, parse_plain },
	{ ':', 0, ": doesn't want any addresses", parse_label },
	{ '#', 0, "comments don't accept any addresses", parse_comment },
};

static const struct command_spec *find_spec(int name)
{
	for (size_t i = 0; i < sizeof(command_specs) / sizeof(command_specs[0]); i++)
		if (command_specs[i].name == name)
			return &command_specs[i];
	return NULL;
}

/* Reads the addresses and the "!" before a command letter, which it returns. */
static int parse_addresses(struct reader *r, const struct script *script, struct command *cmd)
{
	if (parse_address(r, script, &cmd->a1, 0)) {
		int c = reader_nonblank(r);
		if (c != ',')
			reader_back(r, c);
		else if (!parse_address(r, script, &cmd->a2, 1)) {
			reader_next(r);  /* GNU points past what follows the comma */
			reader_fail(r, "unexpected `,'");
		}
	}
	int c = reader_nonblank(r);
	if (c == '!') {
		cmd->negate = 1;
		c = reader_nonblank(r);
		if (c == '!')
			reader_fail(r, "multiple `!'s");
	}
	return c;
}

static struct command *add_command(struct script *script)
{
	if (script->count == script->cap) {
		script->cap = script->cap ? script->cap * 2 : 16;
		script->commands = cmd_realloc(script->commands, script->cap * sizeof(struct command));
	}
	struct command *cmd = &script->commands[script->count++];
	memset(cmd, 0, sizeof(*cmd));
	cmd->width = -1;
	return cmd;
}

static void compile_command(struct reader *r, struct script *script)
{
	struct command *cmd = add_command(script);
	int name = parse_addresses(r, script, cmd);
	int addresses = (cmd->a1.kind != ADDRESS_NONE) + (cmd->a2.kind != ADDRESS_NONE);
	if (name == SCRIPT_END || name == '\n' || name == ';')
		reader_fail(r, "missing command");
	const struct command_spec *spec = find_spec(name);
	if (!spec)
		reader_fail(r, "unknown command: `%c'", name);
	if (addresses > spec->max_addresses)
		reader_fail(r, "%s", spec->address_error);
	if (cmd->a1.kind == ADDRESS_LINE && cmd->a1.line == 0
		&& (cmd->a2.kind != ADDRESS_REGEX || cmd->negate))
		reader_fail(r, "invalid usage of line address 0");
	if (cmd->a1.kind == ADDRESS_LINE && cmd->a1.line == 0)
		cmd->range = RANGE_ACTIVE;  /* 0,/re/: the end may match on line 1 */
	cmd->name = (char)name;
	spec->parse(r, script, cmd);
}

void sed_compile(struct script *script, const struct script_source *source)
{
	struct reader r;
	int c;
	reader_init(&r, source);
	state.last = *source;
	if (state.text_owner >= 0 && read_text(&r, '\n'))
		text_finish(script);
	/* GNU 4.9 takes any first piece that starts with "#n" as -n. */
	if (source->expression <= 1 && script->count == 0 && source->len >= 2
		&& memcmp(source->text, "#n", 2) == 0)
		script->quiet_hint = 1;
	while ((c = reader_next(&r)) != SCRIPT_END) {
		if (c == ';' || isspace(c))
			continue;
		reader_back(&r, c);
		compile_command(&r, script);
	}
}

/* The index of the ":label" command, or the end of the script if label is empty. */
static size_t find_label(const struct script *script, const char *label)
{
	if (label[0] == '\0')
		return script->count;
	for (size_t i = 0; i < script->count; i++)
		if (script->commands[i].name == ':' && strcmp(script->commands[i].text, label) == 0)
			return i;
	cmd_error("can't find label for jump to `%s'", label);
	cmd_exit(4);
}

void sed_script_fail(const char *message)
{
	struct reader r;
	reader_init(&r, &state.last);
	reader_fail(&r, "%s", message);
}

void sed_compile_finish(struct script *script)
{
	if (state.text_owner >= 0)
		text_finish(script);
	if (state.block_count > 0) {
		state.last = state.blocks[state.block_count - 1].source;
		sed_script_fail("unmatched `{'");
	}
	for (size_t i = 0; i < script->count; i++) {
		struct command *cmd = &script->commands[i];
		if (strchr("btT", cmd->name))
			cmd->jump = find_label(script, cmd->text);
	}
	free(state.blocks);
}
