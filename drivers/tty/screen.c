/* A text screen and its escape sequences; see screen.h. */
#include "screen.h"

#define ESC 0x1b
#define DEFAULT_FG 7                 /* light grey */
#define DEFAULT_BG 0                 /* black */

/* ANSI colour numbers (black red green yellow blue magenta cyan white) as VGA's. */
static const uint8_t vga_colour[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

static uint16_t blank(const struct screen *s)
{
	uint8_t fg = s->reverse ? s->bg : s->fg, bg = s->reverse ? (s->fg & 7) : s->bg;
	return (uint16_t)(((unsigned)bg << 12 | (unsigned)fg << 8) | ' ');
}

static void fill(struct screen *s, int from, int to)
{
	uint16_t b = blank(s);
	for (int i = from; i < to; i++)
		s->cells[i] = b;
}

static void reset_attributes(struct screen *s)
{
	s->fg = DEFAULT_FG;
	s->bg = DEFAULT_BG;
	s->reverse = false;
}

void screen_init(struct screen *s, volatile uint16_t *cells, int rows, int cols)
{
	s->cells = cells;
	s->rows = rows;
	s->cols = cols;
	s->row = s->col = s->saved_row = s->saved_col = 0;
	s->state = SCREEN_TEXT;
	reset_attributes(s);
	fill(s, 0, rows * cols);
}

static int clamp(int v, int low, int high) { return v < low ? low : v > high ? high : v; }

static void scroll_up(struct screen *s)
{
	int last = (s->rows - 1) * s->cols;
	for (int i = 0; i < last; i++)
		s->cells[i] = s->cells[i + s->cols];
	fill(s, last, last + s->cols);
}

static void line_feed(struct screen *s)
{
	if (++s->row >= s->rows) {
		scroll_up(s);
		s->row = s->rows - 1;
	}
}

static void put(struct screen *s, unsigned char c)
{
	switch (c) {
	case '\n': line_feed(s); s->col = 0; return;
	case '\r': s->col = 0; return;
	case '\b': if (s->col > 0) s->col--; return;
	case '\t': s->col = clamp((s->col + 8) & ~7, 0, s->cols - 1); return;
	case ESC: s->state = SCREEN_ESC; return;
	default: break;
	}
	if (c < ' ' || c == 0x7f)
		return;
	if (s->col >= s->cols) {     /* wrap only when a character needs the room */
		s->col = 0;
		line_feed(s);
	}
	uint16_t b = blank(s);
	s->cells[s->row * s->cols + s->col] = (uint16_t)((b & 0xff00) | c);
	s->col++;
}

/* Parameter i, or def when it is absent or 0 (as VT100 counts). */
static int param(const struct screen *s, int i, int def)
{
	return i < s->nr_params && s->params[i] > 0 ? s->params[i] : def;
}

static void select_graphic_rendition(struct screen *s)
{
	if (s->nr_params == 0)
		reset_attributes(s);
	for (int i = 0; i < s->nr_params; i++) {
		int p = s->params[i];
		if (p == 0)
			reset_attributes(s);
		else if (p == 1)
			s->fg |= 8;
		else if (p == 22)
			s->fg &= 7;
		else if (p == 7 || p == 27)
			s->reverse = p == 7;
		else if (p >= 30 && p <= 37)
			s->fg = (uint8_t)((s->fg & 8) | vga_colour[p - 30]);
		else if (p == 39)
			s->fg = (uint8_t)((s->fg & 8) | DEFAULT_FG);
		else if (p >= 40 && p <= 47)
			s->bg = vga_colour[p - 40];
		else if (p == 49)
			s->bg = DEFAULT_BG;
		else if (p >= 90 && p <= 97)
			s->fg = (uint8_t)(8 | vga_colour[p - 90]);
	}
}

/* CSI J and K: 0 from the cursor on, 1 up to the cursor, 2 all (of the screen or line). */
static void erase(struct screen *s, int mode, int start, int end)
{
	int here = s->row * s->cols + clamp(s->col, 0, s->cols - 1);
	if (mode == 0)
		fill(s, here, end);
	else if (mode == 1)
		fill(s, start, here + 1);
	else if (mode == 2)
		fill(s, start, end);
}

static void control_sequence(struct screen *s, unsigned char final)
{
	int line = s->row * s->cols;
	if (s->private)
		return;               /* e.g. CSI ? 25 l (cursor visibility): nothing to do */
	switch (final) {
	case 'H': case 'f':
		s->row = clamp(param(s, 0, 1) - 1, 0, s->rows - 1);
		s->col = clamp(param(s, 1, 1) - 1, 0, s->cols - 1);
		break;
	case 'A': s->row = clamp(s->row - param(s, 0, 1), 0, s->rows - 1); break;
	case 'B': s->row = clamp(s->row + param(s, 0, 1), 0, s->rows - 1); break;
	case 'C': s->col = clamp(s->col + param(s, 0, 1), 0, s->cols - 1); break;
	case 'D': s->col = clamp(s->col - param(s, 0, 1), 0, s->cols - 1); break;
	case 'G': s->col = clamp(param(s, 0, 1) - 1, 0, s->cols - 1); break;
	case 'd': s->row = clamp(param(s, 0, 1) - 1, 0, s->rows - 1); break;
	case 'J': erase(s, s->nr_params ? s->params[0] : 0, 0, s->rows * s->cols); break;
	case 'K': erase(s, s->nr_params ? s->params[0] : 0, line, line + s->cols); break;
	case 'm': select_graphic_rendition(s); break;
	case 's': s->saved_row = s->row; s->saved_col = s->col; break;
	case 'u': s->row = s->saved_row; s->col = s->saved_col; break;
	default: break;           /* unknown sequences are swallowed, not shown */
	}
}

/* One byte of an escape sequence; returns to text when the sequence ends. */
static void escape(struct screen *s, unsigned char c)
{
	if (s->state == SCREEN_ESC) {
		s->state = SCREEN_TEXT;
		if (c == '[') {
			s->state = SCREEN_CSI;
			s->nr_params = 0;
			s->private = false;
		} else if (c == 'c') {
			screen_init(s, s->cells, s->rows, s->cols);
		}
		return;
	}
	if (c >= '0' && c <= '9') {
		if (s->nr_params == 0)
			s->params[s->nr_params++] = 0;
		int *p = &s->params[s->nr_params - 1];
		*p = *p > 9999 ? *p : *p * 10 + (c - '0');
	} else if (c == ';') {
		if (s->nr_params == 0)
			s->params[s->nr_params++] = 0;
		if (s->nr_params < SCREEN_PARAMS)
			s->params[s->nr_params++] = 0;
	} else if (c == '?') {
		s->private = true;
	} else if (c >= 0x40 && c <= 0x7e) {
		control_sequence(s, c);
		s->state = SCREEN_TEXT;
	} else if (c < ' ' && c != ESC) {
		put(s, c);            /* control characters act even inside a sequence */
	} else {
		s->state = SCREEN_TEXT;   /* malformed: dropped */
	}
}

void screen_write(struct screen *s, const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (s->state == SCREEN_TEXT)
			put(s, c);
		else
			escape(s, c);
	}
}
