/*
 * Samsara's environment functions over a start-up environment made here,
 * with the heap for setenv's copies in a static arena. The allocator's
 * heap checker counts live blocks, which shows replaced values are freed.
 */
#include <stdint.h>
#include <string.h>
#include "unit.h"
#include "libc_test.h"

static _Alignas(16) char arena[1 << 20];
static size_t arena_used;

void *samsara___libc_sbrk(intptr_t increment)
{
	if (increment < 0 || (size_t)increment > sizeof(arena) - arena_used) {
		samsara_errno = ENOMEM;
		return (void *)-1;
	}
	arena_used += (size_t)increment;
	return arena + arena_used - (size_t)increment;
}

static size_t live_blocks(void)
{
	struct __libc_heap_stats stats;
	CHECK(samsara___libc_heap_check(&stats) == 0);
	return stats.used_blocks;
}

static char home[] = "HOME=/root", path[] = "PATH=/bin:/usr/bin", empty[] = "EMPTY=";
static char *startup[] = { home, path, empty, NULL };

static size_t count(void)
{
	size_t n = 0;
	while (samsara_environ[n])
		n++;
	return n;
}

static void getenv_finds_startup_variables(void)
{
	samsara_environ = startup;
	CHECK(strcmp(samsara_getenv("HOME"), "/root") == 0);
	CHECK(strcmp(samsara_getenv("PATH"), "/bin:/usr/bin") == 0);
	CHECK(strcmp(samsara_getenv("EMPTY"), "") == 0);
	CHECK(samsara_getenv("HOM") == NULL && samsara_getenv("HOMEX") == NULL);
	CHECK(samsara_getenv("") == NULL && samsara_getenv("HOME=/root") == NULL);
	samsara_environ = NULL;
	CHECK(samsara_getenv("HOME") == NULL);
	samsara_environ = startup;
}

static void setenv_adds_and_replaces_without_touching_startup_strings(void)
{
	CHECK(samsara_setenv("TERM", "vt100", 0) == 0);
	CHECK(strcmp(samsara_getenv("TERM"), "vt100") == 0 && count() == 4);
	CHECK(samsara_setenv("TERM", "ansi", 0) == 0);
	CHECK(strcmp(samsara_getenv("TERM"), "vt100") == 0);
	CHECK(samsara_setenv("TERM", "ansi", 1) == 0);
	CHECK(strcmp(samsara_getenv("TERM"), "ansi") == 0 && count() == 4);
	CHECK(samsara_setenv("HOME", "/home/user", 1) == 0);
	CHECK(strcmp(samsara_getenv("HOME"), "/home/user") == 0);
	CHECK(strcmp(home, "HOME=/root") == 0 && startup[0] == home);
}

static void replacing_a_value_frees_the_old_copy(void)
{
	CHECK(samsara_setenv("COUNTER", "0", 1) == 0);
	size_t before = live_blocks();
	char value[16];
	for (int i = 1; i <= 100; i++) {
		snprintf(value, sizeof(value), "%d", i);
		CHECK(samsara_setenv("COUNTER", value, 1) == 0);
	}
	CHECK(strcmp(samsara_getenv("COUNTER"), "100") == 0);
	CHECK(live_blocks() == before);
	CHECK(samsara_unsetenv("COUNTER") == 0);
	CHECK(live_blocks() == before - 1);
}

static void invalid_names_are_einval(void)
{
	const char *bad[] = { "", "A=B", "=" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		samsara_errno = 0;
		CHECK(samsara_setenv(bad[i], "x", 1) == -1 && samsara_errno == EINVAL);
		samsara_errno = 0;
		CHECK(samsara_unsetenv(bad[i]) == -1 && samsara_errno == EINVAL);
	}
	samsara_errno = 0;
	CHECK(samsara_setenv(NULL, "x", 1) == -1 && samsara_errno == EINVAL);
	samsara_errno = 0;
	CHECK(samsara_putenv((char *)"NOEQUALS") == -1 && samsara_errno == EINVAL);
}

static void unsetenv_removes_every_copy_and_keeps_order(void)
{
	static char dup1[] = "DUP=1", dup2[] = "DUP=2", keep[] = "KEEP=yes";
	static char *with_duplicates[] = { dup1, keep, dup2, NULL };
	samsara_environ = with_duplicates;
	CHECK(samsara_unsetenv("DUP") == 0);
	CHECK(samsara_environ[0] == keep && samsara_environ[1] == NULL);
	CHECK(samsara_unsetenv("MISSING") == 0);
	CHECK(samsara_getenv("DUP") == NULL);
}

static void putenv_uses_the_callers_string(void)
{
	static char first[] = "EDITOR=vi", second[] = "EDITOR=ed";
	CHECK(samsara_putenv(first) == 0);
	CHECK(samsara_getenv("EDITOR") == first + 7);
	first[7] = 'V';  /* the string itself is the environment entry */
	CHECK(strcmp(samsara_getenv("EDITOR"), "Vi") == 0);
	CHECK(samsara_putenv(second) == 0 && strcmp(samsara_getenv("EDITOR"), "ed") == 0);
	CHECK(samsara_setenv("EDITOR", "nano", 1) == 0);
	CHECK(strcmp(second, "EDITOR=ed") == 0);
	CHECK(samsara_putenv(second) == 0);  /* replaces setenv's copy, which is freed */
	CHECK(strcmp(samsara_getenv("EDITOR"), "ed") == 0);
}

static void many_variables_grow_the_array(void)
{
	char name[16];
	for (int i = 0; i < 200; i++) {
		snprintf(name, sizeof(name), "VAR%d", i);
		CHECK(samsara_setenv(name, name, 1) == 0);
	}
	for (int i = 0; i < 200; i += 7) {
		snprintf(name, sizeof(name), "VAR%d", i);
		CHECK(samsara_getenv(name) && strcmp(samsara_getenv(name), name) == 0);
	}
	CHECK(samsara_getenv("EDITOR") && samsara_getenv("KEEP"));
	samsara_environ = startup;  /* a program may swap in an array of its own */
	CHECK(samsara_setenv("AFTER", "swap", 1) == 0 && count() == 4);
	CHECK(startup[3] == NULL);
}

int main(void)
{
	RUN(getenv_finds_startup_variables);
	RUN(setenv_adds_and_replaces_without_touching_startup_strings);
	RUN(replacing_a_value_frees_the_old_copy);
	RUN(invalid_names_are_einval);
	RUN(unsetenv_removes_every_copy_and_keeps_order);
	RUN(putenv_uses_the_callers_string);
	RUN(many_variables_grow_the_array);
	return unit_summary();
}
