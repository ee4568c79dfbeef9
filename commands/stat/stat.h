/* stat: one file as the format directives see it (directives.c). */
#pragma once
#include <sys/stat.h>

struct stat_file {
	const char *name;   /* as given */
	struct stat st;
	int quote_names;    /* %N quotes names ('a' -> 'b'), as when -c has "%N" */
};

/* Writes format with its %-directives replaced by what they say of file. */
void stat_print(const char *format, const struct stat_file *file);
