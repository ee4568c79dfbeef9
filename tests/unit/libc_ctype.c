/* Samsara's <ctype.h> against the host's C library in the C locale, for EOF and every byte. */
#include <ctype.h>
#include <stdio.h>
#include "unit.h"
#include "libc_test.h"

static void every_class_matches_the_host(void)
{
	for (int c = EOF; c < 256; c++) {
		CHECK(!samsara_isalnum(c) == !isalnum(c));
		CHECK(!samsara_isalpha(c) == !isalpha(c));
		CHECK(!samsara_isblank(c) == !isblank(c));
		CHECK(!samsara_iscntrl(c) == !iscntrl(c));
		CHECK(!samsara_isdigit(c) == !isdigit(c));
		CHECK(!samsara_isgraph(c) == !isgraph(c));
		CHECK(!samsara_islower(c) == !islower(c));
		CHECK(!samsara_isprint(c) == !isprint(c));
		CHECK(!samsara_ispunct(c) == !ispunct(c));
		CHECK(!samsara_isspace(c) == !isspace(c));
		CHECK(!samsara_isupper(c) == !isupper(c));
		CHECK(!samsara_isxdigit(c) == !isxdigit(c));
	}
}

static void case_mapping_matches_the_host(void)
{
	for (int c = EOF; c < 256; c++) {
		CHECK(samsara_tolower(c) == tolower(c));
		CHECK(samsara_toupper(c) == toupper(c));
	}
}

static void values_outside_a_byte_are_in_no_class(void)
{
	CHECK(!samsara_isalpha(256 + 'a') && !samsara_isspace(-2) && !samsara_isprint(1000));
	CHECK(samsara_tolower(256 + 'A') == 256 + 'A');
}

int main(void)
{
	RUN(every_class_matches_the_host);
	RUN(case_mapping_matches_the_host);
	RUN(values_outside_a_byte_are_in_no_class);
	return unit_summary();
}
