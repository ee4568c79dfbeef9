/* Duplicating strings into memory from malloc. */
#include <string.h>
#include <stdlib.h>

char *strdup(const char *s)
{
	return strndup(s, strlen(s));
}

/* Copies at most max bytes of s, always NUL-terminated. */
char *strndup(const char *s, size_t max)
{
	size_t len = strnlen(s, max);
	char *copy = malloc(len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}
