/*
 * Formatting into memory from malloc: asprintf, vasprintf. The text is
 * measured first and formatted second, so there is one allocation of the
 * exact size. On failure *result is NULL and the return value -1.
 */
#include <stdio.h>
#include <stdlib.h>

int vasprintf(char **result, const char *fmt, va_list ap)
{
	va_list measure;
	va_copy(measure, ap);
	int n = vsnprintf(NULL, 0, fmt, measure);
	va_end(measure);
	*result = n < 0 ? NULL : malloc((size_t)n + 1);
	if (!*result)
		return -1;
	return vsnprintf(*result, (size_t)n + 1, fmt, ap);
}

int asprintf(char **result, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(result, fmt, ap);
	va_end(ap);
	return n;
}
