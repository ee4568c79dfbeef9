/*
 * Samsara's printf formatting against the host's C library: every
 * combination of flags, width, precision, length modifier and integer
 * conversion over boundary values, then strings, characters, pointers,
 * '*' arguments and truncation. Also sprintf, asprintf and what Samsara
 * does on purpose with conversions it does not support.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "unit.h"
#include "libc_test.h"

static _Alignas(16) char arena[1 << 20];
static size_t arena_used;

void *samsara___libc_sbrk(intptr_t increment)
{
	if (increment < 0 || (size_t)increment > sizeof(arena) - arena_used) {
		samsara_errno = ENOMEM;
		return (void *)-1;
	}
	arena_used += (size_t)increment;
	return arena + arena_used - (size_t)increment;
}

static int mismatches;

/* Formats with both libraries into 128-byte buffers and compares text and length. */
static void compare(const char *fmt, ...)
{
	char ours[128], host[128];
	va_list a, b;
	va_start(a, fmt);
	va_copy(b, a);
	int our_length = samsara_vsnprintf(ours, sizeof(ours), fmt, a);
	int host_length = vsnprintf(host, sizeof(host), fmt, b);
	va_end(b);
	va_end(a);
	if (our_length == host_length && strcmp(ours, host) == 0)
		return;
	if (mismatches++ < 20)
		printf("# \"%s\": ours \"%s\" (%d), host \"%s\" (%d)\n", fmt, ours, our_length, host, host_length);
	CHECK(false);
}

static const long long values[] = {
	0, 1, -1, 7, 8, 9, 10, 15, 16, 42, 100, 127, 128, 255, 256, -128, -129, 32767, -32768,
	65535, 65536, INT_MAX, INT_MIN, UINT_MAX, 0x123456789LL, LLONG_MAX, LLONG_MIN, -1234567,
};

/* Passes value converted to the type that the length modifier names. */
static void compare_value(const char *fmt, const char *length, long long v)
{
	if (strcmp(length, "hh") == 0)
		compare(fmt, (int)(signed char)v);
	else if (strcmp(length, "h") == 0)
		compare(fmt, (int)(short)v);
	else if (strcmp(length, "l") == 0)
		compare(fmt, (long)v);
	else if (strcmp(length, "ll") == 0)
		compare(fmt, v);
	else if (strcmp(length, "j") == 0)
		compare(fmt, (intmax_t)v);
	else if (strcmp(length, "z") == 0)
		compare(fmt, (size_t)v);
	else if (strcmp(length, "t") == 0)
		compare(fmt, (ptrdiff_t)v);
	else
		compare(fmt, (int)v);
}

static void integer_conversions_match_the_host(void)
{
	const char *widths[] = { "", "1", "5", "21" };
	const char *precisions[] = { "", ".", ".0", ".1", ".3", ".22" };
	const char *lengths[] = { "hh", "h", "", "l", "ll", "j", "z", "t" };
	const char *conversions = "diouxX";
	for (unsigned flags = 0; flags < 32; flags++) {
		char flag_text[6] = "", *f = flag_text;
		for (unsigned bit = 0; bit < 5; bit++) {
			if (flags & (1u << bit))
				*f++ = "-+ 0#"[bit];
		}
		*f = '\0';
		for (size_t w = 0; w < 4; w++)
		for (size_t p = 0; p < 6; p++)
		for (size_t l = 0; l < 8; l++)
		for (const char *c = conversions; *c; c++) {
			char fmt[32];
			snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s%c]", flag_text, widths[w], precisions[p], lengths[l], *c);
			for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++)
				compare_value(fmt, lengths[l], values[v]);
		}
	}
}

static void strings_and_characters_match_the_host(void)
{
	const char *formats[] = { "%s", "%5s", "%-5s|", "%.2s", "%10.3s", "%-10.0s|", "%.10s", "%0s" };
	const char *strings[] = { "", "a", "hello", "hello, world", "\xff\x01" };
	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		for (size_t s = 0; s < sizeof(strings) / sizeof(strings[0]); s++)
			compare(formats[f], strings[s]);
	}
	const char *char_formats[] = { "%c", "%3c", "%-3c|", "[%c%c]" };
	const int chars[] = { 'a', ' ', '\xff', 200, 'Z' + 256 };
	for (size_t f = 0; f < sizeof(char_formats) / sizeof(char_formats[0]); f++) {
		for (size_t c = 0; c < sizeof(chars) / sizeof(chars[0]); c++)
			compare(char_formats[f], chars[c], chars[c]);
	}
	compare("100%% sure, %d%%", 5);
	compare("no conversions at all");
	compare("");
}

static void a_nul_character_is_counted_and_kept(void)
{
	char buf[8];
	CHECK(samsara_snprintf(buf, sizeof(buf), "a%cb", 0) == 3);
	CHECK(memcmp(buf, "a\0b", 4) == 0);
}

