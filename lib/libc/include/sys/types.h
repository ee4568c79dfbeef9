/* POSIX <sys/types.h>: the basic system data types. */
#pragma once

#include <stddef.h>
#include <stdint.h>

typedef int pid_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef uint32_t mode_t;
typedef int32_t ssize_t;
typedef int64_t off_t;
typedef uint32_t dev_t;
typedef uint32_t ino_t;
typedef uint32_t nlink_t;
typedef int32_t blksize_t;
typedef int64_t blkcnt_t;
