/* What Samsara's libc has and the host's glibc 2.36 lacks, for code under test. */
#pragma once
#include <stddef.h>

size_t strlcpy(char *dst, const char *src, size_t size);
