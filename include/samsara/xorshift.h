/*
 * A tiny pseudo-random sequence (Marsaglia's xorshift32) for fault
 * injection, shared by the kernel (KC_CODE's bit flips) and the service
 * framework (lib/libsys/fault.c). Not for anything that needs secrecy.
 */
#pragma once

#include <samsara/types.h>

static inline uint32_t xorshift32(uint32_t *state)
{
	uint32_t x = *state ? *state : 0x9e3779b9u;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}
