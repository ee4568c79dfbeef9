/* Growable strings (strbuf.h). */
#include "strbuf.h"
#include "cmd.h"
#include <string.h>

static void reserve(struct strbuf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 32;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->text = cmd_realloc(b->text, cap);
	b->cap = cap;
}

void strbuf_clear(struct strbuf *b)
{
	reserve(b, 0);
	b->len = 0;
	b->text[0] = '\0';
}

void strbuf_append(struct strbuf *b, const char *text, size_t len)
{
	reserve(b, len);
	memcpy(b->text + b->len, text, len);
	b->len += len;
	b->text[b->len] = '\0';
}

void strbuf_add(struct strbuf *b, int c)
{
	char byte = (char)c;
	strbuf_append(b, &byte, 1);
}

void strbuf_add_string(struct strbuf *b, const char *s)
{
	strbuf_append(b, s, strlen(s));
}

char *strbuf_take(struct strbuf *b)
{
	reserve(b, 0);
	char *text = b->text;
	b->text = NULL;
	b->len = b->cap = 0;
	return text;
}

char *replace_all(const char *text, const char *from, const char *to)
{
	struct strbuf b = { NULL, 0, 0 };
	size_t from_len = strlen(from);
	strbuf_clear(&b);
	for (const char *s = text; *s; ) {
		if (from_len && strncmp(s, from, from_len) == 0) {
			strbuf_add_string(&b, to);
			s += from_len;
		} else {
			strbuf_add(&b, *s++);
		}
	}
	return strbuf_take(&b);
}
