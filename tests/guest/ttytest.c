/*
 * ttytest: drives the console driver as VFS will, through the character
 * device protocol, while a test on the host types at the serial console
 * (tests/system/tty.bats). Reports in TAP.
 */
#include <libsys.h>
#include <ds.h>
#include <stdio.h>
#include <string.h>
#include <samsara/termios.h>
#include "common/tap.h"

static endpoint_t tty;
static uint32_t next_id = 1;

/* One request; if the driver suspends it, waits for the notify and collects the result. */
static int cdev(int type, uint32_t request, void *buf, uint32_t len, uint32_t access, uint32_t flags)
{
	message m = { .type = type };
	grant_id_t g = buf ? sys_grant(tty, buf, len ? len : 1, access) : -1;
	m.cdev.minor = 0;
	m.cdev.id = next_id++;
	m.cdev.grant = g;
	m.cdev.len = len;
	m.cdev.flags = flags;
	m.cdev.request = request;
	int r = ipc_sendrec(tty, &m);
	if (r == 0 && m.type == CDEV_SUSPENDED) {
		uint32_t id = m.cdev.id;
		do {
			ipc_receive(tty, &m);       /* the notify */
			m = (message){ .type = CDEV_STATUS };
			r = ipc_sendrec(tty, &m);
		} while (r == 0 && (m.type < 0 || m.cdev.id != id));
		m.type = m.cdev.status;
	}
	if (g >= 0)
		sys_revoke(g);
	return r < 0 ? r : m.type;
}

static int tty_write(const char *s) { return cdev(CDEV_WRITE, 0, (void *)s, (uint32_t)strlen(s), GRANT_READ, 0); }
static int tty_read(char *buf, uint32_t len, uint32_t flags) { return cdev(CDEV_READ, 0, buf, len, GRANT_WRITE, flags); }
static int tty_ioctl(uint32_t request, void *arg, uint32_t len, uint32_t access)
{
	return cdev(CDEV_IOCTL, request, arg, len, access, 0);
}

/* Prompts the host side, reads one line; returns its length. */
static int prompt_and_read(const char *prompt, char *buf, uint32_t size)
{
	tty_write(prompt);
	memset(buf, 0, size);
	return tty_read(buf, size - 1, 0);
}

static void opening_and_writing(void)
{
	message m = { .type = CDEV_OPEN };
	ipc_sendrec(tty, &m);
	CHECK_EQ(m.type, 0, "the console opens");
	m = (message){ .type = CDEV_OPEN };
	m.cdev.minor = 5;
	ipc_sendrec(tty, &m);
	CHECK_EQ(m.type, -ENXIO, "a minor the driver does not have gives ENXIO");
	const char *hello = "ttytest: hello from the console driver\n";
	CHECK_EQ(tty_write(hello), strlen(hello), "a write returns the bytes written");
	struct termios t = { 0 };
	int r = tty_ioctl(TCGETS, &t, sizeof(t), GRANT_WRITE);
	check(r == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO) && (t.c_oflag & ONLCR),
	      "a fresh console is canonical, echoes, and maps NL to CR NL", "r=%d lflag=%x", r, t.c_lflag);
}

