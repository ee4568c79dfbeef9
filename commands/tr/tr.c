/*
 * tr: translate, squeeze or delete bytes. SET1 and SET2 are lists of
 * bytes with escapes (\n \t \\ \NNN ...), ranges (a-z), classes
 * ([:lower:] ...) and repeats ([c*N], [c*]). SET2 shorter than SET1 is
 * padded with its last byte. -d deletes SET1, -s squeezes runs of bytes of
 * the last set given, -c complements SET1.
 */
#include "../lib/cmd.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "tr [-cds] set1 [set2]"

/* A set expanded into a byte array; repeat_at marks a "[c*]" to fill. */
struct byte_set {
	unsigned char *bytes;
	size_t len, cap;
	long fill_at;        /* index of the [c*] element, -1 if none */
};

struct tr_options {
	int complement, delete, squeeze;
};

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

static int class_member(const char *name, int c)
{
	if (strcmp(name, "alpha") == 0) return isalpha(c);
	if (strcmp(name, "digit") == 0) return isdigit(c);
	if (strcmp(name, "alnum") == 0) return isalnum(c);
	if (strcmp(name, "upper") == 0) return isupper(c);
	if (strcmp(name, "lower") == 0) return islower(c);
	if (strcmp(name, "space") == 0) return isspace(c);
	if (strcmp(name, "blank") == 0) return isblank(c);
	if (strcmp(name, "punct") == 0) return ispunct(c);
	if (strcmp(name, "print") == 0) return isprint(c);
	if (strcmp(name, "graph") == 0) return isgraph(c);
	if (strcmp(name, "cntrl") == 0) return iscntrl(c);
	if (strcmp(name, "xdigit") == 0) return isxdigit(c);
	return -1;
}

/* Expands "[:name:]" at p; returns the text after it, NULL if not a class. */
static const char *expand_class(struct byte_set *set, const char *p)
{
	const char *end = strstr(p + 2, ":]");
	char name[16];
	if (!end || (size_t)(end - p - 2) >= sizeof(name))
		return NULL;
	memcpy(name, p + 2, (size_t)(end - p - 2));
	name[end - p - 2] = '\0';
	if (class_member(name, 'a') < 0) {
		cmd_error("invalid character class '%s'", name);
		cmd_exit(1);
	}
	for (int c = 0; c < 256; c++)
		if (class_member(name, c))
			set_push(set, c);
	return end + 2;
}

/* Expands "[c*N]" or "[c*]" at p; returns the text after it or NULL. */
static const char *expand_repeat(struct byte_set *set, const char *p)
{
	const char *s = p + 1;
	int c = read_byte(&s);
	if (*s != '*')
		return NULL;
	char *end;
	long count = strtol(s + 1, &end, s[1] == '0' ? 8 : 10);
	if (*end != ']' || count < 0)
		return NULL;
	if (end == s + 1 || count == 0) {
		set->fill_at = (long)set->len;
		set_push(set, c);
	} else {
		for (long i = 0; i < count; i++)
			set_push(set, c);
	}
	return end + 1;
}

static void expand_set(struct byte_set *set, const char *text)
{
	const char *p = text, *after;
	memset(set, 0, sizeof(*set));
	set->fill_at = -1;
	while (*p) {
		if (p[0] == '[' && p[1] == ':' && (after = expand_class(set, p)) != NULL) {
			p = after;
			continue;
		}
		if (p[0] == '[' && p[1] && (after = expand_repeat(set, p)) != NULL) {
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
	cmd_exit(status);
}
