/*
 * Hooks and shared cores inside libc, not part of any standard interface.
 * The hooks are weak in libc and meant to be overridden: by libsys once the
 * matching system services exist, and by the host unit tests.
 */
#pragma once
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Moves the end of the heap by increment bytes and returns the old end, or
 * (void *)-1 with errno set when the memory is not available. The default
 * has no memory to give: it fails with ENOMEM.
 */
void *__libc_sbrk(intptr_t increment);

/*
 * Reports a diagnostic line meant for standard error, such as getopt's
 * "prog: invalid option -- 'x'\n" (text ends with the newline). The default
 * drops it until there is a standard error stream.
 */
void __libc_error_message(const char *text);

/*
 * The printf formatting core. It hands the output to sink in pieces, in
 * order, and returns the total length, or -1 with errno = EOVERFLOW when
 * that does not fit in an int. The FILE layer will reuse it with a sink
 * that writes into a stream buffer.
 */
typedef void __libc_format_sink(void *context, const char *text, size_t length);
int __libc_vformat(__libc_format_sink *sink, void *context, const char *fmt, va_list ap);

/*
 * The scanf core reads its input one character at a time: next returns the
 * next character as an unsigned char or EOF, and push_back returns the one
 * character just read (never EOF) to the input.
 */
struct __libc_scan_input {
	int (*next)(void *context);
	void (*push_back)(void *context, int c);
	void *context;
};
int __libc_vscan(const struct __libc_scan_input *input, const char *fmt, va_list ap);

/* What __libc_heap_check found: the heap's size and its free blocks. */
struct __libc_heap_stats {
	size_t heap_bytes;   /* everything taken from __libc_sbrk */
	size_t free_bytes;   /* in free blocks, headers included */
	size_t free_blocks;
	size_t used_blocks;
};

/*
 * Walks the whole heap and checks the allocator's invariants (sizes, tags,
 * no two free neighbours, free list matching the blocks). Returns 0 and
 * fills stats if all hold, -1 at the first broken one.
 */
int __libc_heap_check(struct __libc_heap_stats *stats);

