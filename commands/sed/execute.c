/*
 * Running a compiled sed script: a cycle per input line, commands chosen
 * by their addresses and run through a table of handlers, the output queue
 * of "a" and "r", and GNU's rule that a last line without a newline gets
 * one only if something is written after it.
 */
#include "sed.h"
#include "../lib/cmd.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What a command tells the cycle to do next. */
enum flow {
	FLOW_NEXT,        /* the command at *next (normally the following one) */
	FLOW_END,         /* end of the cycle: print the pattern space unless -n */
	FLOW_DELETE,      /* end of the cycle without printing (d, c) */
	FLOW_RESTART,     /* D: a new cycle on what is left, without reading */
	FLOW_STOP,        /* n or N at the end of the input: print, end this input */
	FLOW_QUIT,        /* q: print, then stop */
	FLOW_QUIT_SILENT, /* Q */
};

struct queued {
	const char *text;  /* a's text, or r's file name */
	size_t len;
	int is_file;
};

static struct {
	struct script *script;
	const struct sed_settings *settings;
	struct sed_input input;
	struct space pattern, hold;
	int replaced;                 /* an s replaced since the last line was read (t) */
	struct queued *queue;
	size_t queue_count, queue_cap;
	struct regex *last_regex;
	int exit_code;
	struct output_file standard;  /* standard output */
} run = { .standard = { "-", -1, 0, NULL } };

typedef enum flow (*handler_fn)(struct command *cmd, size_t *next);

/* --- output --- */

static void write_raw(struct output_file *f, const char *text, size_t len)
{
	if (f->fd < 0) {
		out_write(text, len);
		return;
	}
	while (len > 0) {
		ssize_t n = write(f->fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			cmd_error("couldn't write to %s: %s", f->name, strerror(errno));
			cmd_exit(4);
		}
		text += n;
		len -= (size_t)n;
	}
}

/* The newline a line without one is owed once more output follows it. */
static void write_missing_newline(struct output_file *f)
{
	if (f->missing_newline) {
		write_raw(f, "\n", 1);
		f->missing_newline = 0;
	}
}

static void write_line(struct output_file *f, const char *text, size_t len, int newline)
{
	write_missing_newline(f);
	write_raw(f, text, len);
	if (newline)
		write_raw(f, "\n", 1);
	else
		f->missing_newline = 1;
}

static void write_pattern(struct output_file *f)
{
	write_line(f, run.pattern.text, run.pattern.len, run.pattern.chomped);
}

static void write_text(const char *text, size_t len)
{
	write_missing_newline(&run.standard);
	write_raw(&run.standard, text, len);
}

/* Copies a file for "r"; one that cannot be read is passed over, as GNU does. */
static void write_file(const char *name)
{
	char *data;
	size_t len;
	int fd = open(name, O_RDONLY);
	if (fd < 0)
		return;
	if (read_all(fd, &data, &len) == 0) {
		if (len > 0)
			write_text(data, len);
		free(data);
	}
	close(fd);
}

static void queue_add(const char *text, size_t len, int is_file)
{
	if (run.queue_count == run.queue_cap) {
		run.queue_cap = run.queue_cap ? run.queue_cap * 2 : 8;
		run.queue = cmd_realloc(run.queue, run.queue_cap * sizeof(*run.queue));
	}
	run.queue[run.queue_count++] = (struct queued){ text, len, is_file };
}

static void queue_flush(void)
{
	for (size_t i = 0; i < run.queue_count; i++) {
		if (run.queue[i].is_file)
			write_file(run.queue[i].text);
		else
			write_text(run.queue[i].text, run.queue[i].len);
	}
	run.queue_count = 0;
}

/* Reads the next line into the pattern space (append: after a newline, for N). */
static int read_next_line(int append)
{
	static struct space line;
	queue_flush();
	if (!sed_input_read(&run.input, append ? &line : &run.pattern))
		return 0;
	if (append) {
		space_append(&run.pattern, "\n", 1);
		space_append(&run.pattern, line.text, line.len);
		run.pattern.chomped = line.chomped;
	}
	run.replaced = 0;
	return 1;
}

