/*
 * Error numbers, for everyone. The kernel and the servers return them
 * negated (-EDEADSRCDST); libc keeps them positive in errno. Values up to 40
 * follow the traditional Unix numbering so that POSIX code reads naturally.
 */
#pragma once

#define EPERM        1   /* operation not permitted */
#define ENOENT       2   /* no such entry */
#define ESRCH        3   /* no such process */
#define EINTR        4
#define EIO          5
#define E2BIG        7   /* argument too long */
#define ENOEXEC      8   /* not a valid executable */
#define EBADF        9
#define EAGAIN      11   /* would block (sendnb to a busy receiver) */
#define ENOMEM      12
#define EACCES      13
#define EFAULT      14   /* bad address in the caller's memory */
#define EBUSY       16
#define EEXIST      17
#define EINVAL      22
#define ENOSPC      28
#define ENOSYS      38   /* no such call */

/* The remaining POSIX ones, with their traditional Linux values. */
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

/* IPC and kernel-call errors, in a range of their own. */
#define EDEADSRCDST 101  /* peer is dead or its slot was reused */
#define ELOCKED     102  /* the send would close a cycle of blocked senders */
#define ECALLDENIED 103  /* privileges forbid this call or target */
#define EBADEPT     104  /* malformed endpoint */
#define EBADGRANT   105  /* no such grant, revoked, or stale */
#define ENOTREADY   106  /* nothing pending */
#define EDONTREPLY  107  /* servers: handler will reply later */
