/* Samsara's process list (from PM), for ps. */
#pragma once

#include <sys/types.h>

struct procinfo {
	pid_t pid, ppid, pgrp;
	uid_t uid;
	char state;              /* 'R' running, 'S' waiting, 'Z' zombie */
	char name[16];
};

/* Row index of the process list: 0 on success; -1 with errno ENOENT for an
 * empty row, EINVAL past the end of the table. */
int procinfo(int index, struct procinfo *out);
