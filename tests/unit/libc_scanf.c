/*
 * Samsara's sscanf against the host's C library: return value, stored
 * values and untouched outputs, for integer, string, character and set
 * conversions over inputs that end early, mismatch or overrun widths.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "unit.h"
#include "libc_test.h"

static const char *const integer_inputs[] = {
	"", " ", "12 34", "-5 +6", "0x1f 017", "  42", "abc", "12abc", "1234567", "-", "+ 5",
	"0x", "0xg 3", "08 09", "077 0x10", "0X1A,0xff", "-0x10 -010", "4294967295 -1",
	"1,2", "7\t\n8", "99999999999 1", "5 x", "ffff 12",
};

static const char *const integer_formats[] = {
	"%d %d", "%d%d", "%i %i", "%i,%i", "%x %o", "%3d%2d", "%*d %d", "%u %u", "%2i%i",
	"%1d%1d", "%X,%x", "%d,%d", "%o%o", "x%d", "%d x", "%%%d", " %d %d ",
};

static void integer_conversions_match_the_host(void)
{
	for (size_t i = 0; i < sizeof(integer_inputs) / sizeof(integer_inputs[0]); i++) {
		for (size_t f = 0; f < sizeof(integer_formats) / sizeof(integer_formats[0]); f++) {
			const char *in = integer_inputs[i], *fmt = integer_formats[f];
			int ours[2] = { -77, -77 }, host[2] = { -77, -77 };
			int our_count = samsara_sscanf(in, fmt, &ours[0], &ours[1]);
			int host_count = sscanf(in, fmt, &host[0], &host[1]);
			CHECK(our_count == host_count && ours[0] == host[0] && ours[1] == host[1]);
			if (our_count != host_count || ours[0] != host[0] || ours[1] != host[1])
				printf("# \"%s\" \"%s\": ours %d (%d %d), host %d (%d %d)\n", in, fmt,
					our_count, ours[0], ours[1], host_count, host[0], host[1]);
		}
	}
}

static const char *const string_inputs[] = {
	"hello world", "  lead", "abc,def", "a]b c", "]]x y", "", "x", "12345678 z", "a-b c",
	"UPPER lower", "tab\there", "   ", ",start", "^caret ok",
};

static const char *const string_formats[] = {
	"%s %s", "%3s%s", "%[a-z]%s", "%[^,],%s", "%[]a]%s", "%[^]]%s", "%c%c", "%3c%s",
	"%*s %s", "%[-a]%s", "%[a-]%s", "%5[0-9]%s", "%[A-Z] %[a-z]", "%[^ ] %s", "%2c %2c",
	"%s%c", "%[^\t]\t%s", "%[^^]%s", " %c %c",
};

static void string_conversions_match_the_host(void)
{
	for (size_t i = 0; i < sizeof(string_inputs) / sizeof(string_inputs[0]); i++) {
		for (size_t f = 0; f < sizeof(string_formats) / sizeof(string_formats[0]); f++) {
			const char *in = string_inputs[i], *fmt = string_formats[f];
			char ours[2][24], host[2][24];
			memset(ours, '#', sizeof(ours));
			memset(host, '#', sizeof(host));
			int our_count = samsara_sscanf(in, fmt, ours[0], ours[1]);
			int host_count = sscanf(in, fmt, host[0], host[1]);
			CHECK(our_count == host_count && memcmp(ours, host, sizeof(ours)) == 0);
			if (our_count != host_count || memcmp(ours, host, sizeof(ours)) != 0)
				printf("# \"%s\" \"%s\": ours %d, host %d\n", in, fmt, our_count, host_count);
		}
	}
}

static void length_modifiers_store_the_right_width(void)
{
	signed char hh = 0;
	short h = 0;
	long l = 0;
	long long ll = 0;
	unsigned char uhh = 0;
	size_t z = 0;
	intmax_t j = 0;
	ptrdiff_t t = 0;
	int n = samsara_sscanf("-5 300 -7000000000 123456789012 255 42 -9 -3",
		"%hhd %hd %ld %lld %hhu %zu %jd %td", &hh, &h, &l, &ll, &uhh, &z, &j, &t);
	CHECK(n == 8);
	CHECK(hh == -5 && h == 300 && l == -7000000000L && ll == 123456789012LL);
	CHECK(uhh == 255 && z == 42 && j == -9 && t == -3);
	unsigned short wrapped = 0;
	CHECK(samsara_sscanf("65537", "%hu", &wrapped) == 1 && wrapped == 1);
}

static void percent_n_counts_consumed_characters(void)
{
	int value = 0, before = -1, after = -1;
	CHECK(samsara_sscanf("  123abc", "%n%d%n", &before, &value, &after) == 1);
	CHECK(before == 0 && value == 123 && after == 5);
	char word[8];
	int hh_count = -1;
	signed char small = -1;
	CHECK(samsara_sscanf("word rest", "%s%hhn %n", word, &small, &hh_count) == 1);
	CHECK(small == 4 && hh_count == 5);
	CHECK(samsara_sscanf("", "%n", &before) == 0 && before == 0);
}

static void end_of_input_before_any_item_is_eof(void)
{
	int a = 0, b = 0;
	CHECK(samsara_sscanf("", "%d", &a) == EOF);
	CHECK(samsara_sscanf("   ", "%d", &a) == EOF);
	CHECK(samsara_sscanf("x", "x%d", &a) == EOF);
	CHECK(samsara_sscanf("abc", "%d", &a) == 0);
	CHECK(samsara_sscanf("1", "%d %d", &a, &b) == 1 && a == 1);
	CHECK(samsara_sscanf("", " ") == 0);
}

static void suppressed_items_are_read_but_not_counted(void)
{
	int a = 0;
	char word[8] = "";
	CHECK(samsara_sscanf("skip 42", "%*s %d", &a) == 1 && a == 42);
	CHECK(samsara_sscanf("12 keep", "%*d %7s", word) == 1 && strcmp(word, "keep") == 0);
	CHECK(samsara_sscanf("abc", "%*[a-z]%d", &a) == EOF);
}

int main(void)
{
	RUN(integer_conversions_match_the_host);
	RUN(string_conversions_match_the_host);
	RUN(length_modifiers_store_the_right_width);
	RUN(percent_n_counts_consumed_characters);
	RUN(end_of_input_before_any_item_is_eof);
	RUN(suppressed_items_are_read_but_not_counted);
	return unit_summary();
}
