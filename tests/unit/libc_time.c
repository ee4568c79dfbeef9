/*
 * Samsara's <time.h> against the host's C library in UTC: broken-down time
 * for timestamps across five millennia, timegm's normalisation of fields
 * out of range, every strftime conversion, and the asctime format.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "unit.h"
#include "libc_test.h"

static bool same_tm(const struct samsara_tm *ours, const struct tm *host)
{
	return ours->tm_sec == host->tm_sec && ours->tm_min == host->tm_min &&
		ours->tm_hour == host->tm_hour && ours->tm_mday == host->tm_mday &&
		ours->tm_mon == host->tm_mon && ours->tm_year == host->tm_year &&
		ours->tm_wday == host->tm_wday && ours->tm_yday == host->tm_yday &&
		ours->tm_isdst == host->tm_isdst;
}

/* Timestamps from about year -1000 to 3000: fixed points, then pseudo-random ones. */
static long long timestamp(unsigned i)
{
	static const long long fixed[] = { 0, -1, 1, 86399, 86400, -86400, 951782400, 951868800,
		4107542400LL, 4107456000LL, 2147483647, 2147483648LL, -2147483648LL, 253402300799LL,
		-62135596800LL, 1790000000, 68256000 };
	if (i < sizeof(fixed) / sizeof(fixed[0]))
		return fixed[i];
	unsigned long long x = i * 0x9e3779b97f4a7c15ULL;
	x ^= x >> 29;
	return (long long)(x % 126230400000ULL) - 94670856000LL;
}

static void gmtime_matches_the_host(void)
{
	for (unsigned i = 0; i < 200000; i++) {
		samsara_time_t ours_t = timestamp(i);
		time_t host_t = (time_t)ours_t;
		struct samsara_tm ours;
		struct tm host;
		CHECK(samsara_gmtime_r(&ours_t, &ours) == &ours);
		gmtime_r(&host_t, &host);
		CHECK(same_tm(&ours, &host));
		CHECK(ours.tm_gmtoff == 0 && strcmp(ours.tm_zone, "UTC") == 0);
		CHECK(samsara_timegm(&ours) == ours_t);
	}
}

static void leap_years_follow_the_gregorian_rules(void)
{
	struct samsara_tm tm = { .tm_year = 100, .tm_mon = 1, .tm_mday = 29 };
	CHECK(samsara_timegm(&tm) == 951782400 && tm.tm_mon == 1 && tm.tm_mday == 29);
	tm = (struct samsara_tm){ .tm_year = 200, .tm_mon = 1, .tm_mday = 29 };
	samsara_timegm(&tm);
	CHECK(tm.tm_mon == 2 && tm.tm_mday == 1);  /* 2100 is not a leap year */
	tm = (struct samsara_tm){ .tm_year = 124, .tm_mon = 11, .tm_mday = 31 };
	samsara_timegm(&tm);
	CHECK(tm.tm_yday == 365);  /* 2024 is */
}

static void timegm_normalises_like_the_host(void)
{
	const int fields[][6] = {  /* year, mon, mday, hour, min, sec */
		{ 70, 0, 1, 0, 0, 0 }, { 126, 13, 1, 0, 0, 0 }, { 126, -1, 1, 0, 0, 0 },
		{ 126, 0, 0, 0, 0, 0 }, { 126, 0, 400, 0, 0, 0 }, { 126, 0, 1, -1, 0, 0 },
		{ 126, 0, 1, 0, 0, -1 }, { 126, 0, 1, 0, 0, 60 }, { 126, 0, 1, 25, 61, 3661 },
		{ 100, 1, 29, 12, 0, 0 }, { 200, 1, 29, 0, 0, 0 }, { 0, 0, 1, 0, 0, 0 },
		{ -1900, 0, 1, 0, 0, 0 }, { 8099, 11, 31, 23, 59, 59 }, { 126, -25, -40, 100, -100, 100000 },
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		struct samsara_tm ours = { .tm_year = fields[i][0], .tm_mon = fields[i][1], .tm_mday = fields[i][2],
			.tm_hour = fields[i][3], .tm_min = fields[i][4], .tm_sec = fields[i][5] };
		struct tm host = { .tm_year = fields[i][0], .tm_mon = fields[i][1], .tm_mday = fields[i][2],
			.tm_hour = fields[i][3], .tm_min = fields[i][4], .tm_sec = fields[i][5] };
		CHECK(samsara_timegm(&ours) == timegm(&host));
		CHECK(same_tm(&ours, &host));
		struct samsara_tm local = ours;
		local.tm_isdst = 1;  /* ignored: local time is UTC */
		CHECK(samsara_mktime(&local) == samsara_timegm(&ours) && local.tm_isdst == 0);
	}
}