static void pointers_match_the_host(void)
{
	int x;
	const char *formats[] = { "%p", "%20p", "%-20p|", "%p %p" };
	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		compare(formats[f], (void *)&x, (void *)&x);
		compare(formats[f], (void *)NULL, (void *)NULL);
		compare(formats[f], (void *)(uintptr_t)0xdeadbeef, (void *)(uintptr_t)1);
	}
}

static void star_width_and_precision_match_the_host(void)
{
	const int stars[] = { -10, -1, 0, 1, 4, 12 };
	for (size_t i = 0; i < sizeof(stars) / sizeof(stars[0]); i++) {
		for (size_t j = 0; j < sizeof(stars) / sizeof(stars[0]); j++) {
			compare("[%*.*d]", stars[i], stars[j], -42);
			compare("[%-*.*x]", stars[i], stars[j], 255u);
			compare("[%0*.*s]", stars[i], stars[j], "text");
			compare("[%*d|%.*d]", stars[i], 7, stars[j], 7);
		}
	}
}

static void mixed_formats_match_the_host(void)
{
	compare("%s=%d (%#x) %c%5.1s|%-4u|%lld", "key", -3, 48879u, 'q', "xyz", 12u, -9000000000LL);
	compare("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
	compare("%zu %zd %td %jd %ju", (size_t)SIZE_MAX, (size_t)5, (ptrdiff_t)-6, INTMAX_MIN, UINTMAX_MAX);
	compare("%o %#o %#.0o %#5o %#x %#X %#.0x", 8u, 8u, 0u, 8u, 0u, 255u, 0u);
}

static void truncation_keeps_a_nul_and_reports_the_full_length(void)
{
	char buf[8];
	memset(buf, '#', sizeof(buf));
	CHECK(samsara_snprintf(buf, 5, "%s", "abcdefgh") == 8);
	CHECK(strcmp(buf, "abcd") == 0 && buf[5] == '#');
	CHECK(samsara_snprintf(buf, 1, "%d", 12345) == 5 && buf[0] == '\0');
	buf[0] = '#';
	CHECK(samsara_snprintf(buf, 0, "%d", 12345) == 5 && buf[0] == '#');
	CHECK(samsara_snprintf(NULL, 0, "%s %s", "ab", "cd") == 5);
	CHECK(samsara_snprintf(buf, sizeof(buf), "%20d", 1) == 20 && strcmp(buf, "       ") == 0);
}

static void sprintf_writes_without_a_bound(void)
{
	char buf[64];
	CHECK(samsara_sprintf(buf, "%s-%05d-%x", "id", 42, 0xabcu) == 12);
	CHECK(strcmp(buf, "id-00042-abc") == 0);
}

static void asprintf_allocates_exactly_enough(void)
{
	char *text = NULL;
	CHECK(samsara_asprintf(&text, "%s and %d", "this", 12345) == 14);
	CHECK(text && strcmp(text, "this and 12345") == 0);
	samsara_free(text);
	char long_text[3000];
	memset(long_text, 'y', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	CHECK(samsara_asprintf(&text, "<%s>", long_text) == 3001);
	CHECK(text && text[0] == '<' && text[3000] == '>' && text[3001] == '\0');
	samsara_free(text);
	CHECK(samsara_asprintf(&text, "%s", "") == 0 && text && text[0] == '\0');
	samsara_free(text);
}

/* Formats without the compiler's format checks, for formats it would reject. */
static int format_unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = samsara_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Floating point does not exist in Samsara: %f and friends are copied, and eat no argument. */
static void unsupported_conversions_are_copied_as_written(void)
{
	char buf[64];
	CHECK(format_unchecked(buf, sizeof(buf), "%5.2f|%d", 7) == 7);
	CHECK(strcmp(buf, "%5.2f|7") == 0);
	CHECK(format_unchecked(buf, sizeof(buf), "%e %g %n %Lf", 0) == 12 && strcmp(buf, "%e %g %n %Lf") == 0);
	CHECK(format_unchecked(buf, sizeof(buf), "50%", 0) == 3 && strcmp(buf, "50%") == 0);
	CHECK(format_unchecked(buf, sizeof(buf), "%-08", 0) == 4 && strcmp(buf, "%-08") == 0);
}

int main(void)
{
	RUN(integer_conversions_match_the_host);
	RUN(strings_and_characters_match_the_host);
	RUN(a_nul_character_is_counted_and_kept);
	RUN(pointers_match_the_host);
	RUN(star_width_and_precision_match_the_host);
	RUN(mixed_formats_match_the_host);
	RUN(truncation_keeps_a_nul_and_reports_the_full_length);
	RUN(sprintf_writes_without_a_bound);
	RUN(asprintf_allocates_exactly_enough);
	RUN(unsupported_conversions_are_copied_as_written);
	return unit_summary();
}
