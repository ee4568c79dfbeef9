/*
 * tr: translate, squeeze or delete bytes. SET1 and SET2 are lists of
 * bytes with escapes (\n \t \\ \NNN ...), ranges (a-z), classes
 * ([:lower:] ...), equivalence classes ([=c=], c itself in the C locale)
 * and repeats ([c*N], [c*]). SET2 shorter than SET1 is
 * padded with its last byte. -d deletes SET1, -s squeezes runs of bytes of
 * the last set given, -c complements SET1.
 */
#include "../lib/cmd.h"
#include "../lib/charclass.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "tr [-cds] set1 [set2]"

/*
 * A set expanded into a byte array, with what the checks of a translation
 * need to know about how it was written.
 */
struct byte_set {
	unsigned char *bytes;
	size_t len, cap;
	long fill_at;        /* index of the [c*] element, -1 if none */
	int fills;           /* how many [c*] elements */
	int other_classes;   /* classes other than [:upper:] and [:lower:] */
	int equivalences;    /* [=c=] elements */
	long *case_at;       /* where each [:upper:] or [:lower:] starts */
	size_t case_count;
	int ends_with_class;
};

struct tr_options {
	int complement, delete, squeeze;
};

static __attribute__((noreturn)) void fail(const char *message)
{
	cmd_error("%s", message);
	cmd_exit(1);
}

static void set_push(struct byte_set *set, int c)
{
	if (set->len == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 64;
		set->bytes = cmd_realloc(set->bytes, set->cap);
	}
	set->bytes[set->len++] = (unsigned char)c;
}

/* Reads one possibly escaped byte at *p and advances. */
static int read_byte(const char **p)
{
	static const char from[] = "abfnrtv\\", to[] = "\a\b\f\n\r\t\v\\";
	const char *s = *p;
	if (s[0] != '\\' || s[1] == '\0') {
		*p = s + 1;
		return (unsigned char)s[0];
	}
	s++;
	if (*s >= '0' && *s <= '7') {
		int value = 0;
		for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
			value = value * 8 + (*s++ - '0');
		*p = s;
		return value & 0xff;
	}
	const char *known = strchr(from, *s);
	*p = s + 1;
	return known ? (unsigned char)to[known - from] : (unsigned char)*s;
}

/* Expands "[:name:]" at p; returns the text after it, NULL if not a class. */
static const char *expand_class(struct byte_set *set, const char *p)
{
	const char *name = p + 2, *end = strstr(name, ":]");
	if (!end)
		return NULL;
	size_t len = (size_t)(end - name);
	char_class_test test = char_class_find(name, len);
	if (!test) {
		cmd_error("invalid character class '%.*s'", (int)len, name);
		cmd_exit(1);
	}
	int is_case = test == isupper || test == islower;
	if (is_case) {
		set->case_at = cmd_realloc(set->case_at, (set->case_count + 1) * sizeof(long));
		set->case_at[set->case_count++] = (long)set->len;
	}
	set->other_classes += !is_case;
	for (int c = 0; c < 256; c++)
		if (test(c))
			set_push(set, c);
	return end + 2;
}

/* Expands "[=c=]" at p (in the C locale the class of c is c alone). */
static const char *expand_equivalence(struct byte_set *set, const char *p)
{
	const char *name = p + 2, *end = strstr(name, "=]");
	if (!end || end == name)
		return NULL;
	const char *s = name;
	int c = read_byte(&s);
	if (s != end) {
		cmd_error("%.*s: equivalence class operand must be a single character", (int)(end - name), name);
		cmd_exit(1);
	}
	set->equivalences++;
	set_push(set, c);
	return end + 2;
}

/* Expands "[c*N]" or "[c*]" at p; returns the text after it or NULL. */
static const char *expand_repeat(struct byte_set *set, const char *p)
{
	const char *s = p + 1;
	int c = read_byte(&s);
	const char *close = strchr(s, ']');
	if (*s != '*' || !close)
		return NULL;
	const char *digits = s + 1;
	char *end = (char *)digits;
	long count = isdigit((unsigned char)*digits) ? strtol(digits, &end, *digits == '0' ? 8 : 10) : 0;
	if (end != close) {
		cmd_error("invalid repeat count '%.*s' in [c*n] construct", (int)(close - s - 1), s + 1);
		cmd_exit(1);
	}
	if (end == digits || count == 0) {
		set->fill_at = (long)set->len;
		set->fills++;
		set_push(set, c);
	} else {
		for (long i = 0; i < count; i++)
			set_push(set, c);
	}
	return end + 1;
}

/* Expands a bracketed element at p, or returns NULL if p holds none. */
static const char *expand_bracket(struct byte_set *set, const char *p)
{
	if (p[0] != '[' || !p[1])
		return NULL;
	if (p[1] == ':')
		return expand_class(set, p);
	if (p[1] == '=')
		return expand_equivalence(set, p);
	return expand_repeat(set, p);
}

static void expand_set(struct byte_set *set, const char *text)
{
	const char *p = text, *after;
	memset(set, 0, sizeof(*set));
	set->fill_at = -1;
	while (*p) {
		if ((after = expand_bracket(set, p)) != NULL) {
			set->ends_with_class = p[1] == ':' && !*after;
			p = after;
			continue;
		}
		int low = read_byte(&p);
		if (p[0] == '-' && p[1]) {
			p++;
			int high = read_byte(&p);
			if (high < low) {
				cmd_error("range-endpoints of '%c-%c' are in reverse collating sequence order", low, high);
				cmd_exit(1);
			}
			for (int c = low; c <= high; c++)
				set_push(set, c);
		} else {
			set_push(set, low);
		}
	}
}

