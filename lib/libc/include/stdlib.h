#pragma once
#include <stddef.h>

__attribute__((noreturn)) void exit(int status);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
