/* The console driver's shared state and entry points (main.c, request.c). */
#pragma once

#include <service.h>
#include "line.h"

#define TTY_MINORS 1         /* minor 0: the serial console (COM1) */
#define TTY_PENDING 32

/* What survives a restart of the driver (kept in DS). */
struct tty_state {
	struct termios tio;
	int32_t fg_pgrp;         /* receives SIGINT/SIGQUIT from the keyboard */
};

extern struct line tty_line;
extern struct tty_state tty_state;

void tty_save_state(void);
/* Finishes whatever suspended reads and writes can now make progress. */
void tty_progress(void);
void tty_echo(const char *s, size_t n, void *ctx);

int do_open(message *m);
int do_close(message *m);
int do_read(message *m);
int do_write(message *m);
int do_ioctl(message *m);
int do_cancel(message *m);
int do_status(message *m);
int do_take_signal(message *m);

/* Remembers a typed signal for PM; false if too many are waiting. */
bool signal_queue(int sig, int32_t pgrp);
