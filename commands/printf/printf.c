/*
 * printf: write arguments under the control of a format. Conversions
 * d i o u x X c s b and %%, with flags, width and precision (also *);
 * escapes \\ \a \b \f \n \r \t \v \NNN \xHH and \c (stop). The format is
 * reused while arguments remain; missing ones read as "" or 0. Numeric
 * arguments may be C constants (0x1f, 017) or 'c (a character's code).
 */
#include "../lib/cmd.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct args {
	char **items;
	int count, next;
	int status;
	int stop;      /* \c was seen */
};

static const char *next_arg(struct args *a)
{
	return a->next < a->count ? a->items[a->next++] : NULL;
}

/* Writes the escape at p (after the backslash); returns what follows. */
static const char *put_escape(struct args *a, const char *p, int in_b)
{
	static const char from[] = "\\abfnrtv\"'", to[] = "\\\a\b\f\n\r\t\v\"'";
	const char *known = *p ? strchr(from, *p) : NULL;
	int value = 0, digits = 0;
	if (known) {
		out_char(to[known - from]);
		return p + 1;
	}
	if (*p == 'c') {
		a->stop = 1;
		return p + 1;
	}
	if (*p == 'x' && isxdigit((unsigned char)p[1])) {
		for (p++; digits < 2 && isxdigit((unsigned char)*p); digits++, p++)
			value = value * 16 + (isdigit((unsigned char)*p) ? *p - '0' : tolower((unsigned char)*p) - 'a' + 10);
		out_char(value);
		return p;
	}
	if (*p >= '0' && *p <= '7') {
		if (in_b && *p == '0')  /* %b takes \0NNN */
			p++;
		for (; digits < 3 && *p >= '0' && *p <= '7'; digits++, p++)
			value = value * 8 + (*p - '0');
		out_char(value);
		return p;
	}
	out_char('\\');
	return p;
}

/* %b: the argument with its escapes interpreted. */
static void put_escaped_string(struct args *a, const char *s)
{
	while (*s && !a->stop) {
		if (*s == '\\')
			s = put_escape(a, s + 1, 1);
		else
			out_char(*s++);
	}
}

/* Converts a numeric argument, reporting bad ones as GNU does. */
static long long numeric_arg(struct args *a, int is_unsigned)
{
	const char *text = next_arg(a);
	char *end;
	if (!text || !*text)
		return 0;
	if (text[0] == '\'' || text[0] == '"')
		return (unsigned char)text[1];
	errno = 0;
	long long value = is_unsigned && text[0] != '-' ? (long long)strtoull(text, &end, 0) : strtoll(text, &end, 0);
	if (end == text) {
		cmd_error("'%s': expected a numeric value", text);
		a->status = 1;
	} else if (*end) {
		cmd_error("'%s': value not completely converted", text);
		a->status = 1;
	} else if (errno == ERANGE) {
		cmd_error("'%s': %s", text, strerror(errno));
		a->status = 1;
	}
	return value;
}

/* Copies flags, width and precision into spec; returns what follows. */
static const char *parse_spec(struct args *a, const char *p, char *spec, size_t size)
{
	size_t len = 1;
	spec[0] = '%';
	while (*p && strchr("-+ #0", *p) && len < size - 24)
		spec[len++] = *p++;
	for (int part = 0; part < 2; part++) {
		if (part == 1) {
			if (*p != '.')
				break;
			spec[len++] = *p++;
		}
		if (*p == '*') {
			len += (size_t)snprintf(spec + len, size - len, "%d", (int)numeric_arg(a, 0));
			p++;
		}
		while (isdigit((unsigned char)*p) && len < size - 24)
			spec[len++] = *p++;
	}
	spec[len] = '\0';
	return p;
}

/* Writes one conversion; returns what follows it in the format. */
static const char *put_conversion(struct args *a, const char *p)
{
	char spec[64];
	p = parse_spec(a, p, spec, sizeof(spec) - 8);
	char conversion = *p;
	size_t len = strlen(spec);
	if (conversion == '\0') {
		cmd_error("%%%s: invalid conversion specification", spec + 1);
		cmd_exit(1);
	}
	if (strchr("diouxX", conversion)) {
		snprintf(spec + len, sizeof(spec) - len, "ll%c", conversion);
		out_format(spec, numeric_arg(a, conversion != 'd' && conversion != 'i'));
	} else if (conversion == 's' || conversion == 'c' || conversion == 'b') {
		const char *text = next_arg(a);
		if (conversion == 'b') {
			put_escaped_string(a, text ? text : "");
			return p + 1;
		}
		char one[2] = { text ? text[0] : '\0', '\0' };
		snprintf(spec + len, sizeof(spec) - len, "s");
		out_format(spec, conversion == 'c' ? one : (text ? text : ""));
	} else {
		cmd_error("%%%s%c: invalid conversion specification", spec + 1, conversion);
		cmd_exit(1);
	}
	return p + 1;
}

/* Runs the format once. */
static void run_format(struct args *a, const char *format)
{
	const char *p = format;
	while (*p && !a->stop) {
		if (*p == '\\') {
			p = put_escape(a, p + 1, 0);
		} else if (*p == '%' && p[1] == '%') {
			out_char('%');
			p += 2;
		} else if (*p == '%') {
			p = put_conversion(a, p + 1);
		} else {
			out_char(*p++);
		}
	}
}

int main(int argc, char **argv)
{
	cmd_init("printf");
	int first = argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
	if (first >= argc) {
		cmd_error("missing operand");
		cmd_usage(1, "printf format [argument...]");
	}
	struct args a = { argv + first + 1, argc - first - 1, 0, 0, 0 };
	do {
		int before = a.next;
		run_format(&a, argv[first]);
		if (a.next == before)
			break;
	} while (a.next < a.count && !a.stop);
	cmd_exit(a.status);
}
