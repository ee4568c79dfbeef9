/*
 * tty: the console driver. The serial console (COM1) with interrupts and a
 * POSIX line discipline. Its settings and foreground process group live in
 * DS, so a restarted instance picks them up again.
 */
#include <string.h>
#include <ds.h>
#include "tty.h"
#include "uart.h"

struct line tty_line;
struct tty_state tty_state;

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

void tty_save_state(void)
{
	service_save_state("state", &tty_state, sizeof(tty_state));
}

void tty_echo(const char *s, size_t n, void *ctx)
{
	char out[16];
	while (n) {
		size_t used, len = line_output(&tty_line.tio, s, n, out, sizeof(out), &used);
		uart_queue(out, len);
		s += used;
		n -= used;
	}
}

/* A signal character was typed: PM is to signal the foreground process group. */
static void keyboard_signal(int sig, void *ctx)
{
	if (tty_state.fg_pgrp > 0 && signal_queue(sig, tty_state.fg_pgrp))
		ipc_notify(ds_lookup("pm"));  /* PM collects it with CDEV_TAKE_SIGNAL */
}

static void receive_char(char c, void *ctx)
{
	line_input(&tty_line, c);
}

static void tty_notify(const message *m)
{
	if (m->source != HARDWARE || !(m->notify.irqs & (1u << UART_IRQ)))
		return;
	uart_interrupt(receive_char, NULL);
	sys_irqctl(IRQCTL_ENABLE, UART_IRQ);
	tty_progress();
	uart_start();
}

static int tty_init(bool restarted)
{
	line_init(&tty_line);
	tty_line.echo = tty_echo;
	tty_line.signal = keyboard_signal;
	tty_state.tio = tty_line.tio;
	if (restarted && service_restore_state("state", &tty_state, sizeof(tty_state)) == sizeof(tty_state)) {
		line_set_termios(&tty_line, &tty_state.tio);
		service_log("restarted; terminal settings restored");
	}
	uart_init();
	return sys_irqctl(IRQCTL_SUBSCRIBE, UART_IRQ);
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
