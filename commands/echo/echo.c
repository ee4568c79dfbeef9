/*
 * echo: write the arguments separated by spaces and ended by a newline.
 * As GNU's: leading words made only of n, e and E letters are options;
 * -n drops the newline, -e interprets backslash escapes, -E (default) not.
 */
#include "../lib/cmd.h"
#include <string.h>

/* Whether word is an option group like "-n" or "-neE". */
static int is_option(const char *word)
{
	if (word[0] != '-' || word[1] == '\0')
		return 0;
	return strspn(word + 1, "neE") == strlen(word + 1);
}

/* Writes an octal escape "\0NNN" (up to 3 digits after the 0). */
static const char *put_octal(const char *p)
{
	int value = 0;
	for (int i = 0; i < 3 && *p >= '0' && *p <= '7'; i++)
		value = value * 8 + (*p++ - '0');
	out_char(value);
	return p;
}

/* Writes word with escapes interpreted; returns 0 after "\c" (stop all). */
static int put_escaped(const char *p)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
	while (*p) {
		if (*p != '\\' || p[1] == '\0') {
			out_char(*p++);
			continue;
		}
		p++;
		const char *known = strchr(from, *p);
		if (*p == 'c')
			return 0;
		if (*p == '0') {
			p = put_octal(p + 1);
		} else if (known) {
			out_char(to[known - from]);
			p++;
		} else {
			out_char('\\');
		}
	}
	return 1;
}

int main(int argc, char **argv)
{
	int newline = 1, escapes = 0, i = 1;
	cmd_init("echo");
	for (; i < argc && is_option(argv[i]); i++) {
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (int first = i; i < argc; i++) {
		if (i > first)
			out_char(' ');
		if (!escapes)
			out_str(argv[i]);
		else if (!put_escaped(argv[i]))
			cmd_exit(0);
	}
	if (newline)
		out_char('\n');
	cmd_exit(0);
}
