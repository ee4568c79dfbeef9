/* sort's shared types: the lines held in memory and the sort keys. */
#pragma once
#include <stddef.h>

struct line {
	const char *text;   /* without its newline */
	size_t len;
};

struct key {
	size_t start_field, start_char;  /* 1-based */
	size_t end_field, end_char;      /* end_field 0: end of line; end_char 0: end of field */
	int numeric, reverse, fold, skip_start_blanks, skip_end_blanks;
};

struct sort_config {
	struct key *keys;
	size_t key_count;
	struct key global;   /* options given outside -k, and the whole-line key */
	int tab;             /* -t separator, or -1 for blank runs */
	int unique, stable;
};

/* Compares two lines by the keys (with GNU's last-resort whole-line compare if last_resort). */
int compare_lines(const struct sort_config *config, const struct line *a, const struct line *b, int last_resort);
/* Parses a -k argument ("2", "2,3", "1.2,1.4n", ...); -1 if invalid. */
int parse_key(const char *text, struct key *key);