/* --- addresses --- */

static struct regex *use_regex(struct regex *re)
{
	if (!re)
		re = run.last_regex;
	if (!re)
		sed_script_fail("no previous regular expression");
	run.last_regex = re;
	return re;
}

static int address_matches(const struct address *a)
{
	long long line = run.input.line_number;
	switch (a->kind) {
	case ADDRESS_LINE:
		return line == a->line;
	case ADDRESS_LAST:
		return sed_input_at_last(&run.input);
	case ADDRESS_REGEX:
		return regex_search(use_regex(a->re), run.pattern.text, run.pattern.len, NULL);
	case ADDRESS_STEP:
		return line >= a->line && (line - a->line) % a->step == 0;
	default:
		return 0;
	}
}

/* addr1 matched on this line: whether the range goes on past it. */
static void range_start(struct command *cmd)
{
	long long line = run.input.line_number, n = cmd->a2.line;
	int goes_on;
	switch (cmd->a2.kind) {
	case ADDRESS_LINE:
		cmd->range_end = n;
		goes_on = n > line;
		break;
	case ADDRESS_PLUS:
		cmd->range_end = line + n;
		goes_on = n > 0;
		break;
	case ADDRESS_MULTIPLE:
		cmd->range_end = n > 0 ? (line / n + 1) * n : line;
		goes_on = n > 0 && line % n != 0;
		break;
	case ADDRESS_LAST:
		goes_on = !sed_input_at_last(&run.input);
		break;
	default:
		goes_on = 1;
	}
	cmd->range = goes_on ? RANGE_ACTIVE : RANGE_CLOSED;
}

/* Inside a range: whether this line still belongs to it, and whether it ends it. */
static int range_continue(struct command *cmd)
{
	long long line = run.input.line_number;
	switch (cmd->a2.kind) {
	case ADDRESS_LINE: case ADDRESS_PLUS: case ADDRESS_MULTIPLE:
		if (cmd->range_end <= line)
			cmd->range = RANGE_CLOSED;
		return line <= cmd->range_end;
	default:
		if (address_matches(&cmd->a2))
			cmd->range = RANGE_CLOSED;
		return 1;
	}
}

static int selected(struct command *cmd)
{
	int match;
	if (cmd->a1.kind == ADDRESS_NONE) {
		match = 1;
	} else if (cmd->a2.kind == ADDRESS_NONE) {
		match = address_matches(&cmd->a1);
	} else if (cmd->range == RANGE_ACTIVE) {
		match = range_continue(cmd);
	} else {
		cmd->range = RANGE_INACTIVE;
		match = address_matches(&cmd->a1);
		if (match)
			range_start(cmd);
	}
	return match != cmd->negate;
}

/* --- the commands --- */

static enum flow do_nothing(struct command *cmd, size_t *next)
{
	(void)cmd;
	(void)next;
	return FLOW_NEXT;
}

static enum flow do_line_number(struct command *cmd, size_t *next)
{
	char number[32];
	(void)cmd;
	(void)next;
	int len = snprintf(number, sizeof(number), "%lld\n", run.input.line_number);
	write_text(number, (size_t)len);
	return FLOW_NEXT;
}

static enum flow do_append(struct command *cmd, size_t *next)
{
	(void)next;
	if (cmd->name == 'r')
		queue_add(cmd->text, strlen(cmd->text), 1);
	else
		queue_add(cmd->text, cmd->text_len, 0);
	return FLOW_NEXT;
}

static enum flow do_file_name(struct command *cmd, size_t *next)
{
	(void)cmd;
	(void)next;
	const char *name = run.input.name ? run.input.name : "-";
	write_text(name, strlen(name));
	write_text("\n", 1);
	return FLOW_NEXT;
}

