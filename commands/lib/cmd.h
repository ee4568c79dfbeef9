/*
 * Shared helpers of the everyday commands: a buffered writer on standard
 * output, error reporting as "name: message", option parsing, a line
 * reader and whole-file reading over read(2). Portable C: the same code
 * builds for Samsara and for the Linux host (tests/host/commands).
 */
#pragma once
#include <stddef.h>
#include <sys/types.h>
#include <sys/stat.h>

/* File-type and mode bits that strict POSIX headers on the host hide (XSI). */
#ifndef S_IFMT
#define S_IFMT 0170000
#endif /* S_IFMT */
#ifndef S_IFSOCK
#define S_IFSOCK 0140000
#endif /* S_IFSOCK */
#ifndef S_IFLNK
#define S_IFLNK 0120000
#endif /* S_IFLNK */
#ifndef S_IFREG
#define S_IFREG 0100000
#endif /* S_IFREG */
#ifndef S_IFBLK
#define S_IFBLK 0060000
#endif /* S_IFBLK */
#ifndef S_IFDIR
#define S_IFDIR 0040000
#endif /* S_IFDIR */
#ifndef S_IFCHR
#define S_IFCHR 0020000
#endif /* S_IFCHR */
#ifndef S_IFIFO
#define S_IFIFO 0010000
#endif /* S_IFIFO */
#ifndef DT_LNK
#define DT_LNK 10  /* struct dirent's d_type of a symbolic link */
#endif /* DT_LNK */
#ifndef S_ISVTX
#define S_ISVTX 01000
#endif /* S_ISVTX */

/* --- errors and exit (error.c) --- */

/* The command's name for messages; set once by cmd_init. */
extern const char *cmd_name;

void cmd_init(const char *name);
/* Flushes standard output, then writes "name: <message>\n" to fd 2 in one write. */
void cmd_error(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
/* Writes the text to fd 2 as it is, in one write (reports such as dd's). */
void cmd_message(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
/* Writes "name: <question>" without a newline, for -i prompts. */
void cmd_prompt(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
/* Reads an answer line from standard input: whether it starts with y or Y. */
int cmd_answer_yes(void);
/*
 * name as GNU's messages show a file name: as it is, or quoted for the
 * shell when it has blanks, quotes, control or other special characters
 * (quote.c). The text lives until the next call.
 */
const char *quoted(const char *name);
/* The same, quoted even when it is harmless ('name'). */
const char *quoted_always(const char *name);
/* Writes "name: <what>: <strerror(error)>\n". */
void cmd_error_errno(const char *what, int error);
/* Writes "usage: <text>\n" and exits with status. */
__attribute__((noreturn)) void cmd_usage(int status, const char *text);
/* Flushes standard output (reporting a write error) and exits. */
__attribute__((noreturn)) void cmd_exit(int status);
/* malloc/realloc that end the program with a message when memory runs out. */
void *cmd_malloc(size_t size);
void *cmd_realloc(void *block, size_t size);
char *cmd_strdup(const char *s);

/* --- buffered standard output (output.c) --- */

void out_write(const void *data, size_t len);
void out_char(int c);
void out_str(const char *s);
void out_format(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
/* Writes out what is buffered; returns 0 (a failed write ends the command). */
int out_flush(void);

/* --- option parsing (options.c) --- */

/*
 * POSIX-style parsing that behaves the same everywhere: single-letter
 * options, grouped or not, "x:" for an argument; stops at the first operand,
 * at "-" or after "--". Unknown options and missing arguments are reported
 * as GNU words them and return '?'.
 */
struct options {
	int index;           /* next argv element; operands start here at the end */
	int position;        /* inside a group of options, 0 between words */
	const char *arg;     /* argument of the option just returned */
};

void options_init(struct options *state);
int options_next(struct options *state, int argc, char **argv, const char *spec);

/* --- input (input.c) --- */

struct input {
	int fd;
	char *buf;           /* grows to hold the longest line */
	size_t cap, start, end;
	int eof;
	int error;           /* errno of a failed read, else 0 */
};

/* Opens path for reading ("-" is standard input); -1 with errno on failure. */
int input_open(struct input *in, const char *path);
void input_from_fd(struct input *in, int fd);
/*
 * Returns the next line (with its '\n' unless it is the last and has none)
 * through *line, valid until the next call; its length, 0 at end of input,
 * -1 on a read error (in->error holds errno).
 */
ssize_t input_line(struct input *in, char **line);
void input_close(struct input *in);
/* Reads everything from fd into a malloc'd buffer; -1 with errno on error. */
int read_all(int fd, char **data, size_t *len);

/* --- copying (copy.c) --- */

struct copy_options {
	int recursive;   /* copy directories and their contents */
	int preserve;    /* keep mode and owner (times: no utime yet) */
};

/* Copies src to dst (a new name, not a directory to copy into); 0 or 1. */
int copy_path(const struct copy_options *co, const char *src, const char *dst);

/* --- files (files.c) --- */

/* stat that does not follow a final symbolic link, once libc has lstat. */
int cmd_lstat(const char *path, struct stat *st);
/* The name with ID id in a passwd-style file (name:x:id:...), malloc'd, or NULL. */
char *cmd_account_name(const char *file, unsigned long id);
/* The ID of the account named name in such a file (and in /etc/passwd the
 * login group, if group is not NULL); 0, or -1 if there is none. */
int cmd_account_id(const char *file, const char *name, unsigned long *id, unsigned long *group);
/* Joins a directory and a name with one '/'; the result is malloc'd. */
char *path_join(const char *dir, const char *name);
/* Calls fn(child path, entry, ctx) for each entry of directory path but
 * "." and ".."; ORs the results. The directory is read whole and closed
 * first, so a deep walk holds no descriptors. A directory that cannot be
 * opened is reported as "cannot VERB 'path'" (or "'path'" if verb is NULL)
 * and gives 1. */
struct dirent;
typedef int (*entry_fn)(const char *child, const struct dirent *entry, void *ctx);
int for_each_entry(const char *path, const char *verb, entry_fn fn, void *ctx);
/*
 * For chmod -R and chown -R: calls act(path, status, ctx) on path (a link
 * there is followed) and, if recursive, on everything below it, each
 * directory before its contents; links below are left alone. A file that
 * is not there is reported as "cannot access 'path'". ORs the results.
 */
typedef int (*tree_fn)(const char *path, const struct stat *st, void *ctx);
int change_tree(const char *path, int recursive, tree_fn act, void *ctx);
/* The last component of path, for cp/mv/ln into a directory (malloc'd). */
char *path_base(const char *path);
/* "drwxr-xr-x" as ls -l shows a mode, with s/S and t/T (modes.c). */
void mode_string(mode_t mode, char text[11]);
/* "regular file", "directory", ... as stat's %F says; size tells an empty file. */
const char *file_type_name(mode_t mode, long long size);
/* Removes path and everything under it; reports errors, nonzero if any. */
int remove_tree(const char *path);
/* Offset where the last n lines of data begin (a final line may lack '\n'). */
size_t last_lines_start(const char *data, size_t len, long long n);
/* Parses a decimal count ("10"); -1 if it is not one. */
int parse_count(const char *text, long long *value);
