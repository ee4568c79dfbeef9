/* The character classes of the C locale, looked up by name (charclass.h). */
#include "charclass.h"
#include <ctype.h>
#include <string.h>

static const struct {
	const char *name;
	char_class_test test;
} classes[] = {
	{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
	{ "upper", isupper }, { "lower", islower }, { "space", isspace },
	{ "blank", isblank }, { "punct", ispunct }, { "print", isprint },
	{ "graph", isgraph }, { "cntrl", iscntrl }, { "xdigit", isxdigit },
};

char_class_test char_class_find(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
			return classes[i].test;
	return NULL;
}
