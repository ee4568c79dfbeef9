/*
 * The VGA text console: 80x25 characters at physical 0xB8000, mapped into
 * this driver with KC_VM, and the hardware cursor (CRT controller, ports
 * 0x3D4/0x3D5). Output is written at once; there is nothing to wait for.
 * What the bytes do (escape sequences included) is screen.c's business.
 */
#include <libsys.h>
#include "screen.h"
#include "vga.h"
#include <samsara/portio.h>

#define VGA_PHYS 0xb8000u
#define VGA_VIRT 0x70000000u      /* where this driver sees it */
#define COLS 80
#define ROWS 25

static struct screen screen;
static bool present;

static void move_cursor(void)
{
	int col = screen.col < COLS ? screen.col : COLS - 1;
	uint16_t pos = (uint16_t)(screen.row * COLS + col);
	out8(0x3d4, 0x0f);
	out8(0x3d5, pos & 0xff);
	out8(0x3d4, 0x0e);
	out8(0x3d5, pos >> 8);
}

int vga_init(void)
{
	int r = sys_vm_map_phys(VGA_VIRT, 2 * 4096, VGA_PHYS);
	if (r < 0)
		return r;
	screen_init(&screen, (volatile uint16_t *)VGA_VIRT, ROWS, COLS);
	present = true;
	move_cursor();
	return 0;
}

size_t vga_write(const char *s, size_t n)
{
	if (!present)
		return n;  /* no VGA: output vanishes, as on a machine without a screen */
	screen_write(&screen, s, n);
	move_cursor();
	return n;
}
