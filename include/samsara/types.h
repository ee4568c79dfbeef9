/* Basic types shared by the kernel and user space. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* A process as seen through IPC: a slot number plus a generation. */
typedef int32_t endpoint_t;

/* Identifies a grant within the process that created it. */
typedef int32_t grant_id_t;

typedef uint32_t vir_addr_t; /* an address in some process's address space */
typedef uint32_t phys_addr_t;
