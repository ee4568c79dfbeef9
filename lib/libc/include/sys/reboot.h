/* Powering off and rebooting (how: RB_POWEROFF, RB_AUTOBOOT, RB_HALT). */
#pragma once

#include <samsara/kcall.h>

#define RB_POWEROFF SHUTDOWN_POWEROFF
#define RB_AUTOBOOT SHUTDOWN_REBOOT
#define RB_HALT     SHUTDOWN_HALT

/* Flushes the file systems and stops the machine; returns only on failure. */
int reboot(int how);
