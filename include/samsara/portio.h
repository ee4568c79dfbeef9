/*
 * x86 port I/O, for the kernel and for drivers. A driver may only touch the
 * ports its privilege record lists (the kernel's TSS I/O bitmap); any other
 * port faults.
 */
#pragma once

#include <samsara/types.h>

static inline void out8(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void out16(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }

static inline uint8_t in8(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint16_t in16(uint16_t port)
{
	uint16_t v;
	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* Reads count 16-bit words from port into buf (rep insw). */
static inline void in16_string(uint16_t port, void *buf, size_t count)
{
	__asm__ volatile("rep insw" : "+D"(buf), "+c"(count) : "d"(port) : "memory");
}

/* Writes count 16-bit words from buf to port (rep outsw). */
static inline void out16_string(uint16_t port, const void *buf, size_t count)
{
	__asm__ volatile("rep outsw" : "+S"(buf), "+c"(count) : "d"(port) : "memory");
}
