/* POSIX <sys/stat.h>: file status. */
#pragma once

#include <sys/types.h>
#include <samsara/stat.h>

int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
/* As stat, but a symbolic link is described itself, not what it names. */
int lstat(const char *path, struct stat *st);
int mkdir(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
/* Sets the mask of permissions new files and directories leave out; returns the old one. */
mode_t umask(mode_t mask);
