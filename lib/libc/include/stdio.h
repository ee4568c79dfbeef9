/*
 * Formatted output and input on strings. printf goes to the console through
 * the kernel's diagnostic call for now; FILE streams come with the system
 * calls and will share the formatting cores in <libc_private.h>.
 *
 * Conversions: d i u o x X c s p %, with the flags - + space 0 #, width and
 * precision (also as *), and the length modifiers hh h l ll j z t. There is
 * no floating point in Samsara, so %f %e %g %a are not supported (they are
 * copied to the output as written and consume no argument), nor is %n.
 */
#pragma once
#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

int rename(const char *from, const char *to);
int printf(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((__format__(__printf__, 3, 4)));
int asprintf(char **result, const char *fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
int vsprintf(char *buf, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 2, 0)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 3, 0)));
int vasprintf(char **result, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 2, 0)));

int sscanf(const char *s, const char *fmt, ...) __attribute__((__format__(__scanf__, 2, 3)));
int vsscanf(const char *s, const char *fmt, va_list ap) __attribute__((__format__(__scanf__, 2, 0)));
