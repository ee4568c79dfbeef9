/*
 * Unit tests for the terminal line discipline (drivers/tty/line.c):
 * canonical editing and echo, end of file, signal characters, raw mode,
 * and output translation.
 */
#include <stddef.h>
#include <string.h>

#include "line.h"
#include "unit.h"

static char echoed[256];
static size_t echoed_len;
static int signals[8], nr_signals;

static void record_echo(const char *s, size_t n, void *ctx)
{
	(void)ctx;
	if (echoed_len + n < sizeof(echoed)) {
		memcpy(echoed + echoed_len, s, n);
		echoed_len += n;
		echoed[echoed_len] = '\0';
	}
}

static void record_signal(int sig, void *ctx)
{
	(void)ctx;
	if (nr_signals < 8)
		signals[nr_signals++] = sig;
}

static struct line l;

static void fresh(void)
{
	line_init(&l);
	l.echo = record_echo;
	l.signal = record_signal;
	echoed_len = 0;
	echoed[0] = '\0';
	nr_signals = 0;
}

static void type(const char *s)
{
	while (*s)
		line_input(&l, *s++);
}

/* Reads what is readable into a NUL-terminated buffer; returns the count. */
static size_t take(char *buf, size_t max)
{
	size_t n = line_read(&l, buf, max - 1);
	buf[n] = '\0';
	return n;
}

static void canonical_line_is_readable_only_when_finished(void)
{
	char buf[64];
	fresh();
	type("hello");
	CHECK(!line_readable(&l, 64, false));
	type("\r");
	CHECK(line_readable(&l, 64, false));
	CHECK(take(buf, sizeof(buf)) == 6 && strcmp(buf, "hello\n") == 0);
	CHECK(strcmp(echoed, "hello\n") == 0);
	CHECK(!line_readable(&l, 64, false));
}

static void erase_and_kill_edit_only_the_unfinished_line(void)
{
	char buf[64];
	fresh();
	type("first\rabc\x7f\x7fxy");
	CHECK(strstr(echoed, "\b \b\b \b") != NULL);
	type("\x15ok\r");
	CHECK(take(buf, sizeof(buf)) == 6 && strcmp(buf, "first\n") == 0);
	CHECK(take(buf, sizeof(buf)) == 3 && strcmp(buf, "ok\n") == 0);
	fresh();
	type("done\r\x7f\x7f");           /* erasing past a finished line does nothing */
	CHECK(take(buf, sizeof(buf)) == 5 && strcmp(buf, "done\n") == 0);
}

static void reads_return_one_line_at_a_time(void)
{
	char buf[64];
	fresh();
	type("one\rtwo\r");
	CHECK(take(buf, 3) == 2 && strcmp(buf, "on") == 0);
	CHECK(take(buf, sizeof(buf)) == 2 && strcmp(buf, "e\n") == 0);
	CHECK(take(buf, sizeof(buf)) == 4 && strcmp(buf, "two\n") == 0);
}

static void eof_on_empty_line_reads_as_zero_after_pending_data(void)
{
	char buf[64];
	fresh();
	type("\x04");
	CHECK(line_readable(&l, 64, false));
	CHECK(take(buf, sizeof(buf)) == 0);
	CHECK(!line_readable(&l, 64, false));
	fresh();
	type("part\x04");                 /* ^D after text hands the text over without a newline */
	CHECK(take(buf, sizeof(buf)) == 4 && strcmp(buf, "part") == 0);
	CHECK(!line_readable(&l, 64, false));
	fresh();
	type("line\r\x04");
	CHECK(take(buf, sizeof(buf)) == 5);
	CHECK(line_readable(&l, 64, false) && take(buf, sizeof(buf)) == 0);
}

static void interrupt_and_quit_discard_input_and_signal(void)
{
	char buf[64];
	fresh();
	type("partial\x03");
	CHECK(nr_signals == 1 && signals[0] == 2);
	CHECK(strstr(echoed, "partial^C\n") != NULL);
	type("after\r");
	CHECK(take(buf, sizeof(buf)) == 6 && strcmp(buf, "after\n") == 0);
	type("x\x1c");
	CHECK(nr_signals == 2 && signals[1] == 3);
	CHECK(!line_readable(&l, 64, false));
}

static void raw_mode_makes_every_key_readable_without_echo(void)
{
	char buf[64];
	fresh();
	type("abc");                      /* typed before the switch: readable after it */
	struct termios t = l.tio;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	line_set_termios(&l, &t);
	CHECK(line_readable(&l, 64, false) && take(buf, sizeof(buf)) == 3);
	echoed_len = 0;
	echoed[0] = '\0';
	type("\x7fq");                    /* no editing in raw mode */
	CHECK(take(buf, sizeof(buf)) == 2 && buf[0] == 0x7f && buf[1] == 'q');
	CHECK(echoed_len == 0);
}

static void isig_off_passes_control_characters_through(void)
{
	char buf[8];
	fresh();
	struct termios t = l.tio;
	t.c_lflag &= ~(tcflag_t)(ICANON | ISIG);
	line_set_termios(&l, &t);
	type("\x03");
	CHECK(nr_signals == 0 && take(buf, sizeof(buf)) == 1 && buf[0] == 3);
}

