/*
 * The printf formatting core, shared by every printf-family function. It
 * parses one conversion at a time into a struct spec, formats it, and hands
 * the text to the caller's sink; it never buffers, so it works the same for
 * a string, the console or (later) a FILE.
 *
 * Supported: d i u o x X c s p %; flags - + space 0 #; width and precision,
 * also as *; length modifiers hh h l ll j z t. No floating point exists in
 * Samsara, so a conversion this does not know (%f, %n, ...) is copied to
 * the output as written and consumes no argument.
 */
#include <libc_private.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum length { LENGTH_INT, LENGTH_CHAR, LENGTH_SHORT, LENGTH_LONG, LENGTH_LONG_LONG,
	LENGTH_INTMAX, LENGTH_SIZE, LENGTH_PTRDIFF };

struct spec {
	bool left;        /* '-': pad on the right */
	bool plus;        /* '+': signed conversions always show a sign */
	bool space;       /* ' ': a space where a plus sign would go */
	bool zero;        /* '0': pad numbers with zeros after the sign */
	bool alternate;   /* '#': 0x for hex, a leading 0 for octal */
	int width;
	int precision;    /* -1 when absent */
	enum length length;
	char conversion;
};

/*
 * The arguments, passed between the helpers by pointer. Wrapping the
 * va_list in a struct keeps that portable (a va_list may be an array).
 */
struct arguments {
	va_list list;
};

struct output {
	__libc_format_sink *sink;
	void *context;
	size_t length;    /* everything produced so far */
};

static void emit(struct output *out, const char *text, size_t length)
{
	if (length == 0)
		return;
	out->sink(out->context, text, length);
	out->length += length;
}

static void emit_repeated(struct output *out, char c, int count)
{
	char chunk[32];
	memset(chunk, c, sizeof(chunk));
	for (; count > 0; count -= (int)sizeof(chunk))
		emit(out, chunk, count < (int)sizeof(chunk) ? (size_t)count : sizeof(chunk));
}

/* Emits text padded with spaces to the field width. */
static void emit_padded(struct output *out, const struct spec *s, const char *text, size_t length)
{
	int padding = length < (size_t)s->width ? s->width - (int)length : 0;
	if (!s->left)
		emit_repeated(out, ' ', padding);
	emit(out, text, length);
	if (s->left)
		emit_repeated(out, ' ', padding);
}

/* Reads a decimal number, saturating at INT_MAX. */
static const char *parse_number(const char *f, int *value)
{
	for (*value = 0; *f >= '0' && *f <= '9'; f++)
		*value = *value > (INT_MAX - 9) / 10 ? INT_MAX : *value * 10 + (*f - '0');
	return f;
}

static const char *parse_flags(const char *f, struct spec *s)
{
	for (;; f++) {
		switch (*f) {
		case '-': s->left = true; break;
		case '+': s->plus = true; break;
		case ' ': s->space = true; break;
		case '0': s->zero = true; break;
		case '#': s->alternate = true; break;
		default: return f;
		}
	}
}

/* A '*' width or precision comes from the arguments; a negative width means '-'. */
static const char *parse_width_precision(const char *f, struct spec *s, struct arguments *ap)
{
	if (*f == '*') {
		s->width = va_arg(ap->list, int);
		if (s->width < 0) {
			s->left = true;
			s->width = s->width == INT_MIN ? INT_MAX : -s->width;
		}
		f++;
	} else {
		f = parse_number(f, &s->width);
	}
	if (*f != '.')
		return f;
	if (*++f == '*') {
		s->precision = va_arg(ap->list, int);
		return f + 1;
	}
	return parse_number(f, &s->precision);
}

static const char *parse_length(const char *f, enum length *length)
{
	switch (*f) {
	case 'h':
		*length = f[1] == 'h' ? LENGTH_CHAR : LENGTH_SHORT;
		return f + (f[1] == 'h' ? 2 : 1);
	case 'l':
		*length = f[1] == 'l' ? LENGTH_LONG_LONG : LENGTH_LONG;
		return f + (f[1] == 'l' ? 2 : 1);
	case 'j': *length = LENGTH_INTMAX; return f + 1;
	case 'z': *length = LENGTH_SIZE; return f + 1;
	case 't': *length = LENGTH_PTRDIFF; return f + 1;
	default: *length = LENGTH_INT; return f;
	}
}

/* Parses the conversion after a '%'; returns a pointer to its last character. */
static const char *parse_spec(const char *f, struct spec *s, struct arguments *ap)
{
	*s = (struct spec){ .precision = -1 };
	f = parse_flags(f, s);
	f = parse_width_precision(f, s, ap);
	if (s->precision < -1)
		s->precision = -1;
	f = parse_length(f, &s->length);
	s->conversion = *f;
	return f;
}

static intmax_t signed_arg(enum length length, struct arguments *ap)
{
	/* Some of these types are the same on one ABI but not on another. */
	// NOLINTBEGIN(bugprone-branch-clone)
	switch (length) {
	case LENGTH_CHAR: return (signed char)va_arg(ap->list, int);
	case LENGTH_SHORT: return (short)va_arg(ap->list, int);
	case LENGTH_LONG: return va_arg(ap->list, long);
	case LENGTH_LONG_LONG: return va_arg(ap->list, long long);
	case LENGTH_INTMAX: return va_arg(ap->list, intmax_t);
	case LENGTH_SIZE: return (ptrdiff_t)va_arg(ap->list, size_t);
	case LENGTH_PTRDIFF: return va_arg(ap->list, ptrdiff_t);
	default: return va_arg(ap->list, int);
	}
	// NOLINTEND(bugprone-branch-clone)
}

