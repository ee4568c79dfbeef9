/* The line discipline; see line.h. */
#include "line.h"
#include <stddef.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)
#define SIGINT 2
#define SIGQUIT 3

void line_default_termios(struct termios *t)
{
	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = CS8 | CREAD;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK;
	t->c_cc[VINTR] = CTRL('C');
	t->c_cc[VQUIT] = CTRL('\\');
	t->c_cc[VERASE] = 0x7f;
	t->c_cc[VKILL] = CTRL('U');
	t->c_cc[VEOF] = CTRL('D');
	t->c_cc[VMIN] = 1;
	t->c_ispeed = t->c_ospeed = B115200;
}

void line_init(struct line *l)
{
	l->len = l->ready = 0;
	l->eof_pending = false;
	line_default_termios(&l->tio);
}

static bool canonical(const struct line *l) { return l->tio.c_lflag & ICANON; }

static void echo(struct line *l, const char *s, size_t n)
{
	if (l->echo)
		l->echo(s, n, l->ctx);
}

void line_set_termios(struct line *l, const struct termios *t)
{
	l->changes++;
	l->tio = *t;
	if (!canonical(l))
		l->ready = l->len;
}

/* Removes the last unfinished character, echoing the erasure. */
static void erase_one(struct line *l)
{
	if (l->len == l->ready)
		return;
	l->len--;
	if (l->tio.c_lflag & ECHOE)
		echo(l, "\b \b", 3);
}

static void signal_char(struct line *l, int sig, const char *shown)
{
	l->len = l->ready = 0;    /* a signal discards what was typed */
	l->eof_pending = false;
	if (l->tio.c_lflag & ECHO)
		echo(l, shown, 3);
	if (l->signal)
		l->signal(sig, l->ctx);
}

static void append(struct line *l, char c)
{
	if (l->len == LINE_BUFFER)
		return;               /* full: further input is dropped, as a tty does */
	l->buf[l->len++] = c;
	if (l->tio.c_lflag & ECHO || (c == '\n' && l->tio.c_lflag & ECHONL))
		echo(l, &c, 1);
	if (!canonical(l) || c == '\n')
		l->ready = l->len;
}

/* Handles the canonical-mode editing characters; false if c is ordinary. */
static bool edit(struct line *l, char c)
{
	const cc_t *cc = l->tio.c_cc;
	if (c == (char)cc[VERASE] || c == '\b') {
		erase_one(l);
	} else if (c == (char)cc[VKILL]) {
		while (l->len > l->ready)
			erase_one(l);
	} else if (c == (char)cc[VEOF]) {
		if (l->len == l->ready)
			l->eof_pending = true;
		l->ready = l->len;    /* a partial line is handed over as it is */
	} else {
		return false;
	}
	return true;
}

void line_input(struct line *l, char c)
{
	const struct termios *t = &l->tio;
	l->changes++;
	if (c == '\r' && (t->c_iflag & IGNCR))
		return;
	if (c == '\r' && (t->c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (t->c_iflag & INLCR))
		c = '\r';
	if (t->c_lflag & ISIG) {
		if (c == (char)t->c_cc[VINTR]) {
			signal_char(l, SIGINT, "^C\n");
			return;
		}
		if (c == (char)t->c_cc[VQUIT]) {
			signal_char(l, SIGQUIT, "^\\\n");
			return;
		}
	}
	if (canonical(l) && edit(l, c))
		return;
	append(l, c);
}

bool line_readable(const struct line *l, size_t want, bool timed_out)
{
	if (canonical(l))
		return l->ready || l->eof_pending;
	size_t min = l->tio.c_cc[VMIN];
	if (min > want)
		min = want;
	if (l->ready >= min && (min > 0 || l->ready > 0 || l->tio.c_cc[VTIME] == 0))
		return true;
	return timed_out && line_timer(l) != LINE_TIMER_NONE && (min == 0 || l->ready > 0);
}

enum line_timer line_timer(const struct line *l)
{
	if (canonical(l) || l->tio.c_cc[VTIME] == 0)
		return LINE_TIMER_NONE;
	return l->tio.c_cc[VMIN] == 0 ? LINE_TIMER_READ : LINE_TIMER_BYTE;
}

size_t line_read(struct line *l, char *dst, size_t max)
{
	size_t n = l->ready < max ? l->ready : max;
	if (canonical(l)) {
		const char *nl = memchr(l->buf, '\n', n);
		if (nl)
			n = (size_t)(nl - l->buf) + 1;
	}
	l->changes++;
	if (n == 0 && l->eof_pending) {
		l->eof_pending = false;
		return 0;
	}
	memcpy(dst, l->buf, n);
	memmove(l->buf, l->buf + n, l->len - n);
	l->len -= n;
	l->ready -= n;
	return n;
}

size_t line_save(const struct line *l, struct line_saved *s)
{
	s->len = l->len < LINE_SAVED_MAX ? (uint32_t)l->len : LINE_SAVED_MAX;
	s->ready = l->ready < s->len ? (uint32_t)l->ready : s->len;
	s->eof_pending = l->eof_pending;
	memcpy(s->buf, l->buf, s->len);
	return offsetof(struct line_saved, buf) + s->len;
}

bool line_restore(struct line *l, const struct line_saved *s, size_t n)
{
	size_t head = offsetof(struct line_saved, buf);
	if (n < head || s->len > LINE_SAVED_MAX || n != head + s->len || s->ready > s->len ||
	    s->eof_pending > 1)
		return false;
	memcpy(l->buf, s->buf, s->len);
	l->len = s->len;
	l->ready = canonical(l) ? s->ready : s->len;
	l->eof_pending = s->eof_pending;
	l->changes++;
	return true;
}

size_t line_output(const struct termios *t, const char *src, size_t n, char *dst, size_t dst_max,
		   size_t *consumed)
{
	bool crlf = (t->c_oflag & OPOST) && (t->c_oflag & ONLCR);
	size_t in = 0, out = 0;
	while (in < n) {
		if (crlf && src[in] == '\n') {
			if (out + 2 > dst_max)
				break;
			dst[out++] = '\r';
		} else if (out + 1 > dst_max) {
			break;
		}
		dst[out++] = src[in++];
	}
	*consumed = in;
	return out;
}