static void full_buffer_drops_further_input(void)
{
	char buf[LINE_BUFFER + 8];
	fresh();
	for (int i = 0; i < LINE_BUFFER + 100; i++)
		line_input(&l, 'x');
	CHECK(l.len == LINE_BUFFER);
	struct termios t = l.tio;
	t.c_lflag &= ~(tcflag_t)ICANON;
	line_set_termios(&l, &t);
	CHECK(take(buf, sizeof(buf)) == LINE_BUFFER);
}

/* Non-canonical mode with the given VMIN and VTIME (tenths of a second). */
static void raw_with(unsigned vmin, unsigned vtime)
{
	fresh();
	struct termios t = l.tio;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	t.c_cc[VMIN] = (cc_t)vmin;
	t.c_cc[VTIME] = (cc_t)vtime;
	line_set_termios(&l, &t);
}

static void vmin_and_vtime_decide_when_a_read_finishes(void)
{
	raw_with(0, 0);                   /* polling: at once, even with nothing */
	CHECK(line_readable(&l, 8, false) && line_timer(&l) == LINE_TIMER_NONE);

	raw_with(3, 0);                   /* blocks for VMIN bytes, no timer */
	type("ab");
	CHECK(!line_readable(&l, 8, false) && !line_readable(&l, 8, true));
	CHECK(line_readable(&l, 2, false));   /* but never for more than asked */
	type("c");
	CHECK(line_readable(&l, 8, false));

	raw_with(0, 5);                   /* a byte, or the read's timer */
	CHECK(line_timer(&l) == LINE_TIMER_READ);
	CHECK(!line_readable(&l, 8, false) && line_readable(&l, 8, true));
	type("x");
	CHECK(line_readable(&l, 8, false));

	raw_with(4, 2);                   /* VMIN bytes, or the timer after a byte */
	CHECK(line_timer(&l) == LINE_TIMER_BYTE);
	CHECK(!line_readable(&l, 8, true));   /* no byte yet: the timer has not started */
	type("yz");
	CHECK(!line_readable(&l, 8, false) && line_readable(&l, 8, true));
	type("zy");
	CHECK(line_readable(&l, 8, false));

	raw_with(1, 0);
	CHECK(!line_readable(&l, 8, false));
	fresh();                          /* canonical mode ignores both */
	CHECK(line_timer(&l) == LINE_TIMER_NONE && !line_readable(&l, 8, true));
}

static void typed_input_is_saved_and_restored(void)
{
	char buf[64];
	struct line_saved saved;
	fresh();
	type("first\nsec");
	size_t n = line_save(&l, &saved);
	CHECK(n == offsetof(struct line_saved, buf) + 9 && saved.ready == 6);
	fresh();                          /* a new driver instance */
	CHECK(line_restore(&l, &saved, n));
	CHECK(echoed_len == 0);           /* restored input is not echoed again */
	CHECK(take(buf, sizeof(buf)) == 6 && strcmp(buf, "first\n") == 0);
	type("ond\n");
	CHECK(take(buf, sizeof(buf)) == 7 && strcmp(buf, "second\n") == 0);

	struct line_saved bad = saved;    /* damaged records change nothing */
	fresh();
	bad.ready = bad.len + 1;
	CHECK(!line_restore(&l, &bad, n));
	bad = saved;
	CHECK(!line_restore(&l, &bad, n - 1) && !line_restore(&l, &bad, 3));
	bad.len = LINE_SAVED_MAX + 1;
	CHECK(!line_restore(&l, &bad, sizeof(bad)) && l.len == 0);

	fresh();                          /* a full buffer keeps its first part */
	for (int i = 0; i < LINE_BUFFER; i++)
		line_input(&l, 'y');
	CHECK(line_save(&l, &saved) == sizeof(saved) && saved.len == LINE_SAVED_MAX && saved.ready == 0);
}

static void output_maps_newline_to_crlf_within_room(void)
{
	struct termios t;
	line_default_termios(&t);
	char out[16];
	size_t used;
	size_t n = line_output(&t, "a\nb", 3, out, sizeof(out), &used);
	CHECK(n == 4 && used == 3 && memcmp(out, "a\r\nb", 4) == 0);
	n = line_output(&t, "ab\n", 3, out, 3, &used);   /* CR NL must not be split */
	CHECK(n == 2 && used == 2);
	t.c_oflag = 0;
	n = line_output(&t, "a\n", 2, out, sizeof(out), &used);
	CHECK(n == 2 && used == 2 && memcmp(out, "a\n", 2) == 0);
}

int main(void)
{
	RUN(canonical_line_is_readable_only_when_finished);
	RUN(erase_and_kill_edit_only_the_unfinished_line);
	RUN(reads_return_one_line_at_a_time);
	RUN(eof_on_empty_line_reads_as_zero_after_pending_data);
	RUN(interrupt_and_quit_discard_input_and_signal);
	RUN(raw_mode_makes_every_key_readable_without_echo);
	RUN(isig_off_passes_control_characters_through);
	RUN(full_buffer_drops_further_input);
	RUN(vmin_and_vtime_decide_when_a_read_finishes);
	RUN(typed_input_is_saved_and_restored);
	RUN(output_maps_newline_to_crlf_within_room);
	return unit_summary();
}
