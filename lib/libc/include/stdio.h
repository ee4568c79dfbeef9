/*
 * Standard input and output: FILE streams over file descriptors, with
 * buffering, and formatted output and input on streams and strings.
 *
 * Streams: stdout is line-buffered on a terminal and fully buffered
 * otherwise; stdin likewise; stderr is unbuffered (but one printf to it is
 * one write). A process with no standard output at all (a system service,
 * or anything VFS does not know) has its stdout and stderr text go to the
 * kernel's log console. exit() flushes every stream, _exit() none.
 *
 * printf conversions: d i u o x X c s p %, with the flags - + space 0 #,
 * width and precision (also as *), and the length modifiers hh h l ll j z
 * t. There is no floating point in Samsara, so %f %e %g %a are not
 * supported (they are copied to the output as written and consume no
 * argument), nor is %n. scanf: d i u o x c s [set] n %, no floating point.
 */
#pragma once
#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

#define EOF (-1)
#define BUFSIZ 4096   /* a page, and the largest atomic write to a pipe */
#define _IOFBF 0      /* fully buffered */
#define _IOLBF 1      /* line buffered */
#define _IONBF 2      /* unbuffered */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

typedef struct __libc_file FILE;
extern FILE *stdin, *stdout, *stderr;

/* Opening and closing (modes r w a, each with an optional +; b is ignored,
 * x adds O_EXCL and e O_CLOEXEC). freopen needs a path. */
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *stream);
int fclose(FILE *stream);
int fflush(FILE *stream);  /* NULL: every output stream */
int setvbuf(FILE *stream, char *buf, int mode, size_t size);
void setbuf(FILE *stream, char *buf);
int fileno(FILE *stream);

/* Reading and writing */
size_t fread(void *data, size_t size, size_t count, FILE *stream);
size_t fwrite(const void *data, size_t size, size_t count, FILE *stream);
int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
int ungetc(int c, FILE *stream);
char *fgets(char *s, int size, FILE *stream);
ssize_t getdelim(char **line, size_t *size, int delimiter, FILE *stream);
ssize_t getline(char **line, size_t *size, FILE *stream);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int fputs(const char *s, FILE *stream);
int puts(const char *s);

/* Positioning and status */
int fseek(FILE *stream, long offset, int whence);
int fseeko(FILE *stream, off_t offset, int whence);
long ftell(FILE *stream);
off_t ftello(FILE *stream);
void rewind(FILE *stream);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
void perror(const char *s);

int rename(const char *from, const char *to);

/* Formatted output */
int printf(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
int fprintf(FILE *stream, const char *fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((__format__(__printf__, 3, 4)));
int asprintf(char **result, const char *fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
int vprintf(const char *fmt, va_list ap) __attribute__((__format__(__printf__, 1, 0)));
int vfprintf(FILE *stream, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 2, 0)));
int vsprintf(char *buf, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 2, 0)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 3, 0)));
int vasprintf(char **result, const char *fmt, va_list ap) __attribute__((__format__(__printf__, 2, 0)));

/* Formatted input */
int scanf(const char *fmt, ...) __attribute__((__format__(__scanf__, 1, 2)));
int fscanf(FILE *stream, const char *fmt, ...) __attribute__((__format__(__scanf__, 2, 3)));
int sscanf(const char *s, const char *fmt, ...) __attribute__((__format__(__scanf__, 2, 3)));
int vscanf(const char *fmt, va_list ap) __attribute__((__format__(__scanf__, 1, 0)));
int vfscanf(FILE *stream, const char *fmt, va_list ap) __attribute__((__format__(__scanf__, 2, 0)));
int vsscanf(const char *s, const char *fmt, va_list ap) __attribute__((__format__(__scanf__, 2, 0)));
