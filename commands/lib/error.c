/*
 * Error reporting and exit for the commands: every message starts with the
 * command's name and leaves in a single write(2), so lines never mix.
 */
#include "cmd.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *cmd_name = "command";

void cmd_init(const char *name)
{
	cmd_name = name;
}

/* Formats into a stack buffer, or a heap one when the message is long. */
static void write_message(const char *prefix, const char *fmt, va_list ap, int newline)
{
	char small[512];
	char *text = small;
	va_list copy;
	va_copy(copy, ap);
	int body = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (body < 0)
		return;
	size_t need = strlen(prefix) + (size_t)body + 2;
	if (need > sizeof(small)) {
		text = malloc(need);
		if (!text) {
			text = small;
			need = sizeof(small);
		}
	}
	size_t at = (size_t)snprintf(text, need, "%s", prefix);
	if (at < need)
		vsnprintf(text + at, need - at, fmt, ap);
	size_t len = strlen(text);
	if (newline)
		text[len++] = '\n';
	ssize_t written = write(STDERR_FILENO, text, len);
	(void)written;
	if (text != small)
		free(text);
}

/* Flushes standard output first, as GNU's error() does, so that on a terminal
 * the message comes after what was printed before it. */
void cmd_error(const char *fmt, ...)
{
	char prefix[128];
	va_list ap;
	out_flush();
	snprintf(prefix, sizeof(prefix), "%s: ", cmd_name);
	va_start(ap, fmt);
	write_message(prefix, fmt, ap, 1);
	va_end(ap);
}

void cmd_message(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	write_message("", fmt, ap, 0);
	va_end(ap);
}

void cmd_prompt(const char *fmt, ...)
{
	char prefix[128];
	va_list ap;
	out_flush();
	snprintf(prefix, sizeof(prefix), "%s: ", cmd_name);
	va_start(ap, fmt);
	write_message(prefix, fmt, ap, 0);
	va_end(ap);
}

int cmd_answer_yes(void)
{
	char c, first = 0;
	int count = 0;
	while (read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
		if (count++ == 0)
			first = c;
	return first == 'y' || first == 'Y';
}

void cmd_error_errno(const char *what, int error)
{
	cmd_error("%s: %s", what, strerror(error));
}

void cmd_usage(int status, const char *text)
{
	cmd_error("usage: %s", text);
	cmd_exit(status);
}

void cmd_exit(int status)
{
	out_flush();   /* a failed write ends the command there */
	exit(status);
}

void *cmd_malloc(size_t size)
{
	void *block = malloc(size ? size : 1);
	if (!block) {
		cmd_error("memory exhausted");
		cmd_exit(1);
	}
	return block;
}

void *cmd_realloc(void *block, size_t size)
{
	void *grown = realloc(block, size ? size : 1);
	if (!grown) {
		cmd_error("memory exhausted");
		cmd_exit(1);
	}
	return grown;
}

char *cmd_strdup(const char *s)
{
	size_t len = strlen(s) + 1;
	return memcpy(cmd_malloc(len), s, len);
}
