/*
 * Error numbers. The kernel returns them negated (-EDEADSRCDST) from IPC and
 * kernel calls; libc later keeps them positive in errno. Values up to 40
 * follow the traditional Unix numbering so that POSIX code reads naturally.
 */
#pragma once

#define EPERM        1   /* operation not permitted */
#define ENOENT       2   /* no such entry */
#define ESRCH        3   /* no such process */
#define EINTR        4
#define EIO          5
#define ENXIO        6   /* no such device */
#define E2BIG        7   /* argument too long */
#define ENOEXEC      8   /* not a valid executable */
#define EBADF        9
#define ECHILD      10   /* no child processes */
#define EAGAIN      11   /* would block (sendnb to a busy receiver) */
#define ENOMEM      12
#define EACCES      13
#define EFAULT      14   /* bad address in the caller's memory */
#define EBUSY       16
#define EEXIST      17
#define EINVAL      22
#define ENOTTY      25   /* not a terminal */
#define ENOSPC      28
#define ENOSYS      38   /* no such call */

/* IPC and kernel-call errors, in a range of their own. */
#define EDEADSRCDST 101  /* peer is dead or its slot was reused */
#define ELOCKED     102  /* the send would close a cycle of blocked senders */
#define ECALLDENIED 103  /* privileges forbid this call or target */
#define EBADEPT     104  /* malformed endpoint */
#define EBADGRANT   105  /* no such grant, revoked, or stale */
#define ENOTREADY   106  /* nothing pending */
#define EDONTREPLY  107  /* servers: handler will reply later */
