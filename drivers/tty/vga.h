/* The VGA text console (vga.c) and the PS/2 keyboard (keyboard.c). */
#pragma once

#include <stddef.h>

#define KEYBOARD_IRQ 1

int vga_init(void);
size_t vga_write(const char *s, size_t n);

void keyboard_init(void);
/* Reads what the keyboard has; each character typed goes to receive(c, ctx). */
void keyboard_interrupt(void (*receive)(char c, void *ctx), void *ctx);
