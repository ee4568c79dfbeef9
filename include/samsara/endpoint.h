/*
 * Endpoint encoding. An endpoint names a process slot and the generation of
 * that slot; the generation is bumped whenever the slot is reused, so a
 * message to a process that died (and whose slot now holds another process)
 * is refused instead of reaching the wrong party.
 *
 *   endpoint = generation << ENDPOINT_SLOT_BITS | slot,  generation >= 1
 *
 * so every real endpoint is positive; the special values below are negative.
 */
#pragma once

#include <samsara/types.h>

#define ENDPOINT_SLOT_BITS 10
#define ENDPOINT_MAX_SLOTS (1 << ENDPOINT_SLOT_BITS)
#define ENDPOINT_GEN_MAX   ((1 << (31 - ENDPOINT_SLOT_BITS)) - 1)

#define ANY       ((endpoint_t)-1)  /* receive from anyone */
#define NONE      ((endpoint_t)-2)  /* no process */
#define SELF      ((endpoint_t)-3)  /* the caller itself (kernel calls) */
#define HARDWARE  ((endpoint_t)-4)  /* source of IRQ notifications */
#define CLOCK     ((endpoint_t)-5)  /* source of alarm notifications */
#define KERNEL    ((endpoint_t)-6)  /* source of fault and exit reports */

static inline endpoint_t endpoint_make(int slot, int generation)
{
	return (endpoint_t)(((uint32_t)generation << ENDPOINT_SLOT_BITS) | (uint32_t)slot);
}

static inline int endpoint_slot(endpoint_t ep)
{
	return (int)((uint32_t)ep & (ENDPOINT_MAX_SLOTS - 1));
}

static inline int endpoint_generation(endpoint_t ep)
{
	return (int)((uint32_t)ep >> ENDPOINT_SLOT_BITS);
}

/* The generation that follows g in a slot; wraps to 1, never 0. */
static inline int endpoint_next_generation(int g)
{
	return g >= ENDPOINT_GEN_MAX ? 1 : g + 1;
}

/* True for an endpoint that can name a real process (not a special value). */
static inline bool endpoint_is_process(endpoint_t ep)
{
	return ep > 0 && endpoint_generation(ep) >= 1;
}
