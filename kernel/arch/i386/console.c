/*
 * The kernel's log console: the first 16550 UART (COM1), polled, 115200 8N1.
 * It is used for kernel messages and KC_DIAG only; the console driver in user
 * space will own the UART's interrupts.
 */
#include "arch.h"
#include "cpu.h"

#define COM1 0x3f8
#define UART_THR 0
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_THR_EMPTY 0x20
#define LSR_TX_IDLE 0x40

void arch_console_init(void)
{
	out8(COM1 + UART_IER, 0x00);
	out8(COM1 + UART_LCR, 0x80);  /* divisor latch */
	out8(COM1 + 0, 1);            /* 115200 baud */
	out8(COM1 + 1, 0);
	out8(COM1 + UART_LCR, 0x03);  /* 8N1 */
	out8(COM1 + UART_FCR, 0xc7);  /* FIFOs on, cleared */
	out8(COM1 + UART_MCR, 0x0b);
}

static void uart_put(char c)
{
	for (int spins = 0; spins < 100000 && !(in8(COM1 + UART_LSR) & LSR_THR_EMPTY); spins++)
		;
	out8(COM1 + UART_THR, (uint8_t)c);
}

void arch_console_putc(char c)
{
	if (c == '\n')
		uart_put('\r');
	uart_put(c);
}

/* Wait until the last byte has left the shift register (Bochs drops it otherwise). */
void arch_console_flush(void)
{
	for (int spins = 0; spins < 1000000 && !(in8(COM1 + UART_LSR) & LSR_TX_IDLE); spins++)
		;
}
