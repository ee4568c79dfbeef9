/* POSIX <fcntl.h>: opening files and controlling descriptors. */
#pragma once

#include <sys/types.h>
#include <samsara/vfs.h>

int open(const char *path, int flags, ...);
int fcntl(int fd, int cmd, ...);
