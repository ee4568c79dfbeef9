/*
 * tty requests: open, close, read, write, ioctl, and the bookkeeping of the
 * requests that have to wait (see <samsara/cdev.h>). Every field of every
 * request is checked before anything is copied or queued.
 */
#include <string.h>
#include "tty.h"

#define CHUNK 256

struct pending {
	bool used, finished;
	uint32_t minor;
	endpoint_t client;
	uint32_t id, kind, len, done, flags;
	grant_id_t grant;
	uint32_t started;        /* CDEV_READ: the clock tick it came at (VTIME) */
	uint32_t end;            /* CDEV_WRITE: the terminal's queued count after its last byte */
	int status;              /* once finished */
};

static struct pending pending[TTY_PENDING];

static bool valid_minor(const message *m) { return m->cdev.minor < TTY_MINORS; }
static struct terminal *term(uint32_t minor) { return &terminals[minor]; }

int do_open(message *m) { return valid_minor(m) ? 0 : -ENXIO; }
int do_close(message *m) { return valid_minor(m) ? 0 : -ENXIO; }

/* Copies what the line has for a reader; returns bytes (0 = end of file) or an error. */
static int read_now(struct terminal *t, endpoint_t client, grant_id_t grant, uint32_t len)
{
	char buf[LINE_BUFFER];
	size_t n = line_read(&t->line, buf, len < sizeof(buf) ? len : sizeof(buf));
	int r = n ? sys_safecopy_to(client, grant, 0, buf, n) : 0;
	return r < 0 ? r : (int)n;
}

/* Moves bytes [*done, len) of a write into the output queue while there is room. */
static int write_some(struct terminal *t, endpoint_t client, grant_id_t grant, uint32_t len, uint32_t *done)
{
	char in[CHUNK], out[2 * CHUNK];
	for (;;) {
		/* each byte may become two (NL -> CR NL) */
		uint32_t want = (uint32_t)t->room() / 2;
		if (want > CHUNK)
			want = CHUNK;
		if (want > len - *done)
			want = len - *done;
		if (want == 0)
			break;
		int r = sys_safecopy_from(client, grant, *done, in, want);
		if (r < 0)
			return r;
		size_t used, n = line_output(&t->line.tio, in, want, out, sizeof(out), &used);
		terminal_put(t, out, n);
		*done += (uint32_t)used;
	}
	t->start();
	return 0;
}

/* Have the bytes queued up to end gone to the hardware? */
static bool sent_out(const struct terminal *t, uint32_t end)
{
	return !t->sent || (int32_t)(t->sent() - end) >= 0;
}

static int suspend(const message *m, uint32_t done, uint32_t end)
{
	for (int i = 0; i < TTY_PENDING; i++) {
		struct pending *p = &pending[i];
		if (p->used)
			continue;
		*p = (struct pending){ .used = true, .minor = m->cdev.minor, .client = m->source, .id = m->cdev.id,
				       .kind = (uint32_t)m->type, .len = m->cdev.len, .done = done,
				       .flags = m->cdev.flags, .grant = m->cdev.grant,
				       .started = (uint32_t)sys_uptime(), .end = end };
		tty_set_timer();
		return CDEV_SUSPENDED;
	}
	return -EAGAIN;  /* too many waiting requests */
}

int do_read(message *m)
{
	if (!valid_minor(m))
		return -ENXIO;
	if (m->cdev.len == 0)
		return 0;
	struct terminal *t = term(m->cdev.minor);
	if (line_readable(&t->line, m->cdev.len, false)) {
		int r = read_now(t, m->source, m->cdev.grant, m->cdev.len);
		tty_input_taken();
		return r;
	}
	if (m->cdev.flags & CDEV_NONBLOCK)
		return -EAGAIN;
	return suspend(m, 0, 0);
}

int do_write(message *m)
{
	if (!valid_minor(m))
		return -ENXIO;
	uint32_t done = 0;
	struct terminal *t = term(m->cdev.minor);
	int r = write_some(t, m->source, m->cdev.grant, m->cdev.len, &done);
	if (r < 0)
		return r;
	if (done == m->cdev.len && sent_out(t, t->queued))
		return (int)done;
	if (m->cdev.flags & CDEV_NONBLOCK)
		return done ? (int)done : -EAGAIN;
	return suspend(m, done, t->queued);
}

static void finish(struct pending *p, int status)
{
	p->finished = true;
	p->status = status;
	ipc_notify(p->client);
}

/* VTIME counts tenths of a second; the clock ticks CONFIG_HZ times a second. */
static uint32_t vtime_ticks(const struct terminal *t)
{
	return ((uint32_t)t->line.tio.c_cc[VTIME] * CONFIG_HZ + 9) / 10;
}

/* The tick at which a waiting read's VTIME timer runs out; 0 if it has none now. */
static uint32_t read_deadline(const struct pending *p)
{
	const struct terminal *t = term(p->minor);
	switch (p->kind == CDEV_READ ? line_timer(&t->line) : LINE_TIMER_NONE) {
	case LINE_TIMER_READ:
		return (p->started + vtime_ticks(t)) | 1;
	case LINE_TIMER_BYTE:
		return t->line.ready ? (t->last_input + vtime_ticks(t)) | 1 : 0;
	default:
		return 0;
	}
}

