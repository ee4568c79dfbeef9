/*
 * Samsara's strtol family and atoi against the host's C library: value,
 * errno and end pointer for every input in every interesting base.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "libc_test.h"

static const char *const inputs[] = {
	"", " ", "0", "-0", "+0", "1", "-1", "  42abc", "0x", "0x1g", "0X1F", "-0x10", " 0xz",
	"077", "08", "z", "Z9", "1010", "\t\n+12", "+-1", "- 1", "0b101", "1e5", "0x", "-",
	"2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"-9223372036854775809", "18446744073709551615", "18446744073709551616",
	"-18446744073709551615", "-18446744073709551616", "99999999999999999999999xyz",
	"0x7fffffffffffffff", "0xffffffffffffffff", "0x10000000000000000", "-0xffffffffffffffff",
	"zzzzzzzzzzzzz", "00000000000000000000000000000001", "777777777777777777777",
	"1777777777777777777777", "2000000000000000000000", "11111111111111111111111111111111",
	"3w5e11264sgsf", "3w5e11264sgsg", "\xff" "1",
};
#define INPUTS (sizeof(inputs) / sizeof(inputs[0]))

static const int bases[] = { 0, 2, 8, 10, 16, 36, 3, 35 };
#define BASES (sizeof(bases) / sizeof(bases[0]))

/* Calls both versions of one function with errno cleared and compares everything. */
#define COMPARE(ours, host, s, base) do { \
	char *our_end, *host_end; \
	samsara_errno = 0; \
	errno = 0; \
	__typeof__(host(s, NULL, 0)) our_value = ours(s, &our_end, base); \
	__typeof__(host(s, NULL, 0)) host_value = host(s, &host_end, base); \
	CHECK(our_value == host_value); \
	CHECK(samsara_errno == errno); \
	CHECK(our_end == host_end); \
	} while (0)

static void signed_conversions_match_the_host(void)
{
	for (size_t i = 0; i < INPUTS; i++) {
		for (size_t b = 0; b < BASES; b++) {
			COMPARE(samsara_strtol, strtol, inputs[i], bases[b]);
			COMPARE(samsara_strtoll, strtoll, inputs[i], bases[b]);
		}
	}
}

static void unsigned_conversions_match_the_host(void)
{
	for (size_t i = 0; i < INPUTS; i++) {
		for (size_t b = 0; b < BASES; b++) {
			COMPARE(samsara_strtoul, strtoul, inputs[i], bases[b]);
			COMPARE(samsara_strtoull, strtoull, inputs[i], bases[b]);
		}
	}
}

static void an_invalid_base_is_einval_and_zero(void)
{
	const int invalid[] = { 1, 37, -1, 100 };
	for (size_t b = 0; b < sizeof(invalid) / sizeof(invalid[0]); b++) {
		char *end = NULL;
		samsara_errno = 0;
		CHECK(samsara_strtol("123", &end, invalid[b]) == 0);
		CHECK(samsara_errno == EINVAL);
		CHECK(end && strcmp(end, "123") == 0);
		samsara_errno = 0;
		CHECK(samsara_strtoull("123", NULL, invalid[b]) == 0 && samsara_errno == EINVAL);
	}
}

static void a_null_end_pointer_is_allowed(void)
{
	CHECK(samsara_strtol("-17", NULL, 10) == -17);
	CHECK(samsara_strtoul("ff", NULL, 16) == 255);
}

static void atoi_family_reads_decimal_like_the_host(void)
{
	const char *const decimal[] = { "0", "42", "-42", "  +7x", "", "abc", "2147483647",
		"-2147483648", "007", "0x10" };
	for (size_t i = 0; i < sizeof(decimal) / sizeof(decimal[0]); i++) {
		CHECK(samsara_atoi(decimal[i]) == atoi(decimal[i]));
		CHECK(samsara_atol(decimal[i]) == atol(decimal[i]));
		CHECK(samsara_atoll(decimal[i]) == atoll(decimal[i]));
	}
}

int main(void)
{
	RUN(signed_conversions_match_the_host);
	RUN(unsigned_conversions_match_the_host);
	RUN(an_invalid_base_is_einval_and_zero);
	RUN(a_null_end_pointer_is_allowed);
	RUN(atoi_family_reads_decimal_like_the_host);
	return unit_summary();
}
