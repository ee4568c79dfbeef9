/*
 * A text screen of character cells and what a VT100-style terminal does
 * with the bytes written to it: printable characters, CR, LF, BS, TAB,
 * scrolling, and the ANSI escape sequences programs use to place the cursor,
 * erase and colour (CSI H f J K A B C D G d m s u, and ESC c). Pure logic,
 * unit-tested on the host; vga.c points it at the VGA text memory.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCREEN_PARAMS 8

struct screen {
	volatile uint16_t *cells;   /* rows * cols cells: character | attribute << 8 */
	int rows, cols;
	int row, col;               /* the cursor */
	int saved_row, saved_col;   /* CSI s / CSI u */
	uint8_t fg, bg;             /* VGA colours (0-15, 0-7) for what is written next */
	bool reverse;               /* SGR 7: foreground and background swapped */
	/* the escape sequence being read */
	enum { SCREEN_TEXT, SCREEN_ESC, SCREEN_CSI } state;
	int params[SCREEN_PARAMS];
	int nr_params;
	bool private;               /* CSI ? ...: accepted and ignored */
};

/* Clears the whole screen and puts the cursor home. */
void screen_init(struct screen *s, volatile uint16_t *cells, int rows, int cols);
void screen_write(struct screen *s, const char *text, size_t n);
