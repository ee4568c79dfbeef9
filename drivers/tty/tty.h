/* The console driver's shared state and entry points (main.c, request.c). */
#pragma once

#include <service.h>
#include "line.h"

#define TTY_MINORS 2         /* minor 0: the serial console (COM1); 1: VGA and keyboard */
#define TTY_PENDING 32

/* What survives a restart of the driver (kept in DS). */
struct tty_state {
	struct termios tio;
	int32_t fg_pgrp;         /* receives SIGINT/SIGQUIT from the keyboard */
};

/* One terminal: its line discipline, its settings, and its output. */
struct terminal {
	struct line line;
	struct tty_state state;
	size_t (*write)(const char *s, size_t n);   /* queues or shows output */
	size_t (*room)(void);                       /* how much write takes now */
	void (*start)(void);                        /* pushes queued output out */
	uint32_t last_input;                        /* clock tick of the last byte typed (VTIME) */
	/* Output bytes queued since start, and how many have gone to the
	 * hardware (NULL: written at once): a write is answered only when all
	 * its bytes are out, so that what a program was told is written
	 * survives a crash of this driver. */
	uint32_t queued;
	uint32_t (*sent)(void);
};

extern struct terminal terminals[TTY_MINORS];

/* Hands translated output to the terminal, counting it (see queued). */
static inline void terminal_put(struct terminal *t, const char *s, size_t n)
{
	t->queued += (uint32_t)t->write(s, n);
}

void tty_save_state(void);
/* Finishes whatever suspended reads and writes can now make progress. */
void tty_progress(void);
/* Keeps the terminals' unread typed input in DS, if it changed since last time. */
void tty_save_input(void);
/* Keys came: their save is due once no more have come for a moment (so
 * that a burst of input costs one save, not one per interrupt: a slow
 * emulator's UART overruns otherwise). tty_input_save_due says when. */
void tty_input_typed(void);
/* A read took input: saved now, or with the burst that is coming in. */
void tty_input_taken(void);
bool tty_input_save_due(void);
/* The tick at which the input save is due; 0 if none is. */
uint32_t tty_input_save_tick(void);
/* Sets the alarm for the soonest VTIME timer of a waiting read (none: off). */
void tty_set_timer(void);

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
