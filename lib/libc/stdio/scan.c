/*
 * The scanf core, shared by every scanf-family function. It reads through
 * a __libc_scan_input, one character at a time with one character of push
 * back, so the same code will serve strings now and FILE streams later.
 *
 * Supported: d i u o x c s [set] [^set] n %; * to suppress assignment;
 * a maximum field width; the length modifiers hh h l ll j z t. There is no
 * floating point in Samsara, hence no %f %e %g %a. A number is read as at
 * most SCAN_NUMBER_MAX characters and converted like strtoll/strtoull; a
 * value too large for its target is truncated to it.
 */
#include <libc_private.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCAN_NUMBER_MAX 64

enum length { LENGTH_INT, LENGTH_CHAR, LENGTH_SHORT, LENGTH_LONG, LENGTH_LONG_LONG,
	LENGTH_INTMAX, LENGTH_SIZE, LENGTH_PTRDIFF };

/* What a directive did: stop on bad input, or on the end of the input. */
enum outcome { DONE, MATCHING_FAILURE, INPUT_FAILURE };

struct scan_spec {
	bool suppress;       /* '*': read but do not assign */
	size_t width;        /* 0 when absent */
	enum length length;
	char conversion;
	unsigned char set[32];  /* for %[: the accepted bytes, one bit each */
};

/* The output pointers, passed between the helpers by pointer (see format.c). */
struct arguments {
	va_list list;
};

struct scanner {
	const struct __libc_scan_input *input;
	size_t consumed;     /* characters read so far, for %n */
	int assigned;        /* items stored so far: the result */
};

static int get(struct scanner *sc)
{
	int c = sc->input->next(sc->input->context);
	if (c != EOF)
		sc->consumed++;
	return c;
}

static void unget(struct scanner *sc, int c)
{
	if (c == EOF)
		return;
	sc->input->push_back(sc->input->context, c);
	sc->consumed--;
}

/* Skips white space; returns the outcome of finding input after it. */
static enum outcome skip_space(struct scanner *sc)
{
	int c;
	while (isspace(c = get(sc)))
		;
	unget(sc, c);
	return c == EOF ? INPUT_FAILURE : DONE;
}

static void store_integer(struct arguments *ap, enum length length, uintmax_t value)
{
	/* Some of these types are the same on one ABI but not on another. */
	// NOLINTBEGIN(bugprone-branch-clone)
	switch (length) {
	case LENGTH_CHAR: *va_arg(ap->list, unsigned char *) = (unsigned char)value; break;
	case LENGTH_SHORT: *va_arg(ap->list, unsigned short *) = (unsigned short)value; break;
	case LENGTH_LONG: *va_arg(ap->list, unsigned long *) = (unsigned long)value; break;
	case LENGTH_LONG_LONG: *va_arg(ap->list, unsigned long long *) = value; break;
	case LENGTH_INTMAX: *va_arg(ap->list, uintmax_t *) = value; break;
	case LENGTH_SIZE: *va_arg(ap->list, size_t *) = (size_t)value; break;
	case LENGTH_PTRDIFF: *va_arg(ap->list, ptrdiff_t *) = (ptrdiff_t)value; break;
	default: *va_arg(ap->list, unsigned *) = (unsigned)value; break;
	}
	// NOLINTEND(bugprone-branch-clone)
}

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	return isalpha(c) ? tolower(c) - 'a' + 10 : 36;
}

/*
 * Whether c may extend the number text[0..n): a sign first, "0x" in base
 * 16, then digits. Base 0 settles on 8, 10 or 16 as the prefix shows.
 */
static bool integer_char_ok(const char *text, size_t n, int c, int *base)
{
	size_t sign = n > 0 && (text[0] == '+' || text[0] == '-');
	size_t digits = n - sign;
	if (n == 0 && (c == '+' || c == '-'))
		return true;
	if (digits == 1 && text[sign] == '0' && tolower(c) == 'x' && (*base == 0 || *base == 16)) {
		*base = 16;
		return true;
	}
	if (*base == 0) {
		if (digits == 0 && isdigit(c)) {
			*base = c == '0' ? 0 : 10;
			return true;
		}
		*base = 8;
	}
	return digit_value(c) < *base;
}

static enum outcome scan_integer(struct scanner *sc, const struct scan_spec *s, int base, struct arguments *ap)
{
	if (skip_space(sc) != DONE)
		return INPUT_FAILURE;
	char text[SCAN_NUMBER_MAX + 1];
	size_t n = 0, width = s->width && s->width < SCAN_NUMBER_MAX ? s->width : SCAN_NUMBER_MAX;
	int c;
	while (n < width && (c = get(sc)) != EOF) {
		if (!integer_char_ok(text, n, c, &base)) {
			unget(sc, c);
			break;
		}
		text[n++] = (char)c;
	}
	text[n] = '\0';
	if (strspn(text, "+-") == n)
		return MATCHING_FAILURE;  /* no digits */
	if (s->suppress)
		return DONE;
	bool is_signed = s->conversion == 'd' || s->conversion == 'i';
	store_integer(ap, s->length, is_signed ? (uintmax_t)strtoll(text, NULL, base) : strtoull(text, NULL, base));
	sc->assigned++;
	return DONE;
}

/* %c: exactly width characters (default 1), white space included, no NUL. */
static enum outcome scan_chars(struct scanner *sc, const struct scan_spec *s, struct arguments *ap)
{
	char *out = s->suppress ? NULL : va_arg(ap->list, char *);
	size_t width = s->width ? s->width : 1, n = 0;
	int c;
	while (n < width && (c = get(sc)) != EOF) {
		if (out)
			out[n] = (char)c;
		n++;
	}
	if (n == 0)
		return INPUT_FAILURE;
	sc->assigned += out != NULL;
	return DONE;
}

