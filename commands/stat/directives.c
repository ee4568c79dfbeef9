/*
 * stat's format directives: "%" with printf's flags, width and precision,
 * then a letter (%n name, %s size, %a mode in octal, %U owner, %y the
 * modification time, ...; see stat.c). Unknown letters print "?", as GNU's do.
 */
#include "../lib/cmd.h"
#include "stat.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define FLAGS "'-+ #0I"

/* One directive: its flags, width and precision as written, and its letter. */
struct directive {
	char spec[32];      /* "%-10" or "%.3": what printf should get before the conversion */
	int precision;      /* -1 when none was written */
	char modifier;      /* 'H' (major) or 'L' (minor) before d or r, else 0 */
	char letter;
};

/* Major and minor numbers of a device number, in glibc's encoding. */
static unsigned long long device_major(unsigned long long dev)
{
	return ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffULL);
}

static unsigned long long device_minor(unsigned long long dev)
{
	return (dev & 0xff) | ((dev >> 12) & ~0xffULL);
}

/* printf's format for the directive with conversion conv, keeping only the flags in allowed. */
static void make_format(const struct directive *d, const char *allowed, const char *conv, char *out, size_t size)
{
	size_t n = 0;
	const char *p = d->spec;
	out[n++] = *p++;
	for (; *p && strchr(FLAGS, *p); p++)
		if (strchr(allowed, *p) && *p != '\'' && *p != 'I')
			out[n++] = *p;
	snprintf(out + n, size - n, "%s%s", p, conv);
}

static void put_string(const struct directive *d, const char *text)
{
	char format[48];
	make_format(d, "-", "s", format, sizeof(format));
	out_format(format, text);
}

static void put_signed(const struct directive *d, long long value)
{
	char format[48];
	make_format(d, "'-+ 0", "lld", format, sizeof(format));
	out_format(format, value);
}

/* An unsigned number, in decimal ("llu"), octal ("llo") or hexadecimal ("llx"). */
static void put_unsigned(const struct directive *d, unsigned long long value, const char *conv)
{
	char format[48];
	make_format(d, conv[2] == 'u' ? "'-0" : "'-#0", conv, format, sizeof(format));
	out_format(format, value);
}

/* "2024-01-31 12:00:00.000000000 +0000": Samsara keeps whole seconds only. */
static void put_time(const struct directive *d, long long seconds)
{
	time_t t = (time_t)seconds;
	struct tm *tm = localtime(&t);
	char text[64], zone[16];
	if (!tm || strftime(text, 40, "%Y-%m-%d %H:%M:%S", tm) == 0 || strftime(zone, sizeof(zone), "%z", tm) == 0) {
		put_signed(d, seconds);
		return;
	}
	snprintf(text + strlen(text), sizeof(text) - strlen(text), ".000000000 %s", zone);
	put_string(d, text);
}

/* Seconds since the epoch; a precision adds that many (zero) decimals. */
static void put_seconds(const struct directive *d, long long seconds)
{
	if (d->precision <= 0) {
		put_signed(d, seconds);
		return;
	}
	char text[64];
	int digits = d->precision > 9 ? 9 : d->precision;
	snprintf(text, sizeof(text), "%lld.%.*s", seconds, digits, "000000000");
	struct directive plain = *d;
	snprintf(plain.spec, sizeof(plain.spec), "%%%s", d->spec[1] == '-' ? "-" : "");
	put_string(&plain, text);
}

/* %N: the name, and for a symbolic link " -> " and its target (each padded to the width). */
static void put_quoted_name(const struct directive *d, const struct stat_file *f)
{
	put_string(d, f->quote_names ? quoted_always(f->name) : f->name);
	if (!S_ISLNK(f->st.st_mode))
		return;
	size_t size = (size_t)f->st.st_size + 1;
	char *target = cmd_malloc(size);
	ssize_t len = readlink(f->name, target, size);
	if (len >= 0 && (size_t)len < size) {
		target[len] = '\0';
		out_str(" -> ");
		put_string(d, f->quote_names ? quoted_always(target) : target);
	}
	free(target);
}

static void put_owner(const struct directive *d, unsigned long id, const char *file)
{
	char *name = cmd_account_name(file, id);
	put_string(d, name ? name : "UNKNOWN");
	free(name);
}

