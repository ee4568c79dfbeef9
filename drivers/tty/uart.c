/*
 * The 16550 at COM1 (0x3f8, IRQ 4), as QEMU and Bochs emulate it: 115200
 * baud 8N1, FIFOs on, interrupts for received data, line status and an empty
 * transmitter. OUT2 in the modem control register gates the IRQ line on PCs.
 */
#include "uart.h"
#include <stdint.h>
#include <samsara/portio.h>

#define COM1 0x3f8
#define RBR 0   /* receive buffer (read) */
#define THR 0   /* transmit holding (write) */
#define IER 1
#define IIR 2   /* interrupt identification (read) */
#define FCR 2   /* FIFO control (write) */
#define LCR 3
#define MCR 4
#define LSR 5

#define IER_RX 0x01
#define IER_TX 0x02
#define IER_LINE 0x04
#define IIR_NONE 0x01
#define LSR_DATA 0x01
#define LSR_THR_EMPTY 0x20
#define FIFO_DEPTH 16

static char tx_queue[UART_TX_QUEUE];
static size_t tx_head, tx_count;
static uint32_t tx_sent;          /* bytes handed to the transmitter since start */
static uint8_t ier;

static void set_ier(uint8_t bits)
{
	if (bits != ier) {
		ier = bits;
		out8(COM1 + IER, ier);
	}
}

void uart_init(void)
{
	out8(COM1 + IER, 0);
	out8(COM1 + LCR, 0x80);  /* divisor latch: 115200 baud */
	out8(COM1 + 0, 1);
	out8(COM1 + 1, 0);
	out8(COM1 + LCR, 0x03);  /* 8N1 */
	out8(COM1 + FCR, 0x07);  /* FIFOs on and cleared, interrupt at 1 byte */
	out8(COM1 + MCR, 0x0b);  /* DTR, RTS, OUT2 */
	ier = 0xff;
	set_ier(IER_RX | IER_LINE);
	while (in8(COM1 + LSR) & LSR_DATA)
		(void)in8(COM1 + RBR);
}

size_t uart_queue_room(void)
{
	return UART_TX_QUEUE - tx_count;
}

size_t uart_queue(const char *s, size_t n)
{
	size_t i = 0;
	for (; i < n && tx_count < UART_TX_QUEUE; i++, tx_count++)
		tx_queue[(tx_head + tx_count) % UART_TX_QUEUE] = s[i];
	return i;
}

/* Fills the transmit FIFO if it is empty; asks for an interrupt while more waits. */
void uart_start(void)
{
	if (tx_count && (in8(COM1 + LSR) & LSR_THR_EMPTY)) {
		for (int i = 0; i < FIFO_DEPTH && tx_count; i++, tx_count--) {
			out8(COM1 + THR, (uint8_t)tx_queue[tx_head]);
			tx_head = (tx_head + 1) % UART_TX_QUEUE;
			tx_sent++;
		}
	}
	set_ier(tx_count ? (IER_RX | IER_LINE | IER_TX) : (IER_RX | IER_LINE));
}

uint32_t uart_sent(void)
{
	return tx_sent;
}

void uart_drain(void)
{
	for (int spins = 0; tx_count && spins < 1000000; spins++)
		uart_start();
}

void uart_interrupt(void (*receive)(char c, void *ctx), void *ctx)
{
	for (int rounds = 0; rounds < 64 && !(in8(COM1 + IIR) & IIR_NONE); rounds++) {
		while (in8(COM1 + LSR) & LSR_DATA)
			receive((char)in8(COM1 + RBR), ctx);
		uart_start();
	}
	uart_start();
}