static bool timed_out(const struct pending *p, uint32_t now)
{
	uint32_t deadline = read_deadline(p);
	return deadline && (int32_t)(now - deadline) >= 0;
}

void tty_set_timer(void)
{
	uint32_t now = (uint32_t)sys_uptime(), soonest = tty_input_save_tick();
	for (int i = 0; i < TTY_PENDING; i++) {
		const struct pending *p = &pending[i];
		uint32_t deadline = p->used && !p->finished ? read_deadline(p) : 0;
		if (deadline && (!soonest || (int32_t)(deadline - soonest) < 0))
			soonest = deadline;
	}
	int32_t wait = soonest ? (int32_t)(soonest - now) : 0;
	sys_alarm(soonest ? (wait > 0 ? (uint32_t)wait : 1) : 0);
}

void tty_progress(void)
{
	uint32_t now = (uint32_t)sys_uptime();
	for (int i = 0; i < TTY_PENDING; i++) {
		struct pending *p = &pending[i];
		if (!p->used || p->finished)
			continue;
		struct terminal *t = term(p->minor);
		if (p->kind == CDEV_READ && line_readable(&t->line, p->len, timed_out(p, now))) {
			finish(p, read_now(t, p->client, p->grant, p->len));
		} else if (p->kind == CDEV_WRITE) {
			uint32_t before = p->done;
			int r = write_some(t, p->client, p->grant, p->len, &p->done);
			if (p->done != before)
				p->end = t->queued;
			if (r < 0 || (p->done == p->len && sent_out(t, p->end)))
				finish(p, r < 0 ? r : (int)p->done);
		}
	}
}

static struct pending *find(endpoint_t client, uint32_t id)
{
	for (int i = 0; i < TTY_PENDING; i++) {
		if (pending[i].used && pending[i].client == client && pending[i].id == id)
			return &pending[i];
	}
	return NULL;
}

int do_cancel(message *m)
{
	struct pending *p = find(m->source, m->cdev.id);
	if (!p)
		return -ENOENT;
	int status = p->finished ? p->status : (p->done ? (int)p->done : -EINTR);
	p->used = false;
	return status;
}

int do_status(message *m)
{
	for (int i = 0; i < TTY_PENDING; i++) {
		struct pending *p = &pending[i];
		if (p->used && p->finished && p->client == m->source) {
			m->cdev.id = p->id;
			m->cdev.status = p->status;
			p->used = false;
			return 0;
		}
	}
	return -ENOENT;
}

static int set_termios(message *m)
{
	struct termios t;
	struct terminal *term_ = term(m->cdev.minor);
	int r = sys_safecopy_from(m->source, m->cdev.grant, 0, &t, sizeof(t));
	if (r < 0)
		return r;
	if (m->cdev.request == TCSETSF)
		term_->line.len = term_->line.ready = 0;
	line_set_termios(&term_->line, &t);
	term_->state.tio = t;
	tty_save_state();
	tty_progress();  /* a reader may now be satisfied (raw mode) */
	tty_set_timer();
	tty_save_input();
	return 0;
}

int do_ioctl(message *m)
{
	if (!valid_minor(m))
		return -ENXIO;
	switch (m->cdev.request) {
	case TCGETS:
		return sys_safecopy_to(m->source, m->cdev.grant, 0, &term(m->cdev.minor)->line.tio,
				       sizeof(struct termios));
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(m);
	case TIOCGPGRP:
		m->cdev.pgrp = term(m->cdev.minor)->state.fg_pgrp;
		return 0;
	case TIOCSPGRP:
		if (m->cdev.pgrp <= 0)
			return -EINVAL;
		term(m->cdev.minor)->state.fg_pgrp = m->cdev.pgrp;
		tty_save_state();
		return 0;
	case TIOCGWINSZ: {
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };
		return sys_safecopy_to(m->source, m->cdev.grant, 0, &ws, sizeof(ws));
	}
	default:
		return -ENOTTY;
	}
}

/* Signals typed at the terminal, waiting for PM to collect them. */
static struct {
	int sig;
	int32_t pgrp;
} typed_signals[8];
static unsigned nr_typed_signals;

bool signal_queue(int sig, int32_t pgrp)
{
	if (nr_typed_signals == sizeof(typed_signals) / sizeof(typed_signals[0]))
		return false;
	typed_signals[nr_typed_signals].sig = sig;
	typed_signals[nr_typed_signals].pgrp = pgrp;
	nr_typed_signals++;
	return true;
}

int do_take_signal(message *m)
{
	struct kinfo_proc row;
	if (sys_proc_info((uint32_t)endpoint_slot(m->source), &row) < 0 || row.endpoint != m->source ||
	    strcmp(row.label, "pm") != 0)
		return -EPERM;
	if (nr_typed_signals == 0)
		return -ENOENT;
	m->cdev.status = typed_signals[0].sig;
	m->cdev.pgrp = typed_signals[0].pgrp;
	nr_typed_signals--;
	memmove(&typed_signals[0], &typed_signals[1], nr_typed_signals * sizeof(typed_signals[0]));
	return 0;
}
