/*
 * The POSIX character classes ("alpha", "digit", ...) by name, for the
 * bracket expressions of regex.c, glob.c and tr.
 */
#pragma once
#include <stddef.h>

typedef int (*char_class_test)(int c);

/* The test for the class called name[0..len), or NULL if there is none. */
char_class_test char_class_find(const char *name, size_t len);