/* Whether set has an [:upper:] or [:lower:] starting at index at. */
static int case_class_at(const struct byte_set *set, long at)
{
	for (size_t i = 0; i < set->case_count; i++)
		if (set->case_at[i] == at)
			return 1;
	return 0;
}

/*
 * GNU's rules for what SET2 of a translation may hold. A complemented SET1
 * has no classes left to align [:upper:] and [:lower:] with.
 */
static void check_translation(const struct byte_set *set1, const struct byte_set *set2, int complemented)
{
	if (set2->other_classes)
		fail("when translating, the only character classes that may appear in\n"
			"string2 are 'upper' and 'lower'");
	if (set2->equivalences)
		fail("[=c=] expressions may not appear in string2 when translating");
	for (size_t i = 0; !complemented && i < set2->case_count; i++)
		if (!case_class_at(set1, set2->case_at[i]))
			fail("misaligned [:upper:] and/or [:lower:] construct");
	if (set2->ends_with_class && set1->len > set2->len)
		fail("when translating with string1 longer than string2,\n"
			"the latter string must not end with a character class");
}

/* The checks on [c*] that hold whatever the operation. */
static void check_repeats(const struct byte_set *set1, const struct byte_set *set2)
{
	if (set1->fills)
		fail("the [c*] repeat construct may not appear in string1");
	if (set2->fills > 1)
		fail("only one [c*] repeat construct may appear in string2");
}

/* Pads set2 to the length of set1 (at its [c*] or with its last byte). */
static void pad_set(struct byte_set *set2, size_t len)
{
	if (set2->len == 0 || set2->len >= len)
		return;
	size_t missing = len - set2->len;
	size_t at = set2->fill_at >= 0 ? (size_t)set2->fill_at : set2->len - 1;
	unsigned char c = set2->bytes[at];
	for (size_t i = 0; i < missing; i++)
		set_push(set2, 0);
	memmove(set2->bytes + at + missing, set2->bytes + at, set2->len - missing - at);
	memset(set2->bytes + at, c, missing);
}

static void complement(struct byte_set *set)
{
	unsigned char member[256] = { 0 };
	for (size_t i = 0; i < set->len; i++)
		member[set->bytes[i]] = 1;
	set->len = 0;
	for (int c = 0; c < 256; c++)
		if (!member[c])
			set_push(set, c);
}

/* Streams standard input through the translation, deletion and squeeze maps. */
static int filter(const int *map, const unsigned char *squeeze)
{
	char in[8192];
	int last = -1;
	for (;;) {
		ssize_t n = read(STDIN_FILENO, in, sizeof(in));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cmd_error("read error: %s", strerror(errno));
			return 1;
		}
		if (n == 0)
			return 0;
		for (ssize_t i = 0; i < n; i++) {
			int c = map[(unsigned char)in[i]];
			if (c < 0 || (c == last && squeeze[c]))
				continue;
			out_char(c);
			last = c;
		}
	}
}

int main(int argc, char **argv)
{
	struct tr_options to = { 0, 0, 0 };
	struct options opts;
	struct byte_set set1, set2;
	int option, map[256];
	unsigned char squeeze[256] = { 0 };
	cmd_init("tr");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "cCds")) != -1) {
		if (option == 'c' || option == 'C')
			to.complement = 1;
		else if (option == 'd')
			to.delete = 1;
		else if (option == 's')
			to.squeeze = 1;
		else
			cmd_usage(1, USAGE);
	}
	int operands = argc - opts.index;
	int need = (to.delete && !to.squeeze) || (to.squeeze && !to.delete && operands == 1) ? 1 : 2;
	if (operands < need || operands > need) {
		if (operands < need)
			cmd_error(operands == 0 ? "missing operand" : "missing operand after '%s'", argv[argc - 1]);
		else
			cmd_error("extra operand '%s'", argv[opts.index + need]);
		cmd_usage(1, USAGE);
	}
	expand_set(&set1, argv[opts.index]);
	if (to.complement)
		complement(&set1);
	memset(&set2, 0, sizeof(set2));
	if (operands == 2)
		expand_set(&set2, argv[opts.index + 1]);
	check_repeats(&set1, &set2);
	if (operands == 2 && !to.delete)
		check_translation(&set1, &set2, to.complement);
	for (int c = 0; c < 256; c++)
		map[c] = c;
	if (to.delete) {
		for (size_t i = 0; i < set1.len; i++)
			map[set1.bytes[i]] = -1;
	} else if (operands == 2) {
		pad_set(&set2, set1.len);
		for (size_t i = 0; i < set1.len && i < set2.len; i++)
			map[set1.bytes[i]] = set2.bytes[i];
	}
	const struct byte_set *squeezed = operands == 2 ? &set2 : &set1;
	for (size_t i = 0; to.squeeze && i < squeezed->len; i++)
		squeeze[squeezed->bytes[i]] = 1;
	int status = filter(map, squeeze);
	free(set1.bytes);
	free(set2.bytes);
	free(set1.case_at);
	free(set2.case_at);
	cmd_exit(status);
}
