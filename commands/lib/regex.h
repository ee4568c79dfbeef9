/*
 * A small backtracking regular-expression engine for grep and expr:
 * POSIX basic (BRE) and extended (ERE) syntax with the GNU extensions most
 * scripts use. Supported: literals, ".", bracket expressions with ranges,
 * negation, [:class:], [.c.] and [=c=], "^" "$", groups, alternation, "*" "+" "?",
 * intervals {m,n}, back-references \1..\9, and \w \W \s \S \< \> \b \B.
 * In BRE, groups, intervals, "+", "?" and "|" are written \( \) \{ \} \+ \?
 * \|. Matching is leftmost, with greedy backtracking (not POSIX
 * leftmost-longest, which only shows in what a group captures).
 */
#pragma once
#include <stddef.h>

#define REGEX_EXTENDED 1  /* ERE syntax */
#define REGEX_ICASE    2  /* ignore case */
#define REGEX_GROUPS   10 /* group 0 is the whole match */

struct regex;

struct regex_match {
	long start[REGEX_GROUPS];  /* -1 when the group did not take part */
	long end[REGEX_GROUPS];
};

/*
 * Compiles pattern; on failure returns NULL and sets *error to a message
 * worded as glibc's. Empty patterns match everywhere.
 */
struct regex *regex_compile(const char *pattern, int flags, const char **error);
/* Finds the leftmost match in text[0..len); 1 if found, else 0. */
int regex_search(struct regex *re, const char *text, size_t len, struct regex_match *match);
/* The same, for matches that start at or after from. */
int regex_search_from(struct regex *re, const char *text, size_t len, size_t from, struct regex_match *match);
/* Whether the whole of text matches (grep -x). */
int regex_match_full(struct regex *re, const char *text, size_t len);
/* Matches only at the start of text (for expr's ":"); 1 if it does. */
int regex_match_start(struct regex *re, const char *text, size_t len, struct regex_match *match);
/* The number of \( \) groups in the pattern. */
int regex_group_count(const struct regex *re);
void regex_free(struct regex *re);
