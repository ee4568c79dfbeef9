/*
 * Samsara's <string.h>, <strings.h> and strerror against the host's C
 * library, over sets of strings that include the empty string, single
 * bytes, repeats, bytes above 127 and every position of a match.
 */
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include "unit.h"
#include "libc_test.h"

static const char *const samples[] = {
	"", "a", "b", "ab", "ba", "aa", "abc", "abcabc", "aaab", "hello world",
	"  leading", "trailing  ", "a,b,,c", ",,", "x\xff\x80y", "\xe9t\xe9",
	"The quick brown fox", "mississippi", "issi", "ssi", "AbC", "aBc", "/usr/local/bin",
};
#define SAMPLES (sizeof(samples) / sizeof(samples[0]))

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void comparisons_order_like_the_host(void)
{
	for (size_t i = 0; i < SAMPLES; i++) {
		for (size_t j = 0; j < SAMPLES; j++) {
			const char *a = samples[i], *b = samples[j];
			CHECK(sign(samsara_strcmp(a, b)) == sign(strcmp(a, b)));
			CHECK(sign(samsara_strcasecmp(a, b)) == sign(strcasecmp(a, b)));
			for (size_t n = 0; n < 6; n++) {
				CHECK(sign(samsara_strncmp(a, b, n)) == sign(strncmp(a, b, n)));
				CHECK(sign(samsara_strncasecmp(a, b, n)) == sign(strncasecmp(a, b, n)));
			}
		}
	}
}

static void searches_find_what_the_host_finds(void)
{
	for (size_t i = 0; i < SAMPLES; i++) {
		const char *s = samples[i];
		size_t len = strlen(s);
		for (int c = 0; c < 256; c++) {
			CHECK(samsara_strchr(s, c) == strchr(s, c));
			CHECK(samsara_strrchr(s, c) == strrchr(s, c));
			CHECK(samsara_memchr(s, c, len) == memchr(s, c, len));
			CHECK(samsara_memrchr(s, c, len) == memrchr(s, c, len));
		}
		for (size_t j = 0; j < SAMPLES; j++) {
			const char *set = samples[j];
			CHECK(samsara_strstr(s, set) == strstr(s, set));
			CHECK(samsara_strspn(s, set) == strspn(s, set));
			CHECK(samsara_strcspn(s, set) == strcspn(s, set));
			CHECK(samsara_strpbrk(s, set) == strpbrk(s, set));
		}
		for (size_t max = 0; max < 8; max++)
			CHECK(samsara_strnlen(s, max) == strnlen(s, max));
	}
}

static void copies_match_the_host_byte_for_byte(void)
{
	for (size_t i = 0; i < SAMPLES; i++) {
		for (size_t n = 0; n < 12; n++) {
			char ours[40], host[40];
			memset(ours, '#', sizeof(ours));
			memset(host, '#', sizeof(host));
			CHECK(samsara_strncpy(ours, samples[i], n) == ours);
			strncpy(host, samples[i], n);
			CHECK(memcmp(ours, host, sizeof(ours)) == 0);
			strcpy(ours, "pre");
			strcpy(host, "pre");
			CHECK(samsara_strncat(ours, samples[i], n) == ours);
			strncat(host, samples[i], n);
			CHECK(memcmp(ours, host, strlen(host) + 1) == 0);
		}
		char ours[40] = "x", host[40] = "x";
		CHECK(samsara_strcat(ours, samples[i]) == ours);
		strcat(host, samples[i]);
		CHECK(strcmp(ours, host) == 0);
		CHECK(samsara_strcpy(ours, samples[i]) == ours && strcmp(ours, samples[i]) == 0);
	}
}

static void strlcat_truncates_and_reports_the_full_length(void)
{
	char buf[8] = "abc";
	CHECK(samsara_strlcat(buf, "de", sizeof(buf)) == 5 && strcmp(buf, "abcde") == 0);
	CHECK(samsara_strlcat(buf, "fghij", sizeof(buf)) == 10 && strcmp(buf, "abcdefg") == 0);
	CHECK(samsara_strlcat(buf, "x", sizeof(buf)) == 8 && strcmp(buf, "abcdefg") == 0);
	char full[4] = { 'a', 'b', 'c', 'd' };  /* no NUL within size: left alone */
	CHECK(samsara_strlcat(full, "xy", sizeof(full)) == 6 && memcmp(full, "abcd", 4) == 0);
	CHECK(samsara_strlcat(buf, "zz", 0) == 2);
}

