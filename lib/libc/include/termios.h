/* POSIX <termios.h>: terminal settings (the structure is <samsara/termios.h>). */
#pragma once

#include <sys/types.h>
#include <samsara/termios.h>
#include <samsara/cdev.h>

#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
