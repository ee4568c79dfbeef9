/* POSIX <sys/utsname.h>: the system's name (the structure is PM's, <samsara/pm.h>). */
#pragma once

#include <samsara/pm.h>

int uname(struct utsname *u);
