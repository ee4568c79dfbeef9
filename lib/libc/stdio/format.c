/* vsnprintf: %d %i %u %x %X %o %s %c %p %%, with flags '-' '0' '+' ' ', width, precision, l/ll. */
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>

struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

struct spec {
	bool left, zero, plus, space;
	int width, precision;
};

static void pad(struct out *o, int n, char c)
{
	while (n-- > 0)
		put(o, c);
}

static void emit_number(struct out *o, const struct spec *s, uint64_t v, unsigned base, bool upper, char sign)
{
	char digits[24];
	int n = 0;
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	while (v) {
		digits[n++] = set[v % base];  // cppcheck-suppress zerodivcond ; base is 8, 10 or 16
		v /= base;
	}
	int precision = s->precision < 0 ? 1 : s->precision;
	int zeros = precision > n ? precision - n : 0;
	int total = n + zeros + (sign != 0);
	bool zero_pad = s->zero && !s->left && s->precision < 0;
	if (!s->left && !zero_pad)
		pad(o, s->width - total, ' ');
	if (sign)
		put(o, sign);
	if (zero_pad)
		pad(o, s->width - total, '0');
	pad(o, zeros, '0');
	while (n)
		put(o, digits[--n]);
	if (s->left)
		pad(o, s->width - total, ' ');
}

static void emit_string(struct out *o, const struct spec *s, const char *str)
{
	int n = 0;
	if (!str)
		str = "(null)";
	while (str[n] && (s->precision < 0 || n < s->precision))
		n++;
	if (!s->left)
		pad(o, s->width - n, ' ');
	for (int i = 0; i < n; i++)
		put(o, str[i]);
	if (s->left)
		pad(o, s->width - n, ' ');
}

static const char *parse_spec(const char *f, struct spec *s, va_list *ap)
{
	*s = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-') s->left = true;
		else if (*f == '0') s->zero = true;
		else if (*f == '+') s->plus = true;
		else if (*f == ' ') s->space = true;
		else break;
	}
	if (*f == '*') {
		s->width = va_arg(*ap, int);
		f++;
	}
	while (*f >= '0' && *f <= '9')
		s->width = s->width * 10 + (*f++ - '0');
	if (*f == '.') {
		s->precision = 0;
		if (*++f == '*') {
			s->precision = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			s->precision = s->precision * 10 + (*f++ - '0');
	}
	return f;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list args;
	va_copy(args, ap);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			put(&o, *f);
			continue;
		}
		struct spec s;
		f = parse_spec(f + 1, &s, &args);
		int longs = 0;
		while (*f == 'l') {
			longs++;
			f++;
		}
		uint64_t u;
		switch (*f) {
		case 'd': case 'i': {
			int64_t v = longs >= 2 ? va_arg(args, long long) : longs ? va_arg(args, long) : va_arg(args, int);
			char sign = (char)(v < 0 ? '-' : s.plus ? '+' : s.space ? ' ' : '\0');
			emit_number(&o, &s, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, false, sign);
			break;
		}
		case 'u': case 'x': case 'X': case 'o':
			u = longs >= 2 ? va_arg(args, unsigned long long) : longs ? va_arg(args, unsigned long) : va_arg(args, unsigned);
			emit_number(&o, &s, u, *f == 'u' ? 10 : *f == 'o' ? 8 : 16, *f == 'X', 0);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			s.precision = 8;
			emit_number(&o, &s, (uintptr_t)va_arg(args, void *), 16, false, 0);
			break;
		case 's': emit_string(&o, &s, va_arg(args, const char *)); break;
		case 'c': put(&o, (char)va_arg(args, int)); break;
		case '%': put(&o, '%'); break;
		case '\0': f--; break;
		default: put(&o, '%'); put(&o, *f); break;
		}
	}
	va_end(args);
	if (size)
		o.buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
