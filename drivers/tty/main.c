/*
 * tty: the console driver. Minor 0 is the serial console (COM1, interrupt
 * driven), minor 1 the VGA text screen with the PS/2 keyboard; each has its
 * own POSIX line discipline. Their settings and foreground process groups
 * live in DS, so a restarted instance picks them up again.
 */
#include <string.h>
#include <ds.h>
#include "tty.h"
#include "uart.h"
#include "vga.h"

#define SERIAL 0
#define SCREEN 1

static size_t serial_room(void) { return uart_queue_room(); }
static size_t screen_room(void) { return 1u << 20; }  /* written at once */
static void screen_start(void) { }

struct terminal terminals[TTY_MINORS] = {
	[SERIAL] = { .write = uart_queue, .room = serial_room, .start = uart_start, .sent = uart_sent },
	[SCREEN] = { .write = vga_write, .room = screen_room, .start = screen_start },
};

static const request_handler handlers[] = {
	[CDEV_OPEN - CDEV_BASE] = do_open,
	[CDEV_CLOSE - CDEV_BASE] = do_close,
	[CDEV_READ - CDEV_BASE] = do_read,
	[CDEV_WRITE - CDEV_BASE] = do_write,
	[CDEV_IOCTL - CDEV_BASE] = do_ioctl,
	[CDEV_CANCEL - CDEV_BASE] = do_cancel,
	[CDEV_STATUS - CDEV_BASE] = do_status,
	[CDEV_TAKE_SIGNAL - CDEV_BASE] = do_take_signal,
};

/* What survives a restart: both terminals' settings. */
struct saved_state {
	struct tty_state state[TTY_MINORS];
};

void tty_save_state(void)
{
	struct saved_state s;
	for (int i = 0; i < TTY_MINORS; i++)
		s.state[i] = terminals[i].state;
	service_save_state("state", &s, sizeof(s));
}

/* The key under which minor's unread typed input is kept. */
static void input_key(int minor, char key[8])
{
	memcpy(key, "input0", 7);
	key[5] = (char)('0' + minor);
}

void tty_save_input(void)
{
	static uint32_t saved_changes[TTY_MINORS];
	for (int i = 0; i < TTY_MINORS; i++) {
		struct line *l = &terminals[i].line;
		if (l->changes == saved_changes[i])
			continue;
		struct line_saved s;
		char key[8];
		input_key(i, key);
		size_t n = line_save(l, &s);
		if (service_save_state(key, &s, n) == 0)
			saved_changes[i] = l->changes;
	}
}

/* Typed input is saved once the keys have stopped for this long: a save is
 * a DS request, and one in the middle of a burst of input made Bochs's
 * UART overrun and drop keys. */
#define SAVE_QUIET_TICKS 2

static uint32_t save_tick;   /* when typed input is to be saved; 0: nothing waits */

void tty_input_typed(void)
{
	save_tick = ((uint32_t)sys_uptime() + SAVE_QUIET_TICKS) | 1;
}

void tty_input_taken(void)
{
	if (save_tick)
		tty_input_typed();   /* keys are coming: the save waits for the quiet */
	else
		tty_save_input();
}

uint32_t tty_input_save_tick(void)
{
	return save_tick;
}

bool tty_input_save_due(void)
{
	if (!save_tick || (int32_t)((uint32_t)sys_uptime() - save_tick) < 0)
		return false;
	save_tick = 0;
	return true;
}

/* After a restart: what was typed and echoed but not read yet comes back. */
static void restore_input(struct terminal *t, int minor)
{
	struct line_saved s;
	char key[8];
	input_key(minor, key);
	int n = service_restore_state(key, &s, sizeof(s));
	if (n > 0 && !line_restore(&t->line, &s, (size_t)n))
		service_log("saved input of terminal %d is damaged: dropped", minor);
}

/* Echo goes out where the terminal's output goes, translated like it. */
static void echo(const char *s, size_t n, void *ctx)
{
	struct terminal *t = ctx;
	char out[16];
	while (n) {
		size_t used, len = line_output(&t->line.tio, s, n, out, sizeof(out), &used);
		terminal_put(t, out, len);
		s += used;
		n -= used;
	}
}

/* A signal character was typed: PM is to signal the foreground process group. */
static void keyboard_signal(int sig, void *ctx)
{
	const struct terminal *t = ctx;
	if (t->state.fg_pgrp > 0 && signal_queue(sig, t->state.fg_pgrp))
		ipc_notify(ds_lookup("pm"));  /* PM collects it with CDEV_TAKE_SIGNAL */
}

static void receive_char(char c, void *ctx)
{
	struct terminal *t = ctx;
	t->last_input = (uint32_t)sys_uptime();
	line_input(&t->line, c);
}

/* HARDWARE: typed input or room for output; CLOCK: a read's VTIME timer ran out. */
static void tty_notify(const message *m)
{
	if (m->source == CLOCK) {
		tty_progress();
		if (tty_input_save_due())
			tty_save_input();
		tty_set_timer();
		return;
	}
	if (m->source != HARDWARE)
		return;
	if (m->notify.irqs & (1u << UART_IRQ)) {
		uart_interrupt(receive_char, &terminals[SERIAL]);
		sys_irqctl(IRQCTL_ENABLE, UART_IRQ);
	}
	if (m->notify.irqs & (1u << KEYBOARD_IRQ)) {
		keyboard_interrupt(receive_char, &terminals[SCREEN]);
		sys_irqctl(IRQCTL_ENABLE, KEYBOARD_IRQ);
	}
	tty_progress();
	tty_input_typed();
	tty_set_timer();
	uart_start();
}

static int tty_init(bool restarted)
{
	struct saved_state saved;
	bool restore = restarted &&
		       service_restore_state("state", &saved, sizeof(saved)) == sizeof(saved);
	for (int i = 0; i < TTY_MINORS; i++) {
		struct terminal *t = &terminals[i];
		line_init(&t->line);
		t->line.echo = echo;
		t->line.signal = keyboard_signal;
		t->line.ctx = t;
		t->state.tio = t->line.tio;
		if (restore) {
			t->state = saved.state[i];
			line_set_termios(&t->line, &t->state.tio);
			restore_input(t, i);
		}
	}
	if (restore)
		service_log("restarted; terminal settings restored");
	uart_init();
	if (vga_init() < 0)
		service_log("no VGA text memory: the screen console is off");
	keyboard_init();
	int r = sys_irqctl(IRQCTL_SUBSCRIBE, UART_IRQ);
	return r < 0 ? r : sys_irqctl(IRQCTL_SUBSCRIBE, KEYBOARD_IRQ);
}

static const struct service tty_service = {
	.label = "tty",
	.base = CDEV_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.init = tty_init,
	.notify = tty_notify,
};

int main(int argc, char **argv)
{
	service_run(&tty_service, argc, argv);
}
