/*
 * Wildcard matching (glob.h). Every element of a pattern but "*" matches
 * exactly one byte, so a mismatch only needs to retry from the last "*"
 * with one more byte swallowed: no recursion, linear memory.
 */
#include "glob.h"
#include "charclass.h"
#include <string.h>

/*
 * Matches c against the bracket expression at p (just past the "[").
 * Returns the text after the closing "]", or NULL if the bracket is not
 * closed (then "[" is an ordinary byte); *matched tells the verdict.
 */
static const char *match_bracket(const char *p, unsigned char c, int *matched)
{
	int negate = *p == '!' || *p == '^';
	int found = 0;
	if (negate)
		p++;
	for (int first = 1; *p && (*p != ']' || first); first = 0) {
		if (p[0] == '[' && p[1] == ':') {
			const char *end = strstr(p + 2, ":]");
			char_class_test test = end ? char_class_find(p + 2, (size_t)(end - p - 2)) : NULL;
			if (test) {
				found |= test(c) != 0;
				p = end + 2;
				continue;
			}
		}
		if (*p == '\\' && p[1])
			p++;
		unsigned char low = (unsigned char)*p++, high = low;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p += p[1] == '\\' && p[2] ? 2 : 1;
			high = (unsigned char)*p++;
		}
		found |= c >= low && c <= high;
	}
	if (*p != ']')
		return NULL;
	*matched = found != negate;
	return p + 1;
}

/* Matches one non-"*" element at *p against c and advances *p; 0 if not. */
static int match_one(const char **p, unsigned char c)
{
	const char *s = *p;
	if (*s == '?') {
		*p = s + 1;
		return 1;
	}
	if (*s == '[') {
		int matched;
		const char *after = match_bracket(s + 1, c, &matched);
		if (after) {
			*p = after;
			return matched;
		}
	}
	if (*s == '\\' && s[1])
		s++;
	*p = s + 1;
	return (unsigned char)*s == c;
}

int glob_match(const char *pattern, const char *name)
{
	const char *p = pattern, *n = name;
	const char *star_p = NULL, *star_n = NULL;  /* where to retry after a "*" */
	while (*n) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			star_p = p;
			star_n = n;
			continue;
		}
		if (*p && match_one(&p, (unsigned char)*n)) {
			n++;
			continue;
		}
		if (!star_p)
			return 0;
		p = star_p;
		n = ++star_n;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}
