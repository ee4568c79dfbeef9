/* Copying and concatenating strings, bounded and unbounded. */
#include <string.h>

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

char *strcpy(char *dst, const char *src)
{
	return memcpy(dst, src, strlen(src) + 1);
}

/* Copies at most n bytes and fills the rest of dst with NULs, as ISO C asks. */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t len = strnlen(src, n);
	memcpy(dst, src, len);
	memset(dst + len, '\0', n - len);
	return dst;
}

char *strcat(char *dst, const char *src)
{
	memcpy(dst + strlen(dst), src, strlen(src) + 1);
	return dst;
}

/* Appends at most n bytes of src, always followed by a NUL. */
char *strncat(char *dst, const char *src, size_t n)
{
	char *end = dst + strlen(dst);
	size_t len = strnlen(src, n);
	memcpy(end, src, len);
	end[len] = '\0';
	return dst;
}

/*
 * Appends src to dst where dst has room for size bytes in all, and returns
 * the length it tried to make: truncation happened if that is >= size. If
 * dst holds no NUL within size bytes, nothing is written.
 */
size_t strlcat(char *dst, const char *src, size_t size)
{
	size_t used = strnlen(dst, size);
	if (used == size)
		return size + strlen(src);
	return used + strlcpy(dst + used, src, size - used);
}
