/* POSIX <utime.h>: setting a file's access and modification times. */
#pragma once

#include <time.h>

struct utimbuf {
	time_t actime;
	time_t modtime;
};

/* times NULL: both become now. */
int utime(const char *path, const struct utimbuf *times);
