/*
 * Slots of the mirror (<samsara/ds_mirror.h>): a store entry or a
 * subscription turned into a checksummed slot and back. Decoding trusts
 * nothing in the slot. Pure logic, unit-tested on the host.
 */
#pragma once

#include <samsara/ds_mirror.h>
#include "store.h"

enum slot_verdict {
	SLOT_OK = 0,
	SLOT_EMPTY,              /* magic 0: nothing stored there */
	SLOT_BAD_MAGIC,
	SLOT_BAD_CHECKSUM,       /* torn or damaged */
	SLOT_BAD_FIELD,          /* checksum right, contents impossible */
};

/* Fills out from e (NULL or unused: an empty slot); returns the bytes to write. */
size_t slot_encode_entry(const struct store_entry *e, uint32_t sequence, struct ds_mirror_entry *out);
/* Checks in and, if SLOT_OK, fills e and *sequence. */
enum slot_verdict slot_decode_entry(const struct ds_mirror_entry *in, struct store_entry *e,
				    uint32_t *sequence);
size_t slot_encode_subscription(const struct store_subscription *s, uint32_t sequence,
				struct ds_mirror_subscription *out);
enum slot_verdict slot_decode_subscription(const struct ds_mirror_subscription *in,
					   struct store_subscription *s, uint32_t *sequence);
/* What is wrong with a slot, for a log line. */
const char *slot_verdict_name(enum slot_verdict v);
