/* Searching memory and strings for bytes, sets of bytes and substrings. */
#include <string.h>
#include <stdbool.h>

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == (unsigned char)c)
			return (void *)(p + i);
	}
	return NULL;
}

void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	while (n--) {
		if (p[n] == (unsigned char)c)
			return (void *)(p + n);
	}
	return NULL;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;
	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* Straightforward O(n * m) search: the strings libc sees are short. */
char *strstr(const char *haystack, const char *needle)
{
	size_t len = strlen(needle);
	if (len == 0)
		return (char *)haystack;
	for (; *haystack; haystack++) {
		if (*haystack == *needle && strncmp(haystack, needle, len) == 0)
			return (char *)haystack;
	}
	return NULL;
}

/* A 256-bit membership table for a NUL-terminated set of bytes. */
struct byte_set {
	unsigned char bits[32];
};

static void byte_set_init(struct byte_set *set, const char *members)
{
	memset(set, 0, sizeof(*set));
	for (const unsigned char *m = (const unsigned char *)members; *m; m++)
		set->bits[*m / 8] |= (unsigned char)(1u << (*m % 8));
}

static bool byte_set_has(const struct byte_set *set, char c)
{
	unsigned char b = (unsigned char)c;
	return set->bits[b / 8] & (1u << (b % 8));
}

/* Length of the prefix of s whose bytes are all in (or all outside) set. */
static size_t span(const char *s, const char *members, bool inside)
{
	struct byte_set set;
	byte_set_init(&set, members);
	size_t n = 0;
	while (s[n] && byte_set_has(&set, s[n]) == inside)
		n++;
	return n;
}

size_t strspn(const char *s, const char *accept)
{
	return span(s, accept, true);
}

size_t strcspn(const char *s, const char *reject)
{
	return span(s, reject, false);
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}
