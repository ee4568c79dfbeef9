/*
 * Reading sed script text: characters with a position for messages,
 * numbers, delimited strings (s, y and addresses) and GNU's character
 * escapes.
 */
#include "sed.h"
#include "../lib/cmd.h"
#include "../lib/strbuf.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void reader_init(struct reader *r, const struct script_source *source)
{
	r->source = source;
	r->pos = 0;
	r->line = 1;
}

int reader_next(struct reader *r)
{
	if (r->pos >= r->source->len)
		return SCRIPT_END;
	int c = (unsigned char)r->source->text[r->pos++];
	if (c == '\n')
		r->line++;
	return c;
}

void reader_back(struct reader *r, int c)
{
	if (c == SCRIPT_END)
		return;
	r->pos--;
	if (c == '\n')
		r->line--;
}

int reader_nonblank(struct reader *r)
{
	int c;
	while ((c = reader_next(r)) == ' ' || c == '\t')
		continue;
	return c;
}

void reader_fail(const struct reader *r, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (r->source->file)
		cmd_error("file %s line %d: %s", r->source->file, r->line, message);
	else
		cmd_error("-e expression #%d, char %zu: %s", r->source->expression, r->pos, message);
	cmd_exit(1);
}

long long reader_number(struct reader *r, int c)
{
	long long value = 0;
	while (isdigit(c)) {
		if (value < 0x7fffffffffffffffLL / 10 - 9)
			value = value * 10 + (c - '0');
		c = reader_next(r);
	}
	reader_back(r, c);
	return value;
}

/*
 * Copies a bracket expression (GNU lets it hold the delimiter); the "["
 * was just read. Returns 0 if the line or the script ended inside it.
 */
static int copy_bracket(struct reader *r, struct strbuf *b)
{
	int c = reader_next(r);
	strbuf_add(b, '[');
	if (c == '^') {
		strbuf_add(b, c);
		c = reader_next(r);
	}
	for (int first = 1; c != ']' || first; first = 0) {
		if (c == SCRIPT_END || c == '\n') {
			reader_back(r, c);
			return 0;
		}
		strbuf_add(b, c);
		int close = c == '[' ? reader_next(r) : 0;
		if (close == ':' || close == '=' || close == '.') {
			strbuf_add(b, close);
			int prev = 0;
			while ((c = reader_next(r)) != SCRIPT_END && c != '\n' && !(prev == close && c == ']')) {
				strbuf_add(b, c);
				prev = c;
			}
			if (c != ']') {
				reader_back(r, c);
				return 0;
			}
			strbuf_add(b, c);
		} else if (close) {
			reader_back(r, close);
		}
		c = reader_next(r);
	}
	strbuf_add(b, ']');
	return 1;
}

int reader_delimited(struct reader *r, int delim, enum delimited_kind kind, char **text, size_t *len)
{
	struct strbuf b = { NULL, 0, 0 };
	int c;
	strbuf_clear(&b);
	while ((c = reader_next(r)) != SCRIPT_END && c != '\n') {
		if (c == delim) {
			*len = b.len;
			*text = strbuf_take(&b);
			return 1;
		}
		if (c == '[' && kind == DELIMITED_REGEX) {
			if (copy_bracket(r, &b))
				continue;
			free(b.text);
			return 0;
		}
		if (c == '\\') {
			c = reader_next(r);
			if (c == SCRIPT_END)
				break;
			if (c == 'n' && kind != DELIMITED_PLAIN)
				c = '\n';
			else if (c != '\n' && (c != delim || (kind == DELIMITED_PLAIN && c == '&')))
				strbuf_add(&b, '\\');
		}
		strbuf_add(&b, c);
	}
	reader_back(r, c);
	free(b.text);
	return 0;
}

/* Reads up to max digits of base at *p; -1 if there is none. */
static int escape_number(const char **p, const char *end, int base, int max)
{
	static const char digits[] = "0123456789abcdef";
	int value = 0, count = 0;
	const char *s = *p;
	for (; s < end && count < max; s++, count++) {
		const char *d = strchr(digits, tolower((unsigned char)*s));
		if (!d || *s == '\0' || d - digits >= base)
			break;
		value = value * base + (int)(d - digits);
	}
	if (count == 0)
		return -1;
	*p = s;
	return value & 0xff;
}

int escape_value(const char **p, const char *end)
{
	static const char letters[] = "afnrtv", values[] = "\a\f\n\r\t\v";
	const char *s = *p;
	if (s >= end)
		return -1;
	const char *letter = *s ? strchr(letters, *s) : NULL;
	if (letter) {
		*p = s + 1;
		return (unsigned char)values[letter - letters];
	}
	const char *digits = s + 1;
	int value = -1;
	if (*s == 'd')
		value = escape_number(&digits, end, 10, 3);
	else if (*s == 'o')
		value = escape_number(&digits, end, 8, 3);
	else if (*s == 'x')
		value = escape_number(&digits, end, 16, 2);
	else if (*s == 'c' && s + 1 < end)
		value = toupper((unsigned char)*digits++) ^ 0x40;
	if (value >= 0)
		*p = digits;
	return value;
}
