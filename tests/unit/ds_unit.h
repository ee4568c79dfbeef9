/*
 * What the DS unit tests share: libc's strlcpy (glibc 2.36 has none;
 * host_compat.h declares it) and a store whose notifications are recorded.
 */
#pragma once

#include <string.h>
#include "store.h"

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t copy = n < size - 1 ? n : size - 1;
		memcpy(dst, src, copy);
		dst[copy] = '\0';
	}
	return n;
}

static endpoint_t notified[64];
static int nr_notified;

static void record_notify(endpoint_t ep)
{
	if (nr_notified < 64)
		notified[nr_notified++] = ep;
}

/* An empty store that records whom it notifies. */
static void fresh(void)
{
	store_reset();
	store_notify = record_notify;
	nr_notified = 0;
}