static void out_of_range_years_are_eoverflow(void)
{
	samsara_time_t huge = INT64_MAX;
	struct samsara_tm tm;
	samsara_errno = 0;
	CHECK(samsara_gmtime_r(&huge, &tm) == NULL && samsara_errno == EOVERFLOW);
	tm = (struct samsara_tm){ .tm_year = INT32_MAX, .tm_mon = 12, .tm_mday = 1 };
	samsara_errno = 0;
	CHECK(samsara_timegm(&tm) == -1 && samsara_errno == EOVERFLOW);
}

static void strftime_conversions_match_the_host(void)
{
	static const char conversions[] = "aAbBcCdDeFgGhHIjklmMnprRsStTuUVwWxXyY%";
	char fmt[8], ours[128], host[128];
	for (unsigned i = 0; i < 20000; i++) {
		/* Years 1000..9999: glibc writes %C of earlier years in one digit, POSIX in two. */
		samsara_time_t ours_t = timestamp(i) % 253402300800LL;
		if (ours_t < -30610224000LL)
			ours_t = -ours_t;
		time_t host_t = (time_t)ours_t;
		struct samsara_tm our_tm;
		struct tm host_tm;
		samsara_gmtime_r(&ours_t, &our_tm);
		gmtime_r(&host_t, &host_tm);
		for (const char *c = conversions; *c; c++) {
			snprintf(fmt, sizeof(fmt), "<%%%c>", *c);
			size_t our_length = samsara_strftime(ours, sizeof(ours), fmt, &our_tm);
			size_t host_length = strftime(host, sizeof(host), fmt, &host_tm);
			CHECK(our_length == host_length && strcmp(ours, host) == 0);
			if (our_length != host_length || strcmp(ours, host) != 0)
				printf("# %lld %s: ours \"%s\", host \"%s\"\n", ours_t, fmt, ours, host);
		}
	}
}

static void strftime_names_utc_and_fails_when_full(void)
{
	samsara_time_t t = 1790000000;
	struct samsara_tm tm;
	samsara_gmtime_r(&t, &tm);
	char buf[64];
	CHECK(samsara_strftime(buf, sizeof(buf), "%F %T %Z %z", &tm) == 29);
	CHECK(strcmp(buf, "2026-09-21 14:13:20 UTC +0000") == 0);
	CHECK(samsara_strftime(buf, 10, "%F", &tm) == 0);
	CHECK(samsara_strftime(buf, 11, "%F", &tm) == 10);
	CHECK(samsara_strftime(buf, sizeof(buf), "%q %Ey %Od %", &tm) == 10 && strcmp(buf, "%q 26 21 %") == 0);
	CHECK(samsara_strftime(buf, 1, "%s", &tm) == 0);
	tm.tm_year = 500 - 1900;
	CHECK(samsara_strftime(buf, sizeof(buf), "%C|%y|%Y", &tm) == 9 && strcmp(buf, "05|00|500") == 0);
}

static void asctime_and_ctime_match_the_host(void)
{
	for (unsigned i = 0; i < 2000; i++) {
		samsara_time_t ours_t = timestamp(i) % 253402300800LL;
		if (ours_t < 0)
			ours_t = -ours_t;
		time_t host_t = (time_t)ours_t;
		char ours[26], host[26];
		struct tm host_tm;
		gmtime_r(&host_t, &host_tm);
		CHECK(samsara_ctime_r(&ours_t, ours) == ours);
		CHECK(strcmp(ours, asctime_r(&host_tm, host)) == 0);
	}
	samsara_time_t t = 1795705406;
	CHECK(strcmp(samsara_ctime(&t), "Thu Nov 26 15:03:26 2026\n") == 0);
	CHECK(strcmp(samsara_asctime(samsara_gmtime(&t)), "Thu Nov 26 15:03:26 2026\n") == 0);
	struct samsara_tm far = *samsara_localtime(&t);
	far.tm_year = 10000;
	samsara_errno = 0;
	CHECK(samsara_asctime(&far) == NULL && samsara_errno == EOVERFLOW);
}

int main(void)
{
	setenv("TZ", "UTC", 1);  /* the host's %s and mktime then agree with UTC */
	tzset();
	RUN(gmtime_matches_the_host);
	RUN(leap_years_follow_the_gregorian_rules);
	RUN(timegm_normalises_like_the_host);
	RUN(out_of_range_years_are_eoverflow);
	RUN(strftime_conversions_match_the_host);
	RUN(strftime_names_utc_and_fails_when_full);
	RUN(asctime_and_ctime_match_the_host);
	return unit_summary();
}
