/*
 * Tiny harness shared by the host unit tests. A test is a void function of
 * no arguments made of CHECKs; RUN reports it as "ok N - name" or
 * "not ok N - name", and unit_summary() prints "N passed, M failed" and
 * gives main its exit status.
 */
#pragma once

#include <stdbool.h>
#include <stdio.h>

struct unit_state {
	int tests;       /* tests run so far, numbers the ok lines */
	int passed;
	int failed;
	bool test_ok;    /* no CHECK of the current test has failed */
};

static struct unit_state unit;

/* Records one check; the caller evaluates the checked expression once. */
static inline void unit_check(bool ok, const char *expr, const char *file, int line)
{
	if (ok)
		return;
	unit.test_ok = false;
	printf("# %s:%d: CHECK(%s) failed\n", file, line, expr);
}

static inline void unit_run(void (*test)(void), const char *name)
{
	unit.test_ok = true;
	test();
	unit.tests++;
	if (unit.test_ok)
		unit.passed++;
	else
		unit.failed++;
	printf("%s %d - %s\n", unit.test_ok ? "ok" : "not ok", unit.tests, name);
	fflush(stdout);
}

/* Prints the summary line; returns main's exit status. */
static inline int unit_summary(void)
{
	printf("%d passed, %d failed\n", unit.passed, unit.failed);
	return unit.failed ? 1 : 0;
}

#define CHECK(expr) unit_check((expr) ? true : false, #expr, __FILE__, __LINE__)
#define RUN(test) unit_run(test, #test)
