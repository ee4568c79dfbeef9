/* Formatted input from a string: sscanf, vsscanf, over the scanf core. */
#include <stdio.h>
#include <libc_private.h>

struct string_input {
	const unsigned char *next;
};

static int string_next(void *context)
{
	struct string_input *in = context;
	return *in->next ? *in->next++ : EOF;
}

/* The core only pushes back the character it just read. */
static void string_push_back(void *context, int c)
{
	struct string_input *in = context;
	(void)c;
	in->next--;
}

int vsscanf(const char *s, const char *fmt, va_list ap)
{
	struct string_input in = { (const unsigned char *)s };
	struct __libc_scan_input input = { string_next, string_push_back, &in };
	return __libc_vscan(&input, fmt, ap);
}

int sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsscanf(s, fmt, ap);
	va_end(ap);
	return n;
}
