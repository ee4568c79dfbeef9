/* <sys/ioctl.h>: device control. Terminals answer TCGETS, TCSETS, TCSETSW,
 * TCSETSF (struct termios *), TIOCGPGRP, TIOCSPGRP (pid_t *) and TIOCGWINSZ
 * (struct winsize *); anything else fails with ENOTTY. */
#pragma once

#include <samsara/termios.h>
#include <samsara/cdev.h>

int ioctl(int fd, unsigned long request, ...);
