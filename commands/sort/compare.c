/*
 * How sort compares lines: key extraction as GNU sort does it (fields
 * separated by -t or by runs of blanks that belong to the following
 * field), numeric comparison of decimal strings without floating point,
 * and the last-resort whole-line comparison.
 */
#include "sort.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_blanks(const char *s, const char *end)
{
	while (s < end && isblank((unsigned char)*s))
		s++;
	return s;
}

/* The end of the field starting at s. */
static const char *field_end(const char *s, const char *end, int tab)
{
	if (tab >= 0) {
		const char *p = memchr(s, tab, (size_t)(end - s));
		return p ? p : end;
	}
	s = skip_blanks(s, end);
	while (s < end && !isblank((unsigned char)*s))
		s++;
	return s;
}

/* The start of field number `field` (1-based) of a line. */
static const char *field_start(const char *s, const char *end, size_t field, int tab)
{
	for (; field > 1 && s < end; field--) {
		s = field_end(s, end, tab);
		if (tab >= 0 && s < end)
			s++;
	}
	return s;
}

static const char *advance(const char *s, const char *end, size_t count)
{
	return (size_t)(end - s) < count ? end : s + count;
}

/* Finds the part of the line a key covers. */
static void key_span(const struct key *key, int tab, const struct line *line, const char **begin, const char **finish)
{
	const char *end = line->text + line->len;
	const char *s = field_start(line->text, end, key->start_field, tab);
	if (key->skip_start_blanks)
		s = skip_blanks(s, end);
	s = advance(s, end, key->start_char - 1);
	const char *e = end;
	if (key->end_field) {
		e = field_start(line->text, end, key->end_field, tab);
		if (key->end_char == 0) {
			e = field_end(e, end, tab);
		} else {
			if (key->skip_end_blanks)
				e = skip_blanks(e, end);
			e = advance(e, end, key->end_char);
		}
	}
	*begin = s;
	*finish = e < s ? s : e;
}

/* A decimal number split into sign, integer digits and fraction digits. */
struct number {
	int negative;
	const char *integer, *fraction;
	size_t integer_len, fraction_len;
};

static void parse_number(const char *s, const char *end, struct number *n)
{
	s = skip_blanks(s, end);
	n->negative = s < end && *s == '-';
	if (n->negative)
		s++;
	while (s < end && *s == '0')
		s++;
	n->integer = s;
	while (s < end && isdigit((unsigned char)*s))
		s++;
	n->integer_len = (size_t)(s - n->integer);
	n->fraction = s;
	n->fraction_len = 0;
	if (s < end && *s == '.') {
		n->fraction = ++s;
		while (s < end && isdigit((unsigned char)*s))
			s++;
		n->fraction_len = (size_t)(s - n->fraction);
	}
	while (n->fraction_len > 0 && n->fraction[n->fraction_len - 1] == '0')
		n->fraction_len--;
	if (n->integer_len == 0 && n->fraction_len == 0)
		n->negative = 0;  /* -0 is 0 */
}

/* Compares the magnitudes of two numbers. */
static int compare_magnitude(const struct number *a, const struct number *b)
{
	if (a->integer_len != b->integer_len)
		return a->integer_len < b->integer_len ? -1 : 1;
	int c = memcmp(a->integer, b->integer, a->integer_len);
	if (c)
		return c;
	size_t common = a->fraction_len < b->fraction_len ? a->fraction_len : b->fraction_len;
	c = memcmp(a->fraction, b->fraction, common);
	if (c)
		return c;
	return a->fraction_len == b->fraction_len ? 0 : (a->fraction_len < b->fraction_len ? -1 : 1);
}

static int compare_numeric(const char *a, const char *a_end, const char *b, const char *b_end)
{
	struct number x, y;
	parse_number(a, a_end, &x);
	parse_number(b, b_end, &y);
	if (x.negative != y.negative)
		return x.negative ? -1 : 1;
	int c = compare_magnitude(&x, &y);
	return x.negative ? -c : c;
}

static int compare_text(const char *a, size_t a_len, const char *b, size_t b_len, int fold)
{
	size_t common = a_len < b_len ? a_len : b_len;
	if (!fold) {
		int c = memcmp(a, b, common);
		if (c)
			return c;
	} else {
		for (size_t i = 0; i < common; i++) {
			int x = toupper((unsigned char)a[i]), y = toupper((unsigned char)b[i]);
			if (x != y)
				return x - y;
		}
	}
	return a_len == b_len ? 0 : (a_len < b_len ? -1 : 1);
}

static int compare_key(const struct key *key, int tab, const struct line *a, const struct line *b)
{
	const char *as, *ae, *bs, *be;
	key_span(key, tab, a, &as, &ae);
	key_span(key, tab, b, &bs, &be);
	int c = key->numeric ? compare_numeric(as, ae, bs, be)
		: compare_text(as, (size_t)(ae - as), bs, (size_t)(be - bs), key->fold);
	return key->reverse ? -c : c;
}

int compare_lines(const struct sort_config *config, const struct line *a, const struct line *b, int last_resort)
{
	int c = 0;
	if (config->key_count == 0)
		c = compare_key(&config->global, config->tab, a, b);
	for (size_t i = 0; i < config->key_count && c == 0; i++)
		c = compare_key(&config->keys[i], config->tab, a, b);
	if (c || !last_resort || config->stable || config->unique)
		return c;
	if (config->key_count == 0 && !config->global.numeric && !config->global.fold
	    && !config->global.skip_start_blanks)
		return 0;  /* the key already was the whole line */
	c = compare_text(a->text, a->len, b->text, b->len, 0);
	return config->global.reverse ? -c : c;
}

/* Reads "F[.C]" at *p; allow_zero_char for the end position. */
static int parse_position(const char **p, size_t *field, size_t *character, int allow_zero_char)
{
	char *end;
	if (!isdigit((unsigned char)**p))
		return -1;
	unsigned long value = strtoul(*p, &end, 10);
	if (value == 0)
		return -1;
	*field = value;
	*p = end;
	if (**p == '.') {
		(*p)++;
		if (!isdigit((unsigned char)**p))
			return -1;
		value = strtoul(*p, &end, 10);
		if (value == 0 && !allow_zero_char)
			return -1;
		*character = value;
		*p = end;
	}
	return 0;
}

/* Reads the ordering letters after a position; -1 on an unknown one. */
static int parse_flags(const char **p, struct key *key, int start)
{
	for (; **p && **p != ','; (*p)++) {
		switch (**p) {
		case 'n': key->numeric = 1; break;
		case 'r': key->reverse = 1; break;
		case 'f': key->fold = 1; break;
		case 'b':
			if (start)
				key->skip_start_blanks = 1;
			else
				key->skip_end_blanks = 1;
			break;
		default: return -1;
		}
	}
	return 0;
}

int parse_key(const char *text, struct key *key)
{
	const char *p = text;
	memset(key, 0, sizeof(*key));
	key->start_char = 1;
	if (parse_position(&p, &key->start_field, &key->start_char, 0) < 0 || parse_flags(&p, key, 1) < 0)
		return -1;
	if (*p == ',') {
		p++;
		if (parse_position(&p, &key->end_field, &key->end_char, 1) < 0 || parse_flags(&p, key, 0) < 0)
			return -1;
	}
	return *p ? -1 : 0;
}
