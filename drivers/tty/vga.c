/*
 * The VGA text console: 80x25 characters at physical 0xB8000, mapped into
 * this driver with KC_VM, and the hardware cursor (CRT controller, ports
 * 0x3D4/0x3D5). Output is written at once; there is nothing to wait for.
 */
#include <string.h>
#include <libsys.h>
#include "vga.h"
#include <samsara/portio.h>

#define VGA_PHYS 0xb8000u
#define VGA_VIRT 0x70000000u      /* where this driver sees it */
#define COLS 80
#define ROWS 25
#define ATTR 0x0700               /* light grey on black */

static volatile uint16_t *screen;
static int row, col;

static void move_cursor(void)
{
	uint16_t pos = (uint16_t)(row * COLS + col);
	out8(0x3d4, 0x0f);
	out8(0x3d5, pos & 0xff);
	out8(0x3d4, 0x0e);
	out8(0x3d5, pos >> 8);
}

static void scroll(void)
{
	for (int i = 0; i < (ROWS - 1) * COLS; i++)
		screen[i] = screen[i + COLS];
	for (int i = (ROWS - 1) * COLS; i < ROWS * COLS; i++)
		screen[i] = ATTR | ' ';
	row = ROWS - 1;
}

int vga_init(void)
{
	int r = sys_vm_map_phys(VGA_VIRT, 2 * 4096, VGA_PHYS);
	if (r < 0)
		return r;
	screen = (volatile uint16_t *)VGA_VIRT;
	for (int i = 0; i < ROWS * COLS; i++)
		screen[i] = ATTR | ' ';
	row = col = 0;
	move_cursor();
	return 0;
}

static void put(char c)
{
	switch (c) {
	case '\n': col = 0; row++; break;
	case '\r': col = 0; break;
	case '\b': if (col > 0) col--; break;
	case '\t': col = (col + 8) & ~7; break;
	default:
		if ((unsigned char)c < ' ')
			return;
		screen[row * COLS + col] = (uint16_t)(ATTR | (unsigned char)c);
		col++;
	}
	if (col >= COLS) {
		col = 0;
		row++;
	}
	if (row >= ROWS)
		scroll();
}

size_t vga_write(const char *s, size_t n)
{
	if (!screen)
		return n;  /* no VGA: output vanishes, as on a machine without a screen */
	for (size_t i = 0; i < n; i++)
		put(s[i]);
	move_cursor();
	return n;
}
