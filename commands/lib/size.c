/*
 * Sizes as people write and read them: dd's operands with multiplier
 * suffixes ("4k", "1MiB", "2x512"), and the -h and -k figures of du and df,
 * rounded up as GNU rounds them. Integer arithmetic only: Samsara has no
 * floating point.
 */
#include "cmd.h"
#include "size.h"
#include <stdio.h>
#include <string.h>

#define SIZE_MAX_VALUE 0xffffffffffffffffULL

/* value * factor, or -1 when it does not fit. */
static int multiply(unsigned long long *value, unsigned long long factor)
{
	if (factor != 0 && *value > SIZE_MAX_VALUE / factor)
		return -1;
	*value *= factor;
	return 0;
}

/* The power of 1024 or 1000 that a letter of "KMGTPEZY" (or "k") stands for; 0 if none. */
static int power_of(char letter)
{
	static const char letters[] = "KMGTPEZY";
	const char *at = letter ? strchr(letters, letter == 'k' ? 'K' : letter) : NULL;
	return at ? (int)(at - letters) + 1 : 0;
}

/*
 * The factor of the suffix at text, and its length in *len: b c w, K M G
 * ... (powers of 1024), "KiB" (1024 as well) and "KB" (powers of 1000).
 * 0 if text does not start with a suffix.
 */
static unsigned long long suffix_factor(const char *text, size_t *len)
{
	*len = 1;
	switch (*text) {
	case 'b': return 512;
	case 'c': return 1;
	case 'w': return 2;
	}
	int power = power_of(*text);
	if (!power)
		return 0;
	unsigned long long base = 1024, factor = 1;
	if (text[1] == 'i' && text[2] == 'B')
		*len = 3;
	else if (text[1] == 'B' || text[1] == 'D')
		*len = 2, base = 1000;
	while (power-- > 0)
		if (multiply(&factor, base) < 0)
			return 0;
	return factor;
}

/* One factor of a product: digits and an optional suffix, then "B". */
static const char *parse_factor(const char *text, unsigned long long *value)
{
	const char *start = text;
	unsigned long long n = 0;
	for (; *text >= '0' && *text <= '9'; text++)
		if (multiply(&n, 10) < 0 || n > SIZE_MAX_VALUE - (unsigned long long)(*text - '0'))
			return NULL;
		else
			n += (unsigned long long)(*text - '0');
	if (text == start)
		n = 1;  /* "k" alone is 1k */
	size_t len;
	unsigned long long factor = *text ? suffix_factor(text, &len) : 1;
	if (*text && factor) {
		if (multiply(&n, factor) < 0)
			return NULL;
		text += len;
	} else if (text == start) {
		return NULL;
	}
	if (*text == 'B' && text > start && text[-1] != 'B')
		text++;
	*value = n;
	return text;
}

int parse_size(const char *text, unsigned long long *value)
{
	unsigned long long product = 1;
	while (*text == ' ' || *text == '\t')
		text++;
	if (*text == '+')
		text++;
	for (;;) {
		unsigned long long factor;
		text = parse_factor(text, &factor);
		if (!text || multiply(&product, factor) < 0)
			return -1;
		if (*text == '\0')
			break;
		if (*text++ != 'x')
			return -1;
	}
	*value = product;
	return 0;
}

unsigned long long divide_up(unsigned long long value, unsigned long long unit)
{
	return value / unit + (value % unit != 0);
}

/*
 * GNU's human_readable for "-h": the number of bytes in powers of 1024
 * with K, M, G... and one decimal below 10, always rounded up. The
 * remainder dropped by each division is kept as tenths and as a flag
 * saying whether anything below the tenths was lost.
 */
const char *human_size(unsigned long long bytes, char text[HUMAN_SIZE])
{
	static const char units[] = "KMGTPEZY";
	unsigned long long amount = bytes;
	unsigned tenths = 0;
	int inexact = 0, exponent = 0;
	while (amount >= 1024 && exponent < 8) {
		unsigned long long tenths_remainder = amount % 1024 * 10 + tenths;
		inexact |= tenths_remainder % 1024 != 0;
		tenths = (unsigned)(tenths_remainder / 1024);
		amount /= 1024;
		exponent++;
	}
	if (exponent > 0 && amount < 10) {
		if (inexact && ++tenths == 10) {
			amount++;
			tenths = 0;
		}
		if (amount < 10) {
			snprintf(text, HUMAN_SIZE, "%llu.%u%c", amount, tenths, units[exponent - 1]);
			return text;
		}
		inexact = 0;
		tenths = 0;
	}
	if (tenths || inexact) {
		amount++;
		if (amount == 1024 && exponent < 8) {
			snprintf(text, HUMAN_SIZE, "1.0%c", units[exponent]);
			return text;
		}
	}
	if (exponent == 0)
		snprintf(text, HUMAN_SIZE, "%llu", amount);
	else
		snprintf(text, HUMAN_SIZE, "%llu%c", amount, units[exponent - 1]);
	return text;
}
