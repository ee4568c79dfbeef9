/*
 * asctime and ctime: the fixed format "Thu Nov 26 15:03:26 2026\n" of
 * ISO C. The result takes at most 26 bytes; a year of more than four
 * digits does not fit, and gives NULL with EOVERFLOW.
 */
#include <time.h>
#include <errno.h>

#define ASCTIME_SIZE 26

char *asctime_r(const struct tm *tm, char *buf)
{
	if (!strftime(buf, ASCTIME_SIZE, "%a %b %e %H:%M:%S %Y\n", tm)) {
		errno = EOVERFLOW;
		return NULL;
	}
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[ASCTIME_SIZE];
	return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;
	return localtime_r(t, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *t)
{
	struct tm tm;
	return localtime_r(t, &tm) ? asctime(&tm) : NULL;
}
