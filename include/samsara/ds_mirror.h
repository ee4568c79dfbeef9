/*
 * The mirror of DS's store. RS owns it (in its memory) and lends it to DS
 * with a read-write grant (DS_MIRROR); DS writes each entry or subscription
 * it changes into the slot of the same index, with one safecopy, before it
 * answers the request. A restarted DS reads the mirror back. To DS the
 * mirror is untrusted input: every slot carries a magic, a sequence number
 * and a checksum, and is checked field by field before it is loaded.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/kcall.h>
#include <samsara/ds.h>

#define DS_MIRROR_ENTRIES 128
#define DS_MIRROR_SUBSCRIPTIONS 32
#define DS_MIRROR_MAGIC 0x314d5344u      /* "DSM1": the slot is in use */
#define DS_MIRROR_DELETED 0x1u           /* flags: deleted, not yet seen by every subscriber */

/* A slot whose magic is 0 is empty. */
struct ds_mirror_entry {
	uint32_t magic;
	uint32_t sequence;       /* DS's write counter: of two slots with one key, the higher wins */
	uint32_t checksum;       /* of the header (this field 0) and data[0, len) */
	uint32_t flags;
	uint32_t kind;           /* enum ds_kind */
	uint32_t value;
	uint32_t len;            /* bytes in data; 0 for DS_U32 and DS_ENDPOINT */
	char key[DS_KEY_MAX];
	char owner[LABEL_MAX];
	uint8_t data[DS_DATA_MAX];   /* only [0, len) is written */
};
#define DS_MIRROR_ENTRY_HEADER (sizeof(struct ds_mirror_entry) - DS_DATA_MAX)
_Static_assert(DS_MIRROR_ENTRY_HEADER == 76, "mirror entry header layout");

struct ds_mirror_subscription {
	uint32_t magic;
	uint32_t sequence;
	uint32_t checksum;       /* of the slot with this field 0 */
	endpoint_t endpoint;     /* the subscriber's instance when it was written */
	char label[LABEL_MAX];
	char pattern[DS_KEY_MAX];
};
_Static_assert(sizeof(struct ds_mirror_subscription) == 64, "mirror subscription layout");

struct ds_mirror {
	struct ds_mirror_entry entries[DS_MIRROR_ENTRIES];
	struct ds_mirror_subscription subscriptions[DS_MIRROR_SUBSCRIPTIONS];
};