static enum flow do_insert(struct command *cmd, size_t *next)
{
	(void)next;
	write_text(cmd->text, cmd->text_len);
	return FLOW_NEXT;
}

static enum flow do_change(struct command *cmd, size_t *next)
{
	(void)next;
	if (cmd->range != RANGE_ACTIVE)
		write_text(cmd->text, cmd->text_len);
	return FLOW_DELETE;
}

static enum flow do_delete(struct command *cmd, size_t *next)
{
	(void)cmd;
	(void)next;
	return FLOW_DELETE;
}

static enum flow do_delete_first(struct command *cmd, size_t *next)
{
	(void)cmd;
	(void)next;
	char *newline = memchr(run.pattern.text, '\n', run.pattern.len);
	if (!newline)
		return FLOW_DELETE;
	size_t cut = (size_t)(newline - run.pattern.text) + 1;
	space_set(&run.pattern, run.pattern.text + cut, run.pattern.len - cut);
	return FLOW_RESTART;
}

/* g G h H x: between the pattern and hold spaces. */
static enum flow do_hold(struct command *cmd, size_t *next)
{
	(void)next;
	struct space *from = strchr("gG", cmd->name) ? &run.hold : &run.pattern;
	struct space *to = from == &run.hold ? &run.pattern : &run.hold;
	if (cmd->name == 'x') {
		struct space swap = run.pattern;
		run.pattern = run.hold;
		run.hold = swap;
	} else if (cmd->name == 'g' || cmd->name == 'h') {
		space_set(to, from->text, from->len);
		to->chomped = from->chomped;
	} else {
		space_append(to, "\n", 1);
		space_append(to, from->text, from->len);
		to->chomped = from->chomped;
	}
	return FLOW_NEXT;
}

/* Appends the "l" form of byte c (its escape or itself) to buf; returns its length. */
static int escape_byte(int c, char *buf)
{
	static const char controls[] = "\a\b\f\n\r\t\v", letters[] = "abfnrtv";
	const char *control = c ? strchr(controls, c) : NULL;
	if (c == '\\')
		return snprintf(buf, 8, "\\\\");
	if (control)
		return snprintf(buf, 8, "\\%c", letters[control - controls]);
	if (!isprint(c))
		return snprintf(buf, 8, "\\%03o", c);
	buf[0] = (char)c;
	return 1;
}

static enum flow do_list(struct command *cmd, size_t *next)
{
	(void)next;
	long width = cmd->width >= 0 ? cmd->width : 70, column = 0;
	char buf[8];
	write_missing_newline(&run.standard);
	for (size_t i = 0; i < run.pattern.len; i++) {
		int len = escape_byte((unsigned char)run.pattern.text[i], buf);
		if (width > 1 && column + len > width - 1) {
			out_write("\\\n", 2);
			column = 0;
		}
		out_write(buf, (size_t)len);
		column += len;
	}
	out_write("$\n", 2);
	return FLOW_NEXT;
}

static enum flow do_next(struct command *cmd, size_t *next)
{
	(void)next;
	if (sed_input_at_last(&run.input))
		return FLOW_STOP;
	if (cmd->name == 'n' && !run.settings->quiet)
		write_pattern(&run.standard);
	read_next_line(cmd->name == 'N');
	return FLOW_NEXT;
}

static enum flow do_print(struct command *cmd, size_t *next)
{
	(void)next;
	char *newline = cmd->name == 'P' ? memchr(run.pattern.text, '\n', run.pattern.len) : NULL;
	if (newline)
		write_line(&run.standard, run.pattern.text, (size_t)(newline - run.pattern.text), 1);
	else
		write_pattern(&run.standard);
	return FLOW_NEXT;
}

static enum flow do_quit(struct command *cmd, size_t *next)
{
	(void)next;
	run.exit_code = cmd->exit_code;
	return cmd->name == 'q' ? FLOW_QUIT : FLOW_QUIT_SILENT;
}