static void strtok_r_splits_like_the_host(void)
{
	const char *delims[] = { ",", " ,", "abc", "", "\xff" };
	for (size_t i = 0; i < SAMPLES; i++) {
		for (size_t d = 0; d < sizeof(delims) / sizeof(delims[0]); d++) {
			char ours[40], host[40];
			strcpy(ours, samples[i]);
			strcpy(host, samples[i]);
			char *our_state, *host_state;
			char *a = samsara_strtok_r(ours, delims[d], &our_state);
			char *b = strtok_r(host, delims[d], &host_state);
			for (;;) {
				CHECK((a == NULL) == (b == NULL));
				if (!a || !b)
					break;
				CHECK(a - ours == b - host && strcmp(a, b) == 0);
				a = samsara_strtok_r(NULL, delims[d], &our_state);
				b = strtok_r(NULL, delims[d], &host_state);
			}
		}
	}
}

static void strtok_keeps_its_place_between_calls(void)
{
	char line[] = "  ls -l\t/tmp  ";
	CHECK(strcmp(samsara_strtok(line, " \t"), "ls") == 0);
	CHECK(strcmp(samsara_strtok(NULL, " \t"), "-l") == 0);
	CHECK(strcmp(samsara_strtok(NULL, " \t"), "/tmp") == 0);
	CHECK(samsara_strtok(NULL, " \t") == NULL);
	CHECK(samsara_strtok(NULL, " \t") == NULL);
}

static void memory_routines_handle_overlap(void)
{
	char buf[32];
	for (size_t from = 0; from < 8; from++) {
		for (size_t to = 0; to < 8; to++) {
			char host[32];
			for (int i = 0; i < 32; i++)
				buf[i] = host[i] = (char)('a' + i % 26);
			CHECK(samsara_memmove(buf + to, buf + from, 20) == buf + to);
			memmove(host + to, host + from, 20);
			CHECK(memcmp(buf, host, sizeof(buf)) == 0);
		}
	}
	CHECK(samsara_memset(buf, 0x5a, 10) == buf && buf[0] == 0x5a && buf[9] == 0x5a);
	CHECK(samsara_memcmp("ab\x80", "ab\x01", 3) > 0);
	CHECK(samsara_memcmp("abc", "abd", 2) == 0);
}

/* The heap for strdup: a fixed arena, enough for these few copies. */
static _Alignas(16) char arena[1 << 20];
static size_t arena_used;

void *samsara___libc_sbrk(intptr_t increment)
{
	if (increment < 0 || (size_t)increment > sizeof(arena) - arena_used)
		return (void *)-1;
	arena_used += (size_t)increment;
	return arena + arena_used - (size_t)increment;
}

static void strdup_and_strndup_copy_into_the_heap(void)
{
	char *a = samsara_strdup("hello");
	char *b = samsara_strndup("hello", 3);
	char *c = samsara_strndup("hi", 10);
	CHECK(a && strcmp(a, "hello") == 0);
	CHECK(b && strcmp(b, "hel") == 0);
	CHECK(c && strcmp(c, "hi") == 0);
	samsara_free(a);
	samsara_free(b);
	samsara_free(c);
}

static void strerror_reads_like_the_host_and_explains_ipc_errors(void)
{
	const int shared[] = { 0, EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF,
		ECHILD, EAGAIN, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST, EXDEV, ENODEV, ENOTDIR,
		EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, ETXTBSY, EFBIG, ENOSPC, ESPIPE, EROFS,
		EMLINK, EPIPE, EDOM, ERANGE, EDEADLK, ENAMETOOLONG, ENOLCK, ENOSYS, ENOTEMPTY,
		ELOOP, EOVERFLOW, EILSEQ, ENOTSUP, ETIMEDOUT, ECANCELED };
	for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
		CHECK(strcmp(samsara_strerror(shared[i]), strerror(shared[i])) == 0);
		if (strcmp(samsara_strerror(shared[i]), strerror(shared[i])) != 0)
			printf("# %d: \"%s\" vs \"%s\"\n", shared[i], samsara_strerror(shared[i]), strerror(shared[i]));
	}
	CHECK(strcmp(samsara_strerror(EDEADSRCDST), "IPC peer is dead or was replaced") == 0);
	const int own[] = { ELOCKED, ECALLDENIED, EBADEPT, EBADGRANT, ENOTREADY, EDONTREPLY };
	for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		CHECK(strcmp(samsara_strerror(own[i]), "Unknown error") != 0);
	CHECK(strcmp(samsara_strerror(-1), "Unknown error") == 0);
	CHECK(strcmp(samsara_strerror(100), "Unknown error") == 0);
	CHECK(strcmp(samsara_strerror(100000), "Unknown error") == 0);
}

int main(void)
{
	RUN(comparisons_order_like_the_host);
	RUN(searches_find_what_the_host_finds);
	RUN(copies_match_the_host_byte_for_byte);
	RUN(strlcat_truncates_and_reports_the_full_length);
	RUN(strtok_r_splits_like_the_host);
	RUN(strtok_keeps_its_place_between_calls);
	RUN(memory_routines_handle_overlap);
	RUN(strdup_and_strndup_copy_into_the_heap);
	RUN(strerror_reads_like_the_host_and_explains_ipc_errors);
	return unit_summary();
}
