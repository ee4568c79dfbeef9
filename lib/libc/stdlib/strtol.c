/*
 * String to integer conversion: strtol, strtoul, strtoll, strtoull. One
 * parser reads the magnitude into an unsigned long long; each function then
 * clamps it to its own type, setting errno = ERANGE when it does not fit.
 * An invalid base gives EINVAL and 0; no digits at all gives 0 with *end
 * pointing at the start of the string.
 */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>

struct parsed {
	unsigned long long magnitude;  /* ULLONG_MAX when overflowed */
	bool negative;
	bool overflow;
};

/* The digit value of c in bases up to 36, or 36 for a non-digit. */
static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 36;
}

/* Skips the "0x" of a hexadecimal number and settles base 0 to 8, 10 or 16. */
static const char *parse_prefix(const char *s, int *base)
{
	bool hex_prefix = s[0] == '0' && tolower((unsigned char)s[1]) == 'x' &&
		isxdigit((unsigned char)s[2]);
	if ((*base == 0 || *base == 16) && hex_prefix) {
		*base = 16;
		return s + 2;
	}
	if (*base == 0)
		*base = s[0] == '0' ? 8 : 10;
	return s;
}

/* Parses [space][sign][prefix]digits; returns false if there are no digits. */
static bool parse(const char *s, char **end, int base, struct parsed *out)
{
	const char *start = s;
	*out = (struct parsed){ 0 };
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '-' || *s == '+')
		out->negative = *s++ == '-';
	s = parse_prefix(s, &base);
	const char *digits = s;
	for (int d; (d = digit_value((unsigned char)*s)) < base; s++) {
		if (out->magnitude > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
			out->overflow = true;
		out->magnitude = out->overflow ? ULLONG_MAX : out->magnitude * (unsigned)base + (unsigned)d;
	}
	bool any = s != digits;
	if (end)
		*end = (char *)(any ? s : start);
	return any;
}

static bool base_valid(int base)
{
	if (base == 0 || (base >= 2 && base <= 36))
		return true;
	errno = EINVAL;
	return false;
}

/* Clamps to a signed type whose largest value is max (its minimum is -max - 1). */
static long long to_signed(const struct parsed *p, long long max)
{
	unsigned long long limit = (unsigned long long)max + p->negative;
	if (p->overflow || p->magnitude > limit) {
		errno = ERANGE;
		return p->negative ? -max - 1 : max;
	}
	if (p->negative)
		return p->magnitude == limit ? -max - 1 : -(long long)p->magnitude;
	return (long long)p->magnitude;
}

/* Clamps to an unsigned type; a minus sign negates in that type, as ISO C says. */
static unsigned long long to_unsigned(const struct parsed *p, unsigned long long max)
{
	if (p->overflow || p->magnitude > max) {
		errno = ERANGE;
		return max;
	}
	return p->negative ? (max - p->magnitude + 1) & max : p->magnitude;
}

long long strtoll(const char *s, char **end, int base)
{
	struct parsed p;
	if (end)
		*end = (char *)s;
	if (!base_valid(base) || !parse(s, end, base, &p))
		return 0;
	return to_signed(&p, LLONG_MAX);
}

long strtol(const char *s, char **end, int base)
{
	struct parsed p;
	if (end)
		*end = (char *)s;
	if (!base_valid(base) || !parse(s, end, base, &p))
		return 0;
	return (long)to_signed(&p, LONG_MAX);
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	struct parsed p;
	if (end)
		*end = (char *)s;
	if (!base_valid(base) || !parse(s, end, base, &p))
		return 0;
	return to_unsigned(&p, ULLONG_MAX);
}

unsigned long strtoul(const char *s, char **end, int base)
{
	struct parsed p;
	if (end)
		*end = (char *)s;
	if (!base_valid(base) || !parse(s, end, base, &p))
		return 0;
	return (unsigned long)to_unsigned(&p, ULONG_MAX);
}
