/* The 16550 UART at COM1: interrupt-driven receive and transmit. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UART_IRQ 4
#define UART_TX_QUEUE 4096

void uart_init(void);
/* Queues up to n bytes for sending; returns how many fit. */
size_t uart_queue(const char *s, size_t n);
size_t uart_queue_room(void);
/* How many bytes have gone to the transmitter since start (wrapping). */
uint32_t uart_sent(void);
/* Services the UART after its IRQ: received bytes go to receive(c, ctx);
 * the transmitter is refilled from the queue. */
void uart_interrupt(void (*receive)(char c, void *ctx), void *ctx);
/* Starts sending queued bytes (after uart_queue outside an interrupt). */
void uart_start(void);
/* Sends everything queued now, polling: before a log line goes out on the
 * same wire through the kernel, so that the two do not interleave. */
void uart_drain(void);
