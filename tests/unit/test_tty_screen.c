/*
 * Unit tests for the text screen (drivers/tty/screen.c): printing, wrapping
 * and scrolling, and the escape sequences `clear`, `more` and full-screen
 * programs send.
 */
#include <string.h>

#include "screen.h"
#include "unit.h"

#define ROWS 4
#define COLS 10

static uint16_t cells[ROWS * COLS];
static struct screen s;

static void fresh(void) { screen_init(&s, cells, ROWS, COLS); }
static void out(const char *text) { screen_write(&s, text, strlen(text)); }

/* Row r's characters, trailing blanks cut. */
static const char *row_text(int r)
{
	static char buf[COLS + 1];
	for (int c = 0; c < COLS; c++)
		buf[c] = (char)(cells[r * COLS + c] & 0xff);
	int n = COLS;
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return buf;
}

static unsigned attr_at(int r, int c) { return cells[r * COLS + c] >> 8; }

static void text_wraps_and_scrolls(void)
{
	fresh();
	CHECK(strcmp(row_text(0), "") == 0 && attr_at(0, 0) == 0x07);
	out("hello\r\nworld\tx");
	CHECK(strcmp(row_text(0), "hello") == 0 && strcmp(row_text(1), "world   x") == 0);
	out("\r\n0123456789ab");           /* a full row, then the wrap */
	CHECK(strcmp(row_text(2), "0123456789") == 0 && strcmp(row_text(3), "ab") == 0);
	out("\r\nnext");                   /* scrolls: the first row goes */
	CHECK(strcmp(row_text(0), "world   x") == 0 && strcmp(row_text(3), "next") == 0);
	CHECK(s.row == 3 && s.col == 4);
	out("\b\bX");
	CHECK(strcmp(row_text(3), "neXt") == 0);
}

static void clear_homes_and_erases(void)
{
	fresh();
	out("abc\r\ndef");
	out("\033[H\033[2J");              /* what clear sends */
	for (int r = 0; r < ROWS; r++)
		CHECK(strcmp(row_text(r), "") == 0);
	CHECK(s.row == 0 && s.col == 0);
	out("xy\033c");                    /* ESC c: a full reset */
	CHECK(s.row == 0 && s.col == 0 && strcmp(row_text(0), "") == 0);
}

static void cursor_moves_and_partial_erases(void)
{
	fresh();
	out("0123456789\r\nabcdefghij");
	out("\033[1;4H");                  /* row 1, column 4 */
	CHECK(s.row == 0 && s.col == 3);
	out("\033[K");                     /* erase to the end of the line */
	CHECK(strcmp(row_text(0), "012") == 0);
	out("\033[2;5H\033[1K");           /* erase up to the cursor */
	CHECK(strcmp(row_text(1), "     fghij") == 0);
	out("\033[2K");
	CHECK(strcmp(row_text(1), "") == 0);
	out("\033[B\033[3C\033[A\033[D");  /* down, right 3, up, left */
	CHECK(s.row == 1 && s.col == 6);
	out("\033[99;99H");                /* clamped to the screen */
	CHECK(s.row == ROWS - 1 && s.col == COLS - 1);
	out("\033[s\033[H\033[u");         /* save and restore */
	CHECK(s.row == ROWS - 1 && s.col == COLS - 1);
	out("\033[3G\033[2d");
	CHECK(s.row == 1 && s.col == 2);
	out("x\033[J");                    /* erase from the cursor to the end */
	CHECK(strcmp(row_text(1), "  x") == 0 && strcmp(row_text(0), "012") == 0);
}

static void colours_and_reverse(void)
{
	fresh();
	out("\033[31mr\033[1;44mb\033[0mn\033[7mv\033[27m\033[92mg");
	CHECK(attr_at(0, 0) == 0x04);      /* red on black */
	CHECK(attr_at(0, 1) == 0x1c);      /* bright red on blue */
	CHECK(attr_at(0, 2) == 0x07);      /* back to the default */
	CHECK(attr_at(0, 3) == 0x70);      /* reversed */
	CHECK(attr_at(0, 4) == 0x0a);      /* bright green */
	CHECK(strcmp(row_text(0), "rbnvg") == 0);
}

static void odd_sequences_are_swallowed(void)
{
	fresh();
	out("a\033[?25lb\033[12;34;56;78;90;12;34;56;78;90;99zc\033[1\x01;2Hd\033(e");
	/* CSI ? 25 l is ignored; an unknown final byte ends its sequence unseen;
	 * a control character inside a sequence acts (here: nothing) and the
	 * sequence goes on (the cursor goes to column 2, d overwrites b); ESC (
	 * drops the ESC and its byte */
	CHECK(strcmp(row_text(0), "ade") == 0);
	out("\033[999999999999mx");        /* huge numbers neither overflow nor act */
	CHECK(strcmp(row_text(0), "adex") == 0 && attr_at(0, 3) == 0x07);
}

int main(void)
{
	RUN(text_wraps_and_scrolls);
	RUN(clear_homes_and_erases);
	RUN(cursor_moves_and_partial_erases);
	RUN(colours_and_reverse);
	RUN(odd_sequences_are_swallowed);
	return unit_summary();
}