static enum flow do_substitute(struct command *cmd, size_t *next)
{
	(void)next;
	const struct substitution *s = cmd->subst;
	if (!sed_substitute(&run.pattern, s, use_regex(s->re)))
		return FLOW_NEXT;
	run.replaced = 1;
	if (s->print)
		write_pattern(&run.standard);
	if (s->write_to)
		write_pattern(s->write_to);
	return FLOW_NEXT;
}

/* b, t and T. */
static enum flow do_branch(struct command *cmd, size_t *next)
{
	int jump = cmd->name == 'b' || (cmd->name == 't') == run.replaced;
	if (cmd->name != 'b' && run.replaced)
		run.replaced = 0;
	if (jump)
		*next = cmd->jump;
	return FLOW_NEXT;
}

static enum flow do_write(struct command *cmd, size_t *next)
{
	(void)next;
	write_pattern(cmd->write_to);
	return FLOW_NEXT;
}

static enum flow do_transliterate(struct command *cmd, size_t *next)
{
	(void)next;
	for (size_t i = 0; i < run.pattern.len; i++)
		run.pattern.text[i] = (char)cmd->map[(unsigned char)run.pattern.text[i]];
	return FLOW_NEXT;
}

static enum flow do_zap(struct command *cmd, size_t *next)
{
	(void)cmd;
	(void)next;
	run.pattern.len = 0;
	return FLOW_NEXT;
}

static const handler_fn handlers[128] = {
	['{'] = do_nothing, ['}'] = do_nothing, [':'] = do_nothing, ['#'] = do_nothing,
	['v'] = do_nothing, ['F'] = do_file_name,
	['='] = do_line_number, ['a'] = do_append, ['r'] = do_append, ['i'] = do_insert,
	['c'] = do_change, ['d'] = do_delete, ['D'] = do_delete_first,
	['g'] = do_hold, ['G'] = do_hold, ['h'] = do_hold, ['H'] = do_hold, ['x'] = do_hold,
	['l'] = do_list, ['n'] = do_next, ['N'] = do_next, ['p'] = do_print, ['P'] = do_print,
	['q'] = do_quit, ['Q'] = do_quit, ['s'] = do_substitute,
	['b'] = do_branch, ['t'] = do_branch, ['T'] = do_branch,
	['w'] = do_write, ['y'] = do_transliterate, ['z'] = do_zap,
};

/* Runs the script once over the pattern space. */
static enum flow run_script(void)
{
	size_t pc = 0;
	while (pc < run.script->count) {
		struct command *cmd = &run.script->commands[pc];
		size_t next = pc + 1;
		if (!selected(cmd)) {
			pc = cmd->name == '{' ? cmd->jump : next;
			continue;
		}
		enum flow flow = handlers[(unsigned char)cmd->name](cmd, &next);
		if (flow != FLOW_NEXT)
			return flow;
		pc = next;
	}
	return FLOW_END;
}

/* Runs the script over every line of the input as it stands; 1 if sed quits. */
static int run_stream(void)
{
	int restart = 0;
	while (restart || read_next_line(0)) {
		enum flow flow = run_script();
		if ((flow == FLOW_END || flow == FLOW_STOP || flow == FLOW_QUIT) && !run.settings->quiet)
			write_pattern(&run.standard);
		restart = flow == FLOW_RESTART;
		if (restart)
			queue_flush();
		if (flow == FLOW_STOP)
			break;
		if (flow == FLOW_QUIT || flow == FLOW_QUIT_SILENT) {
			queue_flush();
			return 1;
		}
	}
	queue_flush();
	return 0;
}

/* --- -i: editing files in place --- */

struct in_place {
	const char *path;
	char *temporary;
	int saved_stdout;
	mode_t mode;
};

