/*
 * Hooks and shared cores inside libc, not part of any standard interface.
 * The pure part of libc (what the host unit tests compile too) reaches the
 * system through the hooks: weak defaults overridden by the system calls
 * (__libc_sbrk), or defined only by libc's system part (__libc_stdio_io);
 * the host unit tests define their own.
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
 * "prog: invalid option -- 'x'\n" (text ends with the newline). stdio
 * writes it to stderr; the host unit tests catch it.
 */
void __libc_error_message(const char *text);

/*
 * The descriptors under the FILE streams. Each call returns what the system
 * call of the same name returns, -1 with errno set on failure; terminal(fd)
 * returns 1 for a terminal, 0 for anything else, -1 when the process has no
 * descriptor fd at all. libc's own is made of VFS's system calls
 * (stdio/descriptors.c); the host unit tests bring their own.
 */
struct __libc_stdio_ops {
	int (*open)(const char *path, int flags, int mode);
	int (*read)(int fd, void *buf, size_t len);
	int (*write)(int fd, const void *buf, size_t len);
	int64_t (*seek)(int fd, int64_t offset, int whence);
	int (*close)(int fd);
	int (*terminal)(int fd);
	int (*access_mode)(int fd);  /* O_RDONLY, O_WRONLY or O_RDWR */
};
extern const struct __libc_stdio_ops __libc_stdio_io;

/* What a FILE is doing with its buffer. */
enum __libc_stream_state {
	__LIBC_STREAM_IDLE,     /* the buffer is empty */
	__LIBC_STREAM_READING,  /* [start, end) holds input not yet taken */
	__LIBC_STREAM_WRITING,  /* [0, end) holds output not yet written */
};

#define __LIBC_STREAM_READ      0x01u  /* opened for reading */
#define __LIBC_STREAM_WRITE     0x02u  /* opened for writing */
#define __LIBC_STREAM_APPEND    0x04u  /* every write goes to the end (O_APPEND) */
#define __LIBC_STREAM_EOF       0x08u  /* the end-of-file indicator */
#define __LIBC_STREAM_ERROR     0x10u  /* the error indicator */
#define __LIBC_STREAM_DECIDE    0x20u  /* line-buffered if a terminal, else fully: asked at first use */
#define __LIBC_STREAM_OWN_BUFFER 0x40u /* the buffer came from malloc */
#define __LIBC_STREAM_OWN_FILE  0x80u  /* the FILE itself came from malloc */
#define __LIBC_STREAM_PUSHBACK_MAX 4   /* ungetc guarantees one; a few more fit */

struct __libc_file {
	int fd;
	unsigned flags;              /* __LIBC_STREAM_* */
	int buffering;               /* _IOFBF, _IOLBF or _IONBF */
	enum __libc_stream_state state;
	unsigned char *buffer;       /* size bytes; NULL until the first transfer */
	size_t size;
	size_t start, end;           /* see enum __libc_stream_state */
	unsigned char pushed[__LIBC_STREAM_PUSHBACK_MAX];  /* ungetc; the last one is read first */
	size_t npushed;
	unsigned char byte;          /* the buffer of an unbuffered stream */
	struct __libc_file *next;    /* every open stream, for fflush(NULL) and exit */
};

/* The stream core (stdio/stream.c), for the other stdio files. */
/* Makes f (a new FILE from malloc when f is NULL) an open stream on fd with
 * flags (__LIBC_STREAM_READ, _WRITE, _APPEND), buffering still to be
 * decided; NULL when there is no memory. */
struct __libc_file *__libc_stream_open(struct __libc_file *f, int fd, unsigned flags);
/* Make f ready to read or to write (flushing or giving back what the other
 * direction left in the buffer); -1 with errno and the error indicator set
 * if it was not opened for that. */
int __libc_stream_to_read(struct __libc_file *f);
int __libc_stream_to_write(struct __libc_file *f);
/* Reads up to n bytes from f's descriptor: > 0, 0 at the end (the EOF
 * indicator set, and then sticking), -1 (the error indicator set). */
int __libc_stream_read(struct __libc_file *f, void *buf, size_t n);
/* Refills f's empty read buffer, as __libc_stream_read. */
int __libc_stream_fill(struct __libc_file *f);
/* Adds n bytes to f's output (after __libc_stream_to_write), writing when
 * the buffer fills; returns n, or less if a write failed. */
size_t __libc_stream_put(struct __libc_file *f, const void *data, size_t n);
/* to_write, put, and a flush if f is line-buffered and data holds a newline;
 * returns n, or less on failure. */
size_t __libc_stream_write(struct __libc_file *f, const void *data, size_t n);
/* Writes what f's buffer holds; 0 or EOF. */
int __libc_stream_flush(struct __libc_file *f);
/* The input f has taken from its descriptor but not given the program. */
size_t __libc_stream_unread(const struct __libc_file *f);
/* Flushes f, releases its buffer and unlinks it from the open streams; 0 or
 * EOF. Does not close its descriptor. */
int __libc_stream_release(struct __libc_file *f);
/* Turns a mode string ("r", "w+", "ab"...) into open flags and __LIBC_STREAM_*; -1 if invalid. */
int __libc_stream_mode(const char *mode, int *open_flags, unsigned *stream_flags);
/* exit's last step: flushes every stream. */
void __libc_stdio_exit(void);

/*
 * The printf formatting core. It hands the output to sink in pieces, in
 * order, and returns the total length, or -1 with errno = EOVERFLOW when
 * that does not fit in an int. snprintf's sink fills a string, vfprintf's
 * a stream's buffer.
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

