/*
 * The pattern and hold spaces, and the s command: find the matches, build
 * the new text with the replacement's groups and case changes.
 */
#include "sed.h"
#include "../lib/cmd.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void space_reserve(struct space *space, size_t len)
{
	if (len + 1 <= space->cap)
		return;
	space->cap = space->cap ? space->cap : 64;
	while (space->cap < len + 1)
		space->cap *= 2;
	space->text = cmd_realloc(space->text, space->cap);
}

void space_set(struct space *space, const char *text, size_t len)
{
	space_reserve(space, len);
	memmove(space->text, text, len);
	space->len = len;
	space->text[len] = '\0';
}

void space_append(struct space *space, const char *text, size_t len)
{
	space_reserve(space, space->len + len);
	memcpy(space->text + space->len, text, len);
	space->len += len;
	space->text[space->len] = '\0';
}

/* The case changes in force while a replacement is copied. */
struct case_state {
	char mode;       /* 'U', 'L' or 0 */
	char once;       /* 'u', 'l' or 0: for the next byte only */
};

static void append_cased(struct space *out, struct case_state *cs, const char *text, size_t len)
{
	if (!cs->mode && !cs->once) {
		space_append(out, text, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)text[i];
		if (cs->once) {
			c = cs->once == 'u' ? toupper(c) : tolower(c);
			cs->once = 0;
		} else if (cs->mode) {
			c = cs->mode == 'U' ? toupper(c) : tolower(c);
		}
		char byte = (char)c;
		space_append(out, &byte, 1);
	}
}

static void change_case(struct case_state *cs, char change)
{
	if (change == 'u' || change == 'l')
		cs->once = change;
	else
		cs->mode = change == 'E' ? 0 : change;
}

/* Appends the replacement for one match of text. */
static void append_replacement(struct space *out, const struct substitution *s, const char *text,
	const struct regex_match *m)
{
	struct case_state cs = { 0, 0 };
	for (size_t i = 0; i < s->part_count; i++) {
		const struct replacement_part *part = &s->parts[i];
		append_cased(out, &cs, part->text, part->len);
		if (part->case_change)
			change_case(&cs, part->case_change);
		if (part->group >= 0 && m->start[part->group] >= 0)
			append_cased(out, &cs, text + m->start[part->group],
				(size_t)(m->end[part->group] - m->start[part->group]));
	}
}

int sed_substitute(struct space *space, const struct substitution *s, struct regex *re)
{
	static struct space out;
	struct regex_match m;
	const char *text = space->text;
	size_t len = space->len, pos = 0;
	long count = 0, wanted = s->occurrence ? s->occurrence : 1;
	long prev_end = -1;  /* an empty match right after a match does not count */
	int replaced = 0;
	out.len = 0;
	while (pos <= len && regex_search_from(re, text, len, pos, &m)) {
		size_t start = (size_t)m.start[0], end = (size_t)m.end[0];
		space_append(&out, text + pos, start - pos);
		if (start == end && (long)start == prev_end) {
			if (start < len)
				space_append(&out, text + start, 1);
			pos = start + 1;
			continue;
		}
		if (++count >= wanted) {
			append_replacement(&out, s, text, &m);
			replaced = 1;
		} else {
			space_append(&out, text + start, end - start);
		}
		prev_end = (long)end;
		pos = end;
		if (replaced && !s->global)
			break;
		if (start == end) {
			if (start < len)
				space_append(&out, text + start, 1);
			pos = start + 1;
		}
	}
	if (!replaced)
		return 0;
	if (pos < len)
		space_append(&out, text + pos, len - pos);
	space_set(space, out.text, out.len);
	return 1;
}