static uintmax_t unsigned_arg(enum length length, struct arguments *ap)
{
	/* Some of these types are the same on one ABI but not on another. */
	// NOLINTBEGIN(bugprone-branch-clone)
	switch (length) {
	case LENGTH_CHAR: return (unsigned char)va_arg(ap->list, unsigned);
	case LENGTH_SHORT: return (unsigned short)va_arg(ap->list, unsigned);
	case LENGTH_LONG: return va_arg(ap->list, unsigned long);
	case LENGTH_LONG_LONG: return va_arg(ap->list, unsigned long long);
	case LENGTH_INTMAX: return va_arg(ap->list, uintmax_t);
	case LENGTH_SIZE: return va_arg(ap->list, size_t);
	case LENGTH_PTRDIFF: return (size_t)va_arg(ap->list, ptrdiff_t);
	default: return va_arg(ap->list, unsigned);
	}
	// NOLINTEND(bugprone-branch-clone)
}

/*
 * Emits an integer: padding, prefix (sign or 0x), zeros for the precision
 * or the '0' flag, then the digits. With precision 0 the value 0 has no
 * digits at all, as ISO C says.
 */
static void emit_integer(struct output *out, const struct spec *s, uintmax_t value,
	unsigned base, const char *prefix)
{
	const char *set = s->conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[sizeof(uintmax_t) * 3];
	int n = 0;
	for (; value; value /= base)
		digits[sizeof(digits) - 1 - n++] = set[value % base];
	int precision = s->precision < 0 ? 1 : s->precision;
	int zeros = precision > n ? precision - n : 0;
	if (s->alternate && base == 8 && zeros == 0)
		zeros = 1;
	int prefix_length = (int)strlen(prefix);
	int used = prefix_length + zeros + n;
	int padding = s->width > used ? s->width - used : 0;
	if (s->zero && !s->left && s->precision < 0) {
		zeros += padding;
		padding = 0;
	}
	if (!s->left)
		emit_repeated(out, ' ', padding);
	emit(out, prefix, (size_t)prefix_length);
	emit_repeated(out, '0', zeros);
	emit(out, digits + sizeof(digits) - n, (size_t)n);
	if (s->left)
		emit_repeated(out, ' ', padding);
}

static void format_signed(struct output *out, const struct spec *s, struct arguments *ap)
{
	intmax_t value = signed_arg(s->length, ap);
	const char *sign = value < 0 ? "-" : s->plus ? "+" : s->space ? " " : "";
	uintmax_t magnitude = value < 0 ? -(uintmax_t)value : (uintmax_t)value;
	emit_integer(out, s, magnitude, 10, sign);
}

static void format_unsigned(struct output *out, const struct spec *s, struct arguments *ap)
{
	uintmax_t value = unsigned_arg(s->length, ap);
	unsigned base = s->conversion == 'u' ? 10 : s->conversion == 'o' ? 8 : 16;
	const char *prefix = "";
	if (s->alternate && base == 16 && value)
		prefix = s->conversion == 'X' ? "0X" : "0x";
	emit_integer(out, s, value, base, prefix);
}

/* %p as glibc writes it: like %#x, and "(nil)" for a null pointer. */
static void format_pointer(struct output *out, const struct spec *s, struct arguments *ap)
{
	uintptr_t value = (uintptr_t)va_arg(ap->list, void *);
	if (!value) {
		emit_padded(out, s, "(nil)", 5);
		return;
	}
	struct spec hex = *s;
	hex.conversion = 'x';
	emit_integer(out, &hex, value, 16, "0x");
}

static void format_string(struct output *out, const struct spec *s, struct arguments *ap)
{
	const char *string = va_arg(ap->list, const char *);
	if (!string)
		string = "(null)";
	size_t length = s->precision < 0 ? strlen(string) : strnlen(string, (size_t)s->precision);
	emit_padded(out, s, string, length);
}

/* Formats one conversion; start points at its '%', s->conversion ends it. */
static void format_one(struct output *out, const struct spec *s, const char *start,
	const char *end, struct arguments *ap)
{
	char c;
	switch (s->conversion) {
	case 'd': case 'i':
		format_signed(out, s, ap);
		break;
	case 'u': case 'o': case 'x': case 'X':
		format_unsigned(out, s, ap);
		break;
	case 'c':
		c = (char)va_arg(ap->list, int);
		emit_padded(out, s, &c, 1);
		break;
	case 's': format_string(out, s, ap); break;
	case 'p': format_pointer(out, s, ap); break;
	case '%': emit(out, "%", 1); break;
	default: emit(out, start, (size_t)(end - start)); break;
	}
}

int __libc_vformat(__libc_format_sink *sink, void *context, const char *fmt, va_list ap)
{
	struct output out = { sink, context, 0 };
	struct arguments args;
	va_copy(args.list, ap);
	for (;;) {
		size_t literal = strcspn(fmt, "%");
		emit(&out, fmt, literal);
		fmt += literal;
		if (!*fmt)
			break;
		struct spec s;
		const char *last = parse_spec(fmt + 1, &s, &args);
		if (!*last) {
			emit(&out, fmt, (size_t)(last - fmt));  /* a '%' cut short by the end */
			break;
		}
		format_one(&out, &s, fmt, last + 1, &args);
		fmt = last + 1;
	}
	va_end(args.list);
	if (out.length > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)out.length;
}
