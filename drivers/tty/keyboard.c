/*
 * The PS/2 keyboard (i8042 controller, data port 0x60, status 0x64, IRQ 1),
 * scan code set 1 as QEMU and Bochs deliver it, turned into ASCII with
 * Shift, Ctrl and Caps Lock. Keys with no character (F1, arrows) are dropped.
 */
#include <stdbool.h>
#include <stdint.h>
#include "vga.h"
#include <samsara/portio.h>

#define DATA 0x60
#define STATUS 0x64
#define OUTPUT_FULL 0x01

static const char plain[0x3a] = {
	0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', '\b', '\t',
	'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r', 0, 'a', 's',
	'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x', 'c', 'v',
	'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ',
};
static const char shifted[0x3a] = {
	0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '\b', '\t',
	'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0, 'A', 'S',
	'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|', 'Z', 'X', 'C', 'V',
	'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ',
};

#define SC_LCTRL 0x1d
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CAPS 0x3a
#define SC_BACKSPACE 0x0e
#define RELEASED 0x80

static bool shift, ctrl, caps;

void keyboard_init(void)
{
	while (in8(STATUS) & OUTPUT_FULL)  /* drop what came before us */
		(void)in8(DATA);
}

/* The character for scan code sc (a key press), or 0. */
static char translate(uint8_t sc)
{
	if (sc >= sizeof(plain))
		return 0;
	char c = shift ? shifted[sc] : plain[sc];
	if (caps && c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	else if (caps && c >= 'A' && c <= 'Z' && shift)
		c = (char)(c - 'A' + 'a');
	if (sc == SC_BACKSPACE)
		c = 0x7f;  /* the terminal's erase character */
	if (ctrl && c >= '@' && c <= '~')
		c = (char)(c & 0x1f);
	return c;
}

static void scan_code(uint8_t sc, void (*receive)(char c, void *ctx), void *ctx)
{
	bool press = !(sc & RELEASED);
	uint8_t key = sc & (uint8_t)~RELEASED;
	if (key == SC_LSHIFT || key == SC_RSHIFT)
		shift = press;
	else if (key == SC_LCTRL)
		ctrl = press;
	else if (key == SC_CAPS && press)
		caps = !caps;
	else if (press) {
		char c = translate(key);
		if (c)
			receive(c, ctx);
	}
}

void keyboard_interrupt(void (*receive)(char c, void *ctx), void *ctx)
{
	for (int n = 0; n < 32 && (in8(STATUS) & OUTPUT_FULL); n++) {
		uint8_t sc = in8(DATA);
		if (sc != 0xe0)  /* extended keys: their second byte is handled as a plain code */
			scan_code(sc, receive, ctx);
	}
}
