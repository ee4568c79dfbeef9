/*
 * Terminal settings, as POSIX's <termios.h> names them (Linux's values).
 * Shared by the tty driver and libc.
 */
#pragma once

#include <stdint.h>

typedef uint32_t tcflag_t;
typedef uint8_t cc_t;
typedef uint32_t speed_t;

#define NCCS 20

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_cc[NCCS];
	speed_t c_ispeed, c_ospeed;
};

/* c_cc indices */
#define VINTR  0
#define VQUIT  1
#define VERASE 2
#define VKILL  3
#define VEOF   4
#define VTIME  5
#define VMIN   6

/* c_iflag */
#define IGNCR  0x0080
#define ICRNL  0x0100
#define INLCR  0x0040

/* c_oflag */
#define OPOST  0x0001
#define ONLCR  0x0004

/* c_cflag */
#define CS8    0x0030
#define CREAD  0x0080

/* c_lflag */
#define ISIG   0x0001
#define ICANON 0x0002
#define ECHO   0x0008
#define ECHOE  0x0010
#define ECHOK  0x0020
#define ECHONL 0x0040
#define IEXTEN 0x8000

#define B115200 0x1002

struct winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};
