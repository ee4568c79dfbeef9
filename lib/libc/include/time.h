/*
 * Calendar time. Samsara keeps no time zone: local time is UTC. time_t is
 * 64 bits so that dates past 2038 work; the conversions are exact for any
 * year that fits in an int.
 */
#pragma once
#include <stddef.h>

typedef long long time_t;

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

/* The current time, from PM (seconds since 1970, UTC). */
time_t time(time_t *out);

typedef int clockid_t;
#define CLOCK_REALTIME  0  /* time(), in whole seconds */
#define CLOCK_MONOTONIC 1  /* time since boot, to a clock tick */
int clock_gettime(clockid_t clock, struct timespec *now);
int nanosleep(const struct timespec *want, struct timespec *left);

struct tm {
	int tm_sec;    /* seconds after the minute, 0..60 */
	int tm_min;    /* 0..59 */
	int tm_hour;   /* 0..23 */
	int tm_mday;   /* day of the month, 1..31 */
	int tm_mon;    /* months since January, 0..11 */
	int tm_year;   /* years since 1900 */
	int tm_wday;   /* days since Sunday, 0..6 */
	int tm_yday;   /* days since 1 January, 0..365 */
	int tm_isdst;  /* always 0: UTC has no daylight saving time */
	long tm_gmtoff;     /* seconds east of UTC: always 0 */
	const char *tm_zone;  /* always "UTC" */
};

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *result);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *result);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
size_t strftime(char *buf, size_t size, const char *fmt, const struct tm *tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
