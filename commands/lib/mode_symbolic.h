/* Symbolic modes ("u+x,go-w", "a=r", "o=u") for chmod and sh's umask (mode_symbolic.c). */
#pragma once
#include <sys/types.h>
#include <sys/stat.h>

#ifndef S_ISVTX
#define S_ISVTX 01000  /* hidden by strict POSIX headers on the host */
#endif /* S_ISVTX */

/*
 * Applies the symbolic mode text to old (is_dir for X). A clause without
 * u, g, o or a applies to everyone but the bits in umask_bits, as POSIX
 * says of chmod. 0, or -1 if text is malformed.
 */
int mode_apply_symbolic(const char *text, mode_t old, int is_dir, mode_t umask_bits, mode_t *result);
