/* Splitting strings into tokens: strtok_r, and strtok with hidden state. */
#include <string.h>

/*
 * Skips leading delimiters, NUL-terminates the token that follows and
 * leaves *state after it. Returns NULL once only delimiters remain, and
 * also when continuing (s == NULL) a scan that never started.
 */
char *strtok_r(char *s, const char *delim, char **state)
{
	if (!s && !(s = *state))
		return NULL;
	s += strspn(s, delim);
	if (!*s) {
		*state = s;
		return NULL;
	}
	char *end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*state = end;
	return s;
}

char *strtok(char *s, const char *delim)
{
	static char *state;
	return strtok_r(s, delim, &state);
}