/* The directives about the device: %d %D %Hd %Ld %r %R %Hr %Lr %t %T. */
static int put_device(const struct directive *d, const struct stat *st)
{
	unsigned long long dev = d->letter == 'd' || d->letter == 'D' ? st->st_dev : st->st_rdev;
	if (d->modifier)
		put_unsigned(d, d->modifier == 'H' ? device_major(dev) : device_minor(dev), "llu");
	else if (d->letter == 'd' || d->letter == 'r')
		put_unsigned(d, dev, "llu");
	else if (d->letter == 'D' || d->letter == 'R')
		put_unsigned(d, dev, "llx");
	else if (d->letter == 't')
		put_unsigned(d, device_major(dev), "llx");
	else if (d->letter == 'T')
		put_unsigned(d, device_minor(dev), "llx");
	else
		return 0;
	return 1;
}

static void put_directive(const struct directive *d, const struct stat_file *f)
{
	const struct stat *st = &f->st;
	char mode[11];
	if (put_device(d, st))
		return;
	switch (d->letter) {
	case 'n': put_string(d, f->name); break;
	case 'N': put_quoted_name(d, f); break;
	case 's': put_signed(d, (long long)st->st_size); break;
	case 'b': put_unsigned(d, (unsigned long long)st->st_blocks, "llu"); break;
	case 'B': put_unsigned(d, 512, "llu"); break;
	case 'o': put_unsigned(d, (unsigned long long)st->st_blksize, "llu"); break;
	case 'a': put_unsigned(d, st->st_mode & 07777, "llo"); break;
	case 'A': mode_string(st->st_mode, mode); put_string(d, mode); break;
	case 'f': put_unsigned(d, st->st_mode, "llx"); break;
	case 'F': put_string(d, file_type_name(st->st_mode, (long long)st->st_size)); break;
	case 'h': put_unsigned(d, st->st_nlink, "llu"); break;
	case 'i': put_unsigned(d, st->st_ino, "llu"); break;
	case 'u': put_unsigned(d, st->st_uid, "llu"); break;
	case 'U': put_owner(d, st->st_uid, "/etc/passwd"); break;
	case 'g': put_unsigned(d, st->st_gid, "llu"); break;
	case 'G': put_owner(d, st->st_gid, "/etc/group"); break;
	case 'x': put_time(d, (long long)st->st_atime); break;
	case 'y': put_time(d, (long long)st->st_mtime); break;
	case 'z': put_time(d, (long long)st->st_ctime); break;
	case 'X': put_seconds(d, (long long)st->st_atime); break;
	case 'Y': put_seconds(d, (long long)st->st_mtime); break;
	case 'Z': put_seconds(d, (long long)st->st_ctime); break;
	case 'w': put_string(d, "-"); break;   /* no birth times */
	case 'W': put_signed(d, 0); break;
	default: out_char('?'); break;
	}
}

/* Reads the directive after a '%' at text; returns where the text goes on. */
static const char *parse_directive(const char *text, struct directive *d)
{
	const char *start = text;  /* at the '%' */
	text++;
	text += strspn(text, FLAGS);
	text += strspn(text, "0123456789");
	d->precision = -1;
	if (*text == '.') {
		d->precision = atoi(text + 1);
		text++;
		text += strspn(text, "0123456789");
	}
	size_t len = (size_t)(text - start) < sizeof(d->spec) - 1 ? (size_t)(text - start) : sizeof(d->spec) - 1;
	memcpy(d->spec, start, len);
	d->spec[len] = '\0';
	d->modifier = 0;
	if ((*text == 'H' || *text == 'L') && (text[1] == 'd' || text[1] == 'r'))
		d->modifier = *text++;
	d->letter = *text;
	return *text ? text + 1 : text;
}

void stat_print(const char *format, const struct stat_file *file)
{
	for (const char *p = format; *p;) {
		if (*p != '%') {
			out_char(*p++);
			continue;
		}
		struct directive d;
		const char *next = parse_directive(p, &d);
		if (d.letter == '%' || d.letter == '\0') {
			if (strlen(d.spec) > 1) {
				out_flush();
				cmd_error("'%s%s': invalid directive", d.spec, d.letter ? "%" : "");
				cmd_exit(1);
			}
			out_char('%');
		} else {
			put_directive(&d, file);
		}
		p = next;
	}
}
