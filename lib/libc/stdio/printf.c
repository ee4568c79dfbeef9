/*
 * printf to the console. Until the console driver exists, output goes
 * through the kernel's diagnostic call (KC_DIAG), one call per printf so
 * that lines from different processes are not interleaved mid-line.
 */
#include <stdio.h>
#include <libsys.h>

int printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sys_diag(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	return n;
}
