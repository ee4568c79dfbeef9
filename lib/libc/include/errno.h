/*
 * errno and the error numbers. The numbers shared with the kernel come from
 * <samsara/errno.h>; the remaining POSIX ones take their traditional Linux
 * values, which do not collide with Samsara's own range (101 and up).
 * errno is a plain global until there are threads.
 */
#pragma once
#include <samsara/errno.h>

extern int errno;

#define ENXIO         6   /* no such device or address */
#define ECHILD       10   /* no child processes */
#define EWOULDBLOCK  EAGAIN
#define ENOTBLK      15   /* block device required */
#define EXDEV        18   /* cross-device link */
#define ENODEV       19   /* no such device */
#define ENOTDIR      20
#define EISDIR       21
#define ENFILE       23   /* too many open files in the system */
#define EMFILE       24   /* too many open files in the process */
#define ENOTTY       25   /* not a terminal */
#define ETXTBSY      26   /* text file busy */
#define EFBIG        27   /* file too large */
#define ESPIPE       29   /* seek on a pipe */
#define EROFS        30   /* read-only file system */
#define EMLINK       31   /* too many links */
#define EPIPE        32   /* broken pipe */
#define EDOM         33   /* argument out of a function's domain */
#define ERANGE       34   /* result out of range */
#define EDEADLK      35   /* deadlock avoided */
#define ENAMETOOLONG 36
#define ENOLCK       37   /* no locks available */
#define ENOTEMPTY    39   /* directory not empty */
#define ELOOP        40   /* too many levels of symbolic links */
#define EOVERFLOW    75   /* value too large for its type */
#define EILSEQ       84   /* illegal byte sequence */
#define EOPNOTSUPP   95   /* operation not supported */
#define ENOTSUP      EOPNOTSUPP
#define ETIMEDOUT   110
#define ECANCELED   125
