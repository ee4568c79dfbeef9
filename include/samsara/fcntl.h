/*
 * The numbers of the file calls that VFS and programs share: open flags,
 * fcntl commands, lseek's whence. Plain constants, so that libc's pure part
 * (fopen's modes) can use them on the host too.
 */
#pragma once

/* fcntl commands */
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define FD_CLOEXEC 1

/* open flags (Linux's values) */
#define O_RDONLY   0x0000
#define O_WRONLY   0x0001
#define O_RDWR     0x0002
#define O_ACCMODE  0x0003
#define O_CREAT    0x0040
#define O_EXCL     0x0080
#define O_NOCTTY   0x0100
#define O_TRUNC    0x0200
#define O_APPEND   0x0400
#define O_NONBLOCK 0x0800
#define O_DIRECTORY 0x10000
#define O_CLOEXEC  0x80000
#define O_EXEC     0x200000  /* for exec: needs execute permission on a regular file; reads */

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
