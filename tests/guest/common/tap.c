/* TAP reporting for guest test programs; see tap.h. */
#include <libsys.h>
#include <stdarg.h>
#include <stdio.h>
#include "tap.h"

#define EXIT_CODE_PASS 0x10   /* QEMU exits with (code << 1) | 1 */
#define EXIT_CODE_FAIL 0x11

static int tests_run, tests_failed;

static void write_console(const char *s, size_t n)
{
	sys_diag(s, n);
}

static void (*writer)(const char *s, size_t n) = write_console;

void tap_set_writer(void (*write)(const char *s, size_t n))
{
	writer = write;
}

__attribute__((format(printf, 1, 2))) static void report(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	writer(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

void check(bool ok, const char *what, const char *fmt, ...)
{
	char detail[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	tests_run++;
	if (ok) {
		report("ok %d - %s\n", tests_run, what);
	} else {
		tests_failed++;
		report("not ok %d - %s\n# %s\n", tests_run, what, detail);
	}
}

void check_eq(int got, int want, const char *what)
{
	check(got == want, what, "got %d, expected %d", got, want);
}

void tap_finish(const char *program)
{
	report("1..%d\n", tests_run);
	report("# %s: %d passed, %d failed\n", program, tests_run - tests_failed, tests_failed);
	sys_shutdown(SHUTDOWN_POWEROFF, tests_failed ? EXIT_CODE_FAIL : EXIT_CODE_PASS);
	sys_exit(tests_failed != 0);
}