static bool in_set(const struct scan_spec *s, int c)
{
	return s->set[(unsigned char)c / 8] & (1u << ((unsigned char)c % 8));
}

/* %s and %[: the longest run of accepted characters, then a NUL. */
static enum outcome scan_run(struct scanner *sc, const struct scan_spec *s, struct arguments *ap)
{
	if (s->conversion == 's' && skip_space(sc) != DONE)
		return INPUT_FAILURE;
	char *out = s->suppress ? NULL : va_arg(ap->list, char *);
	size_t n = 0;
	int c = EOF;
	while ((s->width == 0 || n < s->width) && (c = get(sc)) != EOF) {
		if (!in_set(s, c)) {
			unget(sc, c);
			break;
		}
		if (out)
			out[n] = (char)c;
		n++;
	}
	if (n == 0)
		return c == EOF ? INPUT_FAILURE : MATCHING_FAILURE;
	if (out) {
		out[n] = '\0';
		sc->assigned++;
	}
	return DONE;
}

static void set_add(struct scan_spec *s, unsigned char c)
{
	s->set[c / 8] |= (unsigned char)(1u << (c % 8));
}

/*
 * Parses the set of %[ starting after the '['. A ']' first is a member;
 * "a-z" is a range unless the '-' is first or last. Returns a pointer to
 * the closing ']', or NULL if there is none.
 */
static const char *parse_set(const char *f, struct scan_spec *s)
{
	bool negate = *f == '^';
	f += negate;
	const char *first = f;
	for (; *f && (*f != ']' || f == first); f++) {
		unsigned char low = (unsigned char)*f, high = low;
		if (f[1] == '-' && f[2] && f[2] != ']') {
			high = (unsigned char)f[2];
			f += 2;
		}
		for (unsigned c = low; c <= high; c++)
			set_add(s, (unsigned char)c);
	}
	if (!*f)
		return NULL;
	for (size_t i = 0; negate && i < sizeof(s->set); i++)
		s->set[i] = (unsigned char)~s->set[i];
	return f;
}

static const char *parse_length(const char *f, enum length *length)
{
	switch (*f) {
	case 'h':
		*length = f[1] == 'h' ? LENGTH_CHAR : LENGTH_SHORT;
		return f + (f[1] == 'h' ? 2 : 1);
	case 'l':
		*length = f[1] == 'l' ? LENGTH_LONG_LONG : LENGTH_LONG;
		return f + (f[1] == 'l' ? 2 : 1);
	case 'j': *length = LENGTH_INTMAX; return f + 1;
	case 'z': *length = LENGTH_SIZE; return f + 1;
	case 't': *length = LENGTH_PTRDIFF; return f + 1;
	default: *length = LENGTH_INT; return f;
	}
}

/* Parses a conversion after its '%'; returns its last character or NULL if malformed. */
static const char *parse_spec(const char *f, struct scan_spec *s)
{
	memset(s, 0, sizeof(*s));
	s->suppress = *f == '*';
	f += s->suppress;
	for (; isdigit((unsigned char)*f); f++)
		s->width = s->width * 10 + (size_t)(*f - '0');
	f = parse_length(f, &s->length);
	s->conversion = *f;
	if (*f == '[')
		return parse_set(f + 1, s);
	if (*f == 's') {
		memset(s->set, 0xff, sizeof(s->set));
		for (int c = 0; c < 256; c++)
			if (isspace(c))
				s->set[c / 8] &= (unsigned char)~(1u << (c % 8));
	}
	return *f ? f : NULL;
}

/* Matches one literal character of the format, after white space if skip. */
static enum outcome match_char(struct scanner *sc, char expected, bool skip)
{
	if (skip && skip_space(sc) != DONE)
		return INPUT_FAILURE;
	int c = get(sc);
	if (c == EOF)
		return INPUT_FAILURE;
	if (c != (unsigned char)expected) {
		unget(sc, c);
		return MATCHING_FAILURE;
	}
	return DONE;
}

static enum outcome scan_conversion(struct scanner *sc, const struct scan_spec *s, struct arguments *ap)
{
	switch (s->conversion) {
	case 'd': case 'u': return scan_integer(sc, s, 10, ap);
	case 'i': return scan_integer(sc, s, 0, ap);
	case 'o': return scan_integer(sc, s, 8, ap);
	case 'x': case 'X': return scan_integer(sc, s, 16, ap);
	case 'c': return scan_chars(sc, s, ap);
	case 's': case '[': return scan_run(sc, s, ap);
	case '%': return match_char(sc, '%', true);
	case 'n':
		if (!s->suppress)
			store_integer(ap, s->length, sc->consumed);
		return DONE;
	default: return MATCHING_FAILURE;
	}
}

/*
 * Returns the number of items assigned, or EOF if the input ended before
 * any was (the way glibc counts: suppressed items and %n do not count).
 */
int __libc_vscan(const struct __libc_scan_input *input, const char *fmt, va_list ap)
{
	struct scanner sc = { input, 0, 0 };
	enum outcome outcome = DONE;
	struct arguments args;
	va_copy(args.list, ap);
	while (*fmt && outcome == DONE) {
		if (isspace((unsigned char)*fmt)) {
			skip_space(&sc);
			fmt++;
		} else if (*fmt != '%') {
			outcome = match_char(&sc, *fmt++, false);
		} else {
			struct scan_spec s;
			const char *last = parse_spec(fmt + 1, &s);
			outcome = last ? scan_conversion(&sc, &s, &args) : MATCHING_FAILURE;
			fmt = last ? last + 1 : fmt + 1;
		}
	}
	va_end(args.list);
	return outcome == INPUT_FAILURE && sc.assigned == 0 ? EOF : sc.assigned;
}
