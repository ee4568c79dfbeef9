/* A minimal TAP reporter shared by the guest test programs. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/* Where the report goes (default: the kernel console through printf). A
 * program testing the console driver reports through that driver instead,
 * so that its report and the echo of typed input do not interleave. */
void tap_set_writer(void (*write)(const char *s, size_t n));
/* Records one result; `what` names the behaviour proven, fmt explains a failure. */
void check(bool ok, const char *what, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Records whether got == want. */
void check_eq(int got, int want, const char *what);
#define CHECK_EQ(got, want, what) check_eq((int)(got), (int)(want), what)
/* Prints the plan and the summary, then powers off: 0x10 all passed, 0x11 not. */
__attribute__((noreturn)) void tap_finish(const char *program);