static void canonical_input(void)
{
	char buf[64];
	int n = prompt_and_read("ttytest: type a line\n", buf, sizeof(buf));
	check(n == 12 && strcmp(buf, "hello world\n") == 0, "a typed line is read whole, CR turned into NL",
	      "n=%d buf=%s", n, buf);
	n = prompt_and_read("ttytest: type with erase\n", buf, sizeof(buf));
	check(n == 4 && strcmp(buf, "axy\n") == 0, "erase removes the last typed characters", "n=%d buf=%s", n, buf);
	n = prompt_and_read("ttytest: type with kill\n", buf, sizeof(buf));
	check(n == 3 && strcmp(buf, "ok\n") == 0, "kill removes the whole line typed so far", "n=%d buf=%s", n, buf);
	/* Both lines are typed ahead: without echo, so that its echo cannot mix with this report. */
	struct termios t = { 0 }, quiet;
	tty_ioctl(TCGETS, &t, sizeof(t), GRANT_WRITE);
	quiet = t;
	quiet.c_lflag &= ~(uint32_t)ECHO;
	tty_ioctl(TCSETS, &quiet, sizeof(quiet), GRANT_READ);
	n = prompt_and_read("ttytest: type two lines\n", buf, 4);
	check(n == 3 && strcmp(buf, "one") == 0, "a short read takes the start of a line", "n=%d", n);
	n = tty_read(buf, sizeof(buf) - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	check(n == 1 && strcmp(buf, "\n") == 0, "the next read takes the rest of that line only", "n=%d", n);
	n = tty_read(buf, sizeof(buf) - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	check(n == 4 && strcmp(buf, "two\n") == 0, "the second line comes with the read after", "n=%d buf=%s", n, buf);
	tty_ioctl(TCSETS, &t, sizeof(t), GRANT_READ);
	n = prompt_and_read("ttytest: type end of file\n", buf, sizeof(buf));
	CHECK_EQ(n, 0, "^D on an empty line reads as end of file");
}

static void raw_mode(void)
{
	struct termios saved = { 0 }, raw;
	char buf[16] = { 0 };
	tty_ioctl(TCGETS, &saved, sizeof(saved), GRANT_WRITE);
	raw = saved;
	raw.c_lflag &= ~(uint32_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	CHECK_EQ(tty_ioctl(TCSETS, &raw, sizeof(raw), GRANT_READ), 0, "the console switches to raw mode");
	int n = prompt_and_read("ttytest: type one key\n", buf, sizeof(buf));
	check(n == 1 && buf[0] == 'q', "in raw mode a single key is read at once, without a newline",
	      "n=%d buf=%s", n, buf);
	tty_ioctl(TCSETS, &saved, sizeof(saved), GRANT_READ);
}

/* Reads in non-canonical mode with the given VMIN and VTIME; *ticks gets how long it took. */
static int read_with(const struct termios *saved, unsigned vmin, unsigned vtime, const char *prompt,
		     char *buf, uint32_t len, int *ticks)
{
	struct termios raw = *saved;
	raw.c_lflag &= ~(uint32_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = (cc_t)vmin;
	raw.c_cc[VTIME] = (cc_t)vtime;
	tty_ioctl(TCSETS, &raw, sizeof(raw), GRANT_READ);
	if (prompt)
		tty_write(prompt);
	memset(buf, 0, len);
	int start = sys_uptime();
	int n = tty_read(buf, len - 1, 0);
	*ticks = sys_uptime() - start;
	return n;
}

static void vmin_and_vtime(void)
{
	struct termios saved = { 0 };
	char buf[16];
	int ticks, hz = CONFIG_HZ;
	tty_ioctl(TCGETS, &saved, sizeof(saved), GRANT_WRITE);
	int n = read_with(&saved, 0, 0, NULL, buf, sizeof(buf), &ticks);
	check(n == 0 && ticks < hz / 10, "VMIN 0 and VTIME 0: a read with nothing typed returns 0 at once",
	      "n=%d ticks=%d", n, ticks);
	n = read_with(&saved, 0, 3, NULL, buf, sizeof(buf), &ticks);
	check(n == 0 && ticks >= 3 * hz / 10 - 1, "VMIN 0 and VTIME 3: with nothing typed, 0 after 0.3 s",
	      "n=%d ticks=%d", n, ticks);
	n = read_with(&saved, 3, 0, "ttytest: type three keys\n", buf, sizeof(buf), &ticks);
	check(n == 3 && strcmp(buf, "xyz") == 0, "VMIN 3: the read waits for three keys",
	      "n=%d buf=%s", n, buf);
	n = read_with(&saved, 5, 2, "ttytest: type two keys and wait\n", buf, sizeof(buf), &ticks);
	check(n == 2 && strcmp(buf, "ab") == 0, "VMIN 5 and VTIME 2: two keys come when the timer runs out",
	      "n=%d buf=%s", n, buf);
	tty_ioctl(TCSETS, &saved, sizeof(saved), GRANT_READ);
}

static void signals_and_cancel(void)
{
	int32_t pgrp = 7;
	message m = { .type = CDEV_IOCTL };
	m.cdev.request = TIOCSPGRP;
	m.cdev.pgrp = pgrp;
	ipc_sendrec(tty, &m);
	CHECK_EQ(m.type, 0, "the foreground process group is set");
	char buf[64];
	int n = prompt_and_read("ttytest: type an interrupted line\n", buf, sizeof(buf));
	check(n == 6 && strcmp(buf, "after\n") == 0, "^C discards the line typed before it", "n=%d buf=%s", n, buf);

	n = tty_read(buf, sizeof(buf), CDEV_NONBLOCK);
	CHECK_EQ(n, -EAGAIN, "a non-blocking read with nothing typed gives EAGAIN");
	m = (message){ .type = CDEV_READ };
	m.cdev.id = 4242;
	m.cdev.len = 10;
	m.cdev.grant = sys_grant(tty, buf, 10, GRANT_WRITE);
	ipc_sendrec(tty, &m);
	int suspended = m.type;
	m = (message){ .type = CDEV_CANCEL };
	m.cdev.id = 4242;
	ipc_sendrec(tty, &m);
	check(suspended == CDEV_SUSPENDED && m.type == -EINTR, "a suspended read that is cancelled ends with EINTR",
	      "suspended=%x cancel=%d", suspended, m.type);
}

static void bad_requests(void)
{
	message m = { .type = CDEV_WRITE };
	m.cdev.len = 10;
	m.cdev.grant = 0x7fff0003;
	ipc_sendrec(tty, &m);
	CHECK_EQ(m.type, -EBADGRANT, "a write through a made-up grant is refused");
	CHECK_EQ(tty_ioctl(0x1234, NULL, 0, 0), -ENOTTY, "an unknown ioctl gives ENOTTY");
	m = (message){ .type = CDEV_BASE + 77 };
	ipc_sendrec(tty, &m);
	CHECK_EQ(m.type, -ENOSYS, "an unknown request gives ENOSYS");
}

static void long_write(void)
{
	static char text[200 * 40];
	size_t len = 0;
	for (int i = 1; i <= 200; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, "ttytest: bulk line %03d of 200\n", i);
	CHECK_EQ(tty_write(text), len, "a write larger than the output queue completes in full");
}

static void report_through_tty(const char *s, size_t n)
{
	cdev(CDEV_WRITE, 0, (void *)s, (uint32_t)n, GRANT_READ, 0);
}

int main(void)
{
	tty = ds_lookup("tty");
	tap_set_writer(report_through_tty);
	opening_and_writing();
	canonical_input();
	raw_mode();
	vmin_and_vtime();
	signals_and_cancel();
	bad_requests();
	long_write();
	tap_finish("ttytest");
}
