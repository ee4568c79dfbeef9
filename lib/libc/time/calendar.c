/*
 * Conversions between time_t and broken-down time, always in UTC (Samsara
 * has no time zones, so local time is UTC too). The day arithmetic is the
 * proleptic Gregorian "days from civil" method, which needs no tables or
 * loops over years and is exact for every year that fits in an int.
 */
#include <time.h>
#include <errno.h>
#include <limits.h>

#define SECONDS_PER_DAY 86400

/* Division rounding toward minus infinity, so times before 1970 work. */
static long long floor_div(long long a, long long b)
{
	return a / b - (a % b < 0);
}

static long long floor_mod(long long a, long long b)
{
	return a - floor_div(a, b) * b;
}

/* Days since 1970-01-01 of a date; month is 1..12. */
static long long days_from_civil(long long year, int month, int day)
{
	year -= month <= 2;
	long long era = floor_div(year, 400);
	long long year_of_era = year - era * 400;                      /* 0..399 */
	long long day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	return era * 146097 + day_of_era - 719468;
}

/* The date of a day since 1970-01-01, into tm_year, tm_mon and tm_mday. */
static long long civil_from_days(long long days, int *month, int *day)
{
	days += 719468;
	long long era = floor_div(days, 146097);
	long long day_of_era = days - era * 146097;                    /* 0..146096 */
	long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
		day_of_era / 146096) / 365;                            /* 0..399 */
	long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	long long shifted_month = (5 * day_of_year + 2) / 153;         /* 0 = March */
	*day = (int)(day_of_year - (153 * shifted_month + 2) / 5 + 1);
	*month = (int)(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
	return year_of_era + era * 400 + (*month <= 2);
}

/* Fails with EOVERFLOW if the year does not fit in tm_year. */
struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	long long days = floor_div(*t, SECONDS_PER_DAY);
	long long seconds = floor_mod(*t, SECONDS_PER_DAY);
	int month, day;
	long long year = civil_from_days(days, &month, &day);
	if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return NULL;
	}
	*tm = (struct tm){
		.tm_sec = (int)(seconds % 60),
		.tm_min = (int)(seconds / 60 % 60),
		.tm_hour = (int)(seconds / 3600),
		.tm_mday = day,
		.tm_mon = month - 1,
		.tm_year = (int)(year - 1900),
		.tm_wday = (int)floor_mod(days + 4, 7),    /* 1970-01-01 was a Thursday */
		.tm_yday = (int)(days - days_from_civil(year, 1, 1)),
		.tm_zone = "UTC",
	};
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm result;
	return gmtime_r(t, &result);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

/*
 * The time of a broken-down UTC time whose fields may be out of range
 * (month 14, day 0, second -1...): they carry into the larger fields, and
 * tm is rewritten normalised, with tm_wday and tm_yday filled in. Returns
 * -1 with EOVERFLOW if the normalised year does not fit.
 */
time_t timegm(struct tm *tm)
{
	long long year = 1900LL + tm->tm_year + floor_div(tm->tm_mon, 12);
	int month = (int)floor_mod(tm->tm_mon, 12) + 1;
	long long days = days_from_civil(year, month, 1) + tm->tm_mday - 1;
	time_t t = days * SECONDS_PER_DAY + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
	struct tm normalised;
	if (!gmtime_r(&t, &normalised))
		return -1;
	*tm = normalised;
	return t;
}

/* Local time is UTC, so tm_isdst is ignored and comes back 0. */
time_t mktime(struct tm *tm)
{
	return timegm(tm);
}
