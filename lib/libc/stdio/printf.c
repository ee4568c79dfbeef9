/*
 * printf to standard output, one write per call so that lines from
 * different processes do not interleave mid-line. A process VFS does not
 * know (a system service, or anything before VFS runs) has no standard
 * output: its text goes to the kernel's log console instead (KC_DIAG).
 * The buffered FILE layer will replace this.
 */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <libsys.h>

int printf(const char *fmt, ...)
{
	static bool no_stdout;
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	size_t len = n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1;
	if (!no_stdout && write(STDOUT_FILENO, buf, len) >= 0)
		return n;
	if (!no_stdout && errno != EBADF && errno != ENOSYS)
		return -1;  /* a real error on a real standard output */
	no_stdout = true;
	sys_diag(buf, len);
	return n;
}
