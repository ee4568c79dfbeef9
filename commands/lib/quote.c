/*
 * File names in messages, quoted as GNU's quotef quotes them: as they are
 * when they are harmless to a shell (or always, as stat's %N does), else
 * in single quotes (double quotes for a name whose only awkward character
 * is a quote), with control characters written $'\n'.
 */
#include "cmd.h"
#include <stdlib.h>
#include <string.h>

#define SHELL_SPECIAL "!\"$&()*;<=>?[\\^`|: '\t"

static char *last_quoted;  /* freed by the next call */

static int is_control(unsigned char c)
{
	return c < 32 || c == 127;
}

static int needs_quotes(const char *name)
{
	if (!*name || strchr("#~", name[0]) || strcmp(name, "{") == 0 || strcmp(name, "}") == 0)
		return 1;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (is_control(*p) || strchr(SHELL_SPECIAL, *p))
			return 1;
	return 0;
}

/* Whether double quotes can hold the name as it is (it has a ' but no $ ` " \ ...). */
static int fits_double_quotes(const char *name)
{
	if (!strchr(name, '\''))
		return 0;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (is_control(*p) || strchr("!\"$&()*;<=>?[\\^`|", *p))
			return 0;
	return 1;
}

/* Copies text to out; returns the end. */
static char *append(char *out, const char *text)
{
	size_t len = strlen(text);
	memcpy(out, text, len);
	return out + len;
}

/* Appends the $'...' form of control character c, between single-quoted parts. */
static char *put_control(char *out, unsigned char c)
{
	static const char named[] = "\aa\bb\ff\nn\rr\tt\vv";
	const char *at = c ? memchr(named, c, sizeof(named) - 1) : NULL;
	out = append(out, "'$'\\");
	if (at && (at - named) % 2 == 0) {
		*out++ = at[1];
	} else {
		*out++ = (char)('0' + (c >> 6));
		*out++ = (char)('0' + ((c >> 3) & 7));
		*out++ = (char)('0' + (c & 7));
	}
	return append(out, "''");
}

static const char *quote(const char *name, int always)
{
	free(last_quoted);
	last_quoted = NULL;
	if (!always && !needs_quotes(name))
		return name;
	size_t len = strlen(name);
	char *out = last_quoted = cmd_malloc(len * 10 + 3);
	if (fits_double_quotes(name)) {
		out[0] = '"';
		memcpy(out + 1, name, len);
		strcpy(out + 1 + len, "\"");
		return last_quoted;
	}
	*out++ = '\'';
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p == '\'')
			out = append(out, "'\\''");
		else if (is_control(*p))
			out = put_control(out, *p);
		else
			*out++ = (char)*p;
	}
	strcpy(out, "'");
	return last_quoted;
}

const char *quoted(const char *name)
{
	return quote(name, 0);
}

const char *quoted_always(const char *name)
{
	return quote(name, 1);
}
