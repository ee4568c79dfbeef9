/* Lines and strings through a stream: fgets, getdelim, getline, fputs, puts. */
#include <libc_private.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* NULL if the end of the input or an error came before any character. */
char *fgets(char *s, int size, FILE *f)
{
	if (size <= 0) {
		errno = EINVAL;
		return NULL;
	}
	int n = 0;
	while (n < size - 1) {
		int c = fgetc(f);
		if (c == EOF)
			break;
		s[n++] = (char)c;
		if (c == '\n')
			break;
	}
	if (n == 0 && size > 1)
		return NULL;
	s[n] = '\0';
	return s;
}

/* Makes *line hold at least need bytes, growing it by doubling. */
static int reserve(char **line, size_t *size, size_t need)
{
	size_t have = *line ? *size : 0;
	if (need <= have)
		return 0;
	size_t grown = have < 64 ? 128 : have * 2;
	if (grown < need)
		grown = need;
	char *bigger = realloc(*line, grown);
	if (!bigger)
		return -1;
	*line = bigger;
	*size = grown;
	return 0;
}

ssize_t getdelim(char **line, size_t *size, int delimiter, FILE *f)
{
	if (!line || !size) {
		errno = EINVAL;
		f->flags |= __LIBC_STREAM_ERROR;
		return -1;
	}
	size_t n = 0;
	for (;;) {
		int c = fgetc(f);
		if (c == EOF)
			break;
		if (reserve(line, size, n + 2) < 0) {
			f->flags |= __LIBC_STREAM_ERROR;
			return -1;
		}
		(*line)[n++] = (char)c;
		if (c == delimiter)
			break;
	}
	if (n == 0)
		return -1;
	(*line)[n] = '\0';
	return (ssize_t)n;
}

ssize_t getline(char **line, size_t *size, FILE *f)
{
	return getdelim(line, size, '\n', f);
}

int fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);
	return __libc_stream_write(f, s, n) == n ? 0 : EOF;
}

/* The line and its newline, then one flush if stdout is line-buffered. */
int puts(const char *s)
{
	size_t n = strlen(s);
	if (__libc_stream_to_write(stdout) < 0 || __libc_stream_put(stdout, s, n) != n ||
	    __libc_stream_put(stdout, "\n", 1) != 1)
		return EOF;
	return stdout->buffering == _IOLBF && __libc_stream_flush(stdout) < 0 ? EOF : 0;
}