/* Sends standard output to a new file beside path; 0, or 1 after a message. */
static int in_place_begin(struct in_place *ip, const char *path)
{
	struct stat st;
	ip->path = path;
	if (stat(path, &st) < 0) {
		cmd_error("can't read %s: %s", path, strerror(errno));
		return 2;
	}
	if (!S_ISREG(st.st_mode)) {
		cmd_error("couldn't edit %s: not a regular file", path);
		return 4;
	}
	ip->mode = (mode_t)(st.st_mode & 07777);
	char *slash = strrchr(path, '/');
	int dir_len = slash ? (int)(slash - path) + 1 : 0;
	size_t size = strlen(path) + 32;
	ip->temporary = cmd_malloc(size);
	snprintf(ip->temporary, size, "%.*ssed%ld", dir_len, path, (long)getpid());
	int fd = open(ip->temporary, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		cmd_error("couldn't open temporary file %s: %s", ip->temporary, strerror(errno));
		free(ip->temporary);
		return 4;
	}
	out_flush();
	ip->saved_stdout = dup(STDOUT_FILENO);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	return 0;
}

/* Puts the edited file in place of the original (kept with -i's suffix). */
static int in_place_end(struct in_place *ip, const char *suffix)
{
	int status = 0;
	write_missing_newline(&run.standard);
	run.standard.missing_newline = 0;
	if (out_flush() < 0) {
		cmd_error("couldn't write %s: %s", ip->temporary, strerror(errno));
		status = 4;
	}
	dup2(ip->saved_stdout, STDOUT_FILENO);
	close(ip->saved_stdout);
	chmod(ip->temporary, ip->mode);
	if (status == 0 && suffix && *suffix) {
		char *backup = cmd_malloc(strlen(ip->path) + strlen(suffix) + 1);
		strcat(strcpy(backup, ip->path), suffix);
		if (rename(ip->path, backup) < 0) {
			cmd_error("cannot rename %s: %s", ip->path, strerror(errno));
			status = 4;
		}
		free(backup);
	}
	if (status == 0 && rename(ip->temporary, ip->path) < 0) {
		cmd_error("cannot rename %s: %s", ip->temporary, strerror(errno));
		status = 4;
	}
	if (status)
		unlink(ip->temporary);
	free(ip->temporary);
	return status;
}

/* Ranges and the hold space start afresh with each file of -s. */
static void reset_state(void)
{
	for (size_t i = 0; i < run.script->count; i++) {
		struct command *cmd = &run.script->commands[i];
		int from_zero = cmd->a1.kind == ADDRESS_LINE && cmd->a1.line == 0;
		cmd->range = from_zero ? RANGE_ACTIVE : RANGE_INACTIVE;
	}
	space_set(&run.hold, "", 0);
	run.hold.chomped = 1;  /* as GNU: x on the first line prints an empty line */
}

/* Each file on its own (-s, -i): its own line numbers, last line and ranges. */
static int run_separately(char **files, size_t count)
{
	int status = 0;
	for (size_t i = 0; i < count; i++) {
		struct in_place ip;
		if (run.settings->in_place) {
			int failed = in_place_begin(&ip, files[i]);
			if (failed) {
				status = failed > status ? failed : status;
				continue;
			}
		}
		reset_state();
		sed_input_start(&run.input, files + i, 1);
		int quit = run_stream();
		sed_input_stop(&run.input);
		if (run.settings->in_place) {
			int failed = in_place_end(&ip, run.settings->suffix);
			status = failed > status ? failed : status;
		}
		if (quit)
			break;
	}
	return status;
}

int sed_run(struct script *script, const struct sed_settings *settings, char **files)
{
	static char *standard_input[] = { "-", NULL };
	size_t count = 0;
	while (files[count])
		count++;
	run.script = script;
	run.settings = settings;
	space_set(&run.pattern, "", 0);
	reset_state();
	if (count == 0)
		files = standard_input, count = 1;
	int status;
	if (settings->separate) {
		status = run_separately(files, count);
	} else {
		sed_input_start(&run.input, files, count);
		run_stream();
		sed_input_stop(&run.input);
		status = 0;
	}
	if (run.input.status > status)
		status = run.input.status;
	return run.exit_code ? run.exit_code : status;
}
