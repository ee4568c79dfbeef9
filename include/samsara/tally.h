/*
 * The tally protocol: the demo service that `service up /sbin/tally -label
 * L` starts from a file (servers/tally). It keeps a running total that
 * survives its restarts (saved in DS), and counts its own starts.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>

enum tally_request {
	TALLY_ADD = TALLY_BASE + 1,   /* amount -> total, starts (amount 0 reads) */
};

#define TALLY_MAX_AMOUNT 1000000u

struct msg_tally {
	uint32_t amount;        /* in: what to add, at most TALLY_MAX_AMOUNT */
	uint32_t total;         /* out: the total after adding */
	uint32_t starts;        /* out: how many instances have run, this one included */
	uint32_t restarted;     /* out: 1 if this instance took its state back from DS */
	uint8_t pad[40];
};
_Static_assert(sizeof(struct msg_tally) == 56, "msg_tally fills the message payload");
