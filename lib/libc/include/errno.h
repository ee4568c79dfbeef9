/*
 * errno and the error numbers. The numbers are shared with the kernel and
 * the servers, in <samsara/errno.h>.
 * errno is a plain global until there are threads.
 */
#pragma once
#include <samsara/errno.h>

extern int errno;
