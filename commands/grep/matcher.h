/* grep's patterns: a list of regular expressions or fixed strings. */
#pragma once
#include <stddef.h>

enum syntax { SYNTAX_BASIC, SYNTAX_EXTENDED, SYNTAX_FIXED };

struct matcher {
	enum syntax syntax;
	int ignore_case, whole_lines, whole_words;
	int given;               /* a pattern came from -e or -f */
	char **patterns;
	size_t count, cap;
	struct regex **compiled; /* one per pattern, unless fixed */
};

void matcher_init(struct matcher *m);
/* Adds the newline-separated patterns in text[0..len). */
void matcher_add_patterns(struct matcher *m, const char *text, size_t len);
/* Adds the patterns of a file, one a line (exits with 2 on an error). */
void matcher_add_file(struct matcher *m, const char *path);
/* Compiles the patterns (exits with 2 on a bad one). */
void matcher_compile(struct matcher *m);
/* Whether a line (without its newline) matches any pattern. */
int matcher_matches(struct matcher *m, const char *line, size_t len);
