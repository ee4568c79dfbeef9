/*
 * A string that grows as bytes are added, for the commands that build
 * text of unknown length (sed's script pieces, xargs' items).
 */
#pragma once
#include <stddef.h>

struct strbuf {
	char *text;          /* NUL-terminated once strbuf_clear or an add ran */
	size_t len, cap;
};

/* Empties b, allocating it if it is new ({ NULL, 0, 0 }). */
void strbuf_clear(struct strbuf *b);
void strbuf_add(struct strbuf *b, int c);
void strbuf_append(struct strbuf *b, const char *text, size_t len);
void strbuf_add_string(struct strbuf *b, const char *s);
/* Hands the text over (malloc'd, the caller frees it) and leaves b new. */
char *strbuf_take(struct strbuf *b);
/* text with every occurrence of from replaced by to (malloc'd); an empty from changes nothing. */
char *replace_all(const char *text, const char *from, const char *to);
