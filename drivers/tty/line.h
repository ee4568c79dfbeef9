/*
 * The line discipline: what a terminal does with the characters typed at it
 * (canonical editing, echo, signal characters) and with the characters
 * written to it (newline translation). Pure logic, unit-tested on the host;
 * the driver feeds it characters and drains what it produces.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <samsara/termios.h>

#define LINE_BUFFER 1024

struct line {
	struct termios tio;
	char buf[LINE_BUFFER];       /* typed input, oldest first */
	size_t len;                  /* bytes in buf */
	size_t ready;                /* of which readers may take (whole lines in canonical mode) */
	bool eof_pending;            /* ^D on an empty line: the next read at the boundary returns 0 */
	uint32_t changes;            /* counts changes of the input above (to know when to save it) */
	/* Where echo goes, and who hears of signal characters (SIGINT 2, SIGQUIT 3). */
	void (*echo)(const char *s, size_t n, void *ctx);
	void (*signal)(int sig, void *ctx);
	void *ctx;
};

/* The settings of a freshly opened terminal: canonical, echo, signals, CR->NL, NL->CRNL. */
void line_default_termios(struct termios *t);
void line_init(struct line *l);
/* Changes the settings; leaving canonical mode makes everything typed readable. */
void line_set_termios(struct line *l, const struct termios *t);
/* Processes one typed character. */
void line_input(struct line *l, char c);
/*
 * Can a read of want bytes finish now? In canonical mode when a whole line
 * or an end of file is there. Otherwise as POSIX's VMIN and VTIME say:
 * when VMIN bytes (at most want) are there; with VTIME set, also when the
 * read's timer has run out (timed_out), for VMIN > 0 only once a byte came.
 */
bool line_readable(const struct line *l, size_t want, bool timed_out);

/* Where a read's VTIME timer runs from: nowhere, the start of the read
 * (VMIN 0), or the last byte typed (VMIN > 0, once a byte is there). */
enum line_timer { LINE_TIMER_NONE, LINE_TIMER_READ, LINE_TIMER_BYTE };
enum line_timer line_timer(const struct line *l);
/* Takes up to max bytes for a reader (at most one line in canonical mode);
 * returns the count, 0 meaning end of file. Precondition: line_readable(). */
size_t line_read(struct line *l, char *dst, size_t max);
/*
 * The typed input that outlives the driver (kept in DS): typed, echoed and
 * not yet read. Only the first LINE_SAVED_MAX bytes of a fuller buffer are
 * kept.
 */
#define LINE_SAVED_MAX 1000
struct line_saved {
	uint32_t len, ready, eof_pending;
	char buf[LINE_SAVED_MAX];
};
/* Fills s; returns how many bytes of it count (the header and len bytes of buf). */
size_t line_save(const struct line *l, struct line_saved *s);
/* Takes back n bytes saved by line_save; false, with l unchanged, if they make no sense. */
bool line_restore(struct line *l, const struct line_saved *s, size_t n);

/* Translates output: copies from src into dst (room for dst_max bytes),
 * returns bytes written to dst and sets *consumed to the bytes of src used. */
size_t line_output(const struct termios *t, const char *src, size_t n, char *dst, size_t dst_max,
		   size_t *consumed);
