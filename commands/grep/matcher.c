/*
 * Matching for grep: each pattern is a compiled regex, or a fixed string
 * searched for directly; -x and -w constrain where a match may lie.
 */
#include "../lib/cmd.h"
#include "../lib/regex.h"
#include "matcher.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void matcher_init(struct matcher *m)
{
	memset(m, 0, sizeof(*m));
}

static void add_pattern(struct matcher *m, const char *text, size_t len)
{
	if (m->count == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 4;
		m->patterns = cmd_realloc(m->patterns, m->cap * sizeof(*m->patterns));
	}
	char *copy = cmd_malloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	m->patterns[m->count++] = copy;
}

void matcher_add_patterns(struct matcher *m, const char *text, size_t len)
{
	m->given = 1;
	for (;;) {
		const char *newline = memchr(text, '\n', len);
		size_t part = newline ? (size_t)(newline - text) : len;
		add_pattern(m, text, part);
		if (!newline)
			return;
		text += part + 1;
		len -= part + 1;
	}
}

void matcher_add_file(struct matcher *m, const char *path)
{
	char *data;
	size_t len;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0 || read_all(fd, &data, &len) < 0) {
		cmd_error_errno(path, errno);
		cmd_exit(2);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	m->given = 1;
	if (len > 0)  /* an empty file has no patterns: nothing matches */
		matcher_add_patterns(m, data, len - (data[len - 1] == '\n'));
	free(data);
}

void matcher_compile(struct matcher *m)
{
	if (m->syntax == SYNTAX_FIXED)
		return;
	int flags = (m->syntax == SYNTAX_EXTENDED ? REGEX_EXTENDED : 0) | (m->ignore_case ? REGEX_ICASE : 0);
	m->compiled = cmd_malloc((m->count ? m->count : 1) * sizeof(*m->compiled));
	for (size_t i = 0; i < m->count; i++) {
		const char *error;
		m->compiled[i] = regex_compile(m->patterns[i], flags, &error);
		if (!m->compiled[i]) {
			cmd_error("%s", error);
			cmd_exit(2);
		}
	}
}

static int is_word_byte(const char *line, size_t len, long pos)
{
	if (pos < 0 || (size_t)pos >= len)
		return 0;
	unsigned char c = (unsigned char)line[pos];
	return isalnum(c) || c == '_';
}

static int bytes_equal(const char *a, const char *b, size_t len, int fold)
{
	for (size_t i = 0; i < len; i++)
		if (a[i] != b[i] && !(fold && tolower((unsigned char)a[i]) == tolower((unsigned char)b[i])))
			return 0;
	return 1;
}

/* Finds a fixed string at or after from; its start or -1. */
static long find_fixed(const struct matcher *m, const char *pattern, size_t plen, const char *line, size_t len, size_t from)
{
	for (size_t pos = from; pos + plen <= len; pos++)
		if (bytes_equal(line + pos, pattern, plen, m->ignore_case))
			return (long)pos;
	return -1;
}

static int fixed_matches(const struct matcher *m, const char *pattern, const char *line, size_t len)
{
	size_t plen = strlen(pattern);
	if (m->whole_lines)
		return plen == len && bytes_equal(line, pattern, len, m->ignore_case);
	for (long at = find_fixed(m, pattern, plen, line, len, 0); at >= 0;
	     at = find_fixed(m, pattern, plen, line, len, (size_t)at + 1)) {
		if (!m->whole_words)
			return 1;
		if (!is_word_byte(line, len, at - 1) && !is_word_byte(line, len, at + (long)plen))
			return 1;
	}
	return 0;
}

static int regex_matches(const struct matcher *m, struct regex *re, const char *line, size_t len)
{
	struct regex_match match;
	if (m->whole_lines)
		return regex_match_full(re, line, len);
	if (!m->whole_words)
		return regex_search(re, line, len, NULL);
	for (size_t from = 0; from <= len && regex_search_from(re, line, len, from, &match); from = (size_t)match.start[0] + 1)
		if (!is_word_byte(line, len, match.start[0] - 1) && !is_word_byte(line, len, match.end[0]))
			return 1;
	return 0;
}

int matcher_matches(struct matcher *m, const char *line, size_t len)
{
	for (size_t i = 0; i < m->count; i++) {
		int found = m->syntax == SYNTAX_FIXED ? fixed_matches(m, m->patterns[i], line, len)
			: regex_matches(m, m->compiled[i], line, len);
		if (found)
			return 1;
	}
	return 0;
}
