/*
 * sed: the stream editor. The script compiles (compile.c, over the reader in
 * parse.c) into an array of commands; execute.c runs it once per input line
 * (input.c) with substitute.c for "s". GNU sed's behaviour is the model:
 * its error messages, its one-line "a text" forms, its handling of a last
 * line without a newline.
 */
#pragma once
#include "../lib/cmd.h"
#include "../lib/regex.h"
#include <stddef.h>

enum address_kind {
	ADDRESS_NONE,
	ADDRESS_LINE,     /* line number */
	ADDRESS_LAST,     /* $ */
	ADDRESS_REGEX,    /* /re/ or \cREc */
	ADDRESS_STEP,     /* first~step */
	ADDRESS_PLUS,     /* addr1,+N: N lines after the first */
	ADDRESS_MULTIPLE, /* addr1,~N: up to the next line that is a multiple of N */
};

struct address {
	enum address_kind kind;
	long long line;      /* LINE, STEP's first, PLUS's and MULTIPLE's N */
	long long step;      /* STEP */
	struct regex *re;    /* REGEX; NULL: the last regular expression used */
};

enum range_state {
	RANGE_INACTIVE,
	RANGE_ACTIVE,        /* inside addr1,addr2 and the end is still to come */
	RANGE_CLOSED,        /* the end matched on this line */
};

/* One piece of an s command's replacement: literal text, then a group. */
struct replacement_part {
	char *text;
	size_t len;
	int group;           /* 0 for "&", 1..9 for \1..\9, -1 for none */
	char case_change;    /* 'U' 'L' 'u' 'l' 'E' before the group, 0 if none */
};

struct output_file;

struct substitution {
	struct regex *re;    /* NULL: the last regular expression used */
	struct replacement_part *parts;
	size_t part_count;
	int global, print;
	long occurrence;     /* replace the Nth match (and later ones with g) */
	struct output_file *write_to;
};

/* A file of "w" commands, opened once when the script compiles. */
struct output_file {
	char *name;
	int fd;              /* -1: standard output */
	int missing_newline; /* the last line written had none */
	struct output_file *next;
};

struct command {
	struct address a1, a2;
	int negate;                /* "!" */
	char name;                 /* the command letter */
	enum range_state range;
	long long range_end;       /* last line of a numeric range */
	char *text;                /* a i c text, r file name, b t T label */
	size_t text_len;
	size_t jump;               /* {: index after its }; b t T: target index */
	int exit_code;             /* q Q */
	long width;                /* l: line length, -1 for the default */
	struct substitution *subst;
	unsigned char *map;        /* y: 256 bytes */
	struct output_file *write_to;
};

struct script {
	struct command *commands;
	size_t count, cap;
	int quiet_hint;            /* the script began with "#n" */
	int extended;              /* -E: regular expressions are ERE */
};

/* Where the piece of script being compiled came from, for messages. */
struct script_source {
	const char *text;
	size_t len;
	int expression;            /* -e number, or 0 for a -f file */
	const char *file;          /* the -f file, or NULL */
};

/* --- compile.c --- */
void sed_compile(struct script *script, const struct script_source *source);
/* Checks blocks and resolves labels once every piece is in. */
void sed_compile_finish(struct script *script);
/* A script error found later: reported as GNU does, at "char 0" of the last piece. */
__attribute__((noreturn)) void sed_script_fail(const char *message);

/* --- execute.c --- */
struct sed_settings {
	int quiet;                 /* -n */
	int separate;              /* -s or -i: each file is its own stream */
	int in_place;              /* -i */
	const char *suffix;        /* -i's backup suffix, or NULL */
	int extended;              /* -E */
};
/* Runs the script over the files (NULL-terminated); returns the exit status. */
int sed_run(struct script *script, const struct sed_settings *settings, char **files);

/* --- substitute.c --- */
struct space {
	char *text;
	size_t len, cap;
	int chomped;               /* it ended with a newline that was taken off */
};
void space_set(struct space *space, const char *text, size_t len);
void space_append(struct space *space, const char *text, size_t len);
/* Performs s on space; 1 if something was replaced. */
int sed_substitute(struct space *space, const struct substitution *subst, struct regex *re);

/* --- parse.c: reading a piece of script --- */
#define SCRIPT_END (-1)

struct reader {
	const struct script_source *source;
	size_t pos;          /* characters read so far */
	int line;            /* line of a -f file */
};

void reader_init(struct reader *r, const struct script_source *source);
/* The next character, or SCRIPT_END (which is not counted as read). */
int reader_next(struct reader *r);
/* Takes back the character just read (nothing after SCRIPT_END). */
void reader_back(struct reader *r, int c);
/* The next character that is not a blank (space or tab). */
int reader_nonblank(struct reader *r);
/* Reports "sed: -e expression #N, char M: message" (or "file F line L:") and exits 1. */
__attribute__((noreturn)) void reader_fail(const struct reader *r, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));
/* Reads a number whose first digit c was just read. */
long long reader_number(struct reader *r, int c);
/* What a delimited string is, which decides how it is read. */
enum delimited_kind {
	DELIMITED_PLAIN,        /* y's strings */
	DELIMITED_REPLACEMENT,  /* s's replacement */
	DELIMITED_REGEX,        /* a regular expression: "[...]" may hold the delimiter */
};

/*
 * Reads up to the delimiter into a malloc'd string (*len bytes, NUL after):
 * "\delim" gives the delimiter, a backslash before a newline goes, and
 * but for y "\n" becomes a newline; other escapes stay for later. Returns
 * 0 if a newline or the end came first.
 */
int reader_delimited(struct reader *r, int delim, enum delimited_kind kind, char **text, size_t *len);
/*
 * The byte an escape "\c" stands for (\a \f \n \r \t \v, \dNNN decimal,
 * \oNNN octal, \xHH hex, \cX control), advancing *p past it; -1 (and *p
 * unchanged) when "\c" is no such escape. p points just past the backslash.
 */
int escape_value(const char **p, const char *end);

/* --- input.c: the lines of the input files, one ahead to know the last --- */
struct sed_input {
	char **files;
	size_t file_count, next_file;
	struct input in;
	int open;                  /* in holds an open file */
	const char *name;          /* its name, for messages */
	struct space ahead;        /* the next line, when have_ahead */
	int have_ahead;
	long long line_number;
	int status;                /* 2 when a file could not be read */
};

void sed_input_start(struct sed_input *input, char **files, size_t count);
/* Moves the next line into space; 0 at the end of the input. */
int sed_input_read(struct sed_input *input, struct space *space);
/* Whether the line just read is the last one. */
int sed_input_at_last(const struct sed_input *input);
void sed_input_stop(struct sed_input *input);
