/* Formatted output to the kernel console, and panic(). */
#include <stdarg.h>
#include "kernel.h"

static void put_string(const char *s, int width, bool left)
{
	int len = (int)strlen(s);
	for (int i = len; !left && i < width; i++)
		arch_console_putc(' ');
	while (*s)
		arch_console_putc(*s++);
	for (int i = len; left && i < width; i++)
		arch_console_putc(' ');
}

static void put_unsigned(uint32_t v, unsigned base, int width, char pad, bool left)
{
	char buf[12];
	int n = 0;
	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	for (int i = n; !left && i < width; i++)
		arch_console_putc(pad);
	while (n)
		arch_console_putc(buf[--n]);
	for (int i = n; left && i < width; i++)
		arch_console_putc(' ');
}

/* Supports %d %u %x %p %s %c %% with a width, '0' padding and '-'. */
static void kvprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			arch_console_putc(*fmt);
			continue;
		}
		bool left = fmt[1] == '-';
		fmt += left;
		char pad = fmt[1] == '0' ? '0' : ' ';
		int width = 0;
		while (fmt[1] >= '0' && fmt[1] <= '9')
			width = width * 10 + (*++fmt - '0');
		switch (*++fmt) {
		case 'd': {
			int v = va_arg(ap, int);
			if (v < 0) {
				arch_console_putc('-');
				width--;
			}
			put_unsigned(v < 0 ? -(uint32_t)v : (uint32_t)v, 10, width, pad, left);
			break;
		}
		case 'u': put_unsigned(va_arg(ap, uint32_t), 10, width, pad, left); break;
		case 'x': put_unsigned(va_arg(ap, uint32_t), 16, width, pad, left); break;
		case 'p': put_string("0x", 0, false); put_unsigned(va_arg(ap, uint32_t), 16, 8, '0', false); break;
		case 's': put_string(va_arg(ap, const char *), width, left); break;
		case 'c': arch_console_putc((char)va_arg(ap, int)); break;
		case '%': arch_console_putc('%'); break;
		default: arch_console_putc('?'); break;
		}
	}
}

void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;
	kprintf("kernel: panic: ");
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	arch_backtrace((uint32_t)__builtin_frame_address(0));
	arch_shutdown(SHUTDOWN_HALT, 0);
}
