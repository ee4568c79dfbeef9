/* Mirror slots; see slot.h. */
#include "slot.h"
#include <string.h>

#define FNV_START 2166136261u

/* FNV-1a: h carried over len more bytes. */
static uint32_t fnv(uint32_t h, const void *bytes, size_t len)
{
	const uint8_t *p = bytes;
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* An entry slot's checksum: its header, then its data. */
static uint32_t entry_checksum(const void *header, const uint8_t *data, uint32_t len)
{
	return fnv(fnv(FNV_START, header, DS_MIRROR_ENTRY_HEADER), data, len);
}

/* Whether s holds a NUL-terminated, non-empty string within max bytes. */
static bool terminated(const char *s, size_t max)
{
	return s[0] && memchr(s, '\0', max) != NULL;
}

size_t slot_encode_entry(const struct store_entry *e, uint32_t sequence, struct ds_mirror_entry *out)
{
	memset(out, 0, DS_MIRROR_ENTRY_HEADER);
	if (!e || !e->used)
		return DS_MIRROR_ENTRY_HEADER;
	out->magic = DS_MIRROR_MAGIC;
	out->sequence = sequence;
	out->flags = e->deleted ? DS_MIRROR_DELETED : 0;
	out->kind = e->kind;
	out->value = e->value;
	out->len = e->len <= DS_DATA_MAX ? e->len : 0;
	memcpy(out->key, e->key, sizeof(out->key));
	memcpy(out->owner, e->owner, sizeof(out->owner));
	memcpy(out->data, e->data, out->len);
	out->checksum = entry_checksum(out, out->data, out->len);
	return DS_MIRROR_ENTRY_HEADER + out->len;
}

/* Whether kind, len and data go together as do_publish would have let them. */
static bool entry_fields_valid(const struct ds_mirror_entry *in)
{
	if (in->flags & ~DS_MIRROR_DELETED)
		return false;
	if (!store_key_valid(in->key) || !terminated(in->owner, sizeof(in->owner)))
		return false;
	switch (in->kind) {
	case DS_U32:
	case DS_ENDPOINT:
		return in->len == 0;
	case DS_STRING:
		return in->len > 0 && in->data[in->len - 1] == '\0';
	case DS_BLOB:
		return true;
	default:
		return false;
	}
}

enum slot_verdict slot_decode_entry(const struct ds_mirror_entry *in, struct store_entry *e,
				    uint32_t *sequence)
{
	if (in->magic == 0)
		return SLOT_EMPTY;
	if (in->magic != DS_MIRROR_MAGIC)
		return SLOT_BAD_MAGIC;
	if (in->len > DS_DATA_MAX)
		return SLOT_BAD_FIELD;
	struct ds_mirror_entry header;
	memcpy(&header, in, DS_MIRROR_ENTRY_HEADER);
	header.checksum = 0;
	if (entry_checksum(&header, in->data, in->len) != in->checksum)
		return SLOT_BAD_CHECKSUM;
	if (!entry_fields_valid(in))
		return SLOT_BAD_FIELD;
	memset(e, 0, sizeof(*e));
	e->used = true;
	e->deleted = (in->flags & DS_MIRROR_DELETED) != 0;
	memcpy(e->key, in->key, sizeof(e->key));
	memcpy(e->owner, in->owner, sizeof(e->owner));
	e->kind = in->kind;
	e->value = in->value;
	e->len = in->len;
	memcpy(e->data, in->data, in->len);
	*sequence = in->sequence;
	return SLOT_OK;
}

size_t slot_encode_subscription(const struct store_subscription *s, uint32_t sequence,
				struct ds_mirror_subscription *out)
{
	memset(out, 0, sizeof(*out));
	if (!s || !s->used)
		return sizeof(*out);
	out->magic = DS_MIRROR_MAGIC;
	out->sequence = sequence;
	out->endpoint = s->endpoint;
	memcpy(out->label, s->label, sizeof(out->label));
	memcpy(out->pattern, s->pattern, sizeof(out->pattern));
	out->checksum = fnv(FNV_START, out, sizeof(*out));
	return sizeof(*out);
}

enum slot_verdict slot_decode_subscription(const struct ds_mirror_subscription *in,
					   struct store_subscription *s, uint32_t *sequence)
{
	if (in->magic == 0)
		return SLOT_EMPTY;
	if (in->magic != DS_MIRROR_MAGIC)
		return SLOT_BAD_MAGIC;
	struct ds_mirror_subscription copy = *in;
	copy.checksum = 0;
	if (fnv(FNV_START, &copy, sizeof(copy)) != in->checksum)
		return SLOT_BAD_CHECKSUM;
	if (!terminated(in->label, sizeof(in->label)) || !terminated(in->pattern, sizeof(in->pattern)))
		return SLOT_BAD_FIELD;
	memset(s, 0, sizeof(*s));
	s->used = true;
	s->endpoint = in->endpoint;
	memcpy(s->label, in->label, sizeof(s->label));
	memcpy(s->pattern, in->pattern, sizeof(s->pattern));
	*sequence = in->sequence;
	return SLOT_OK;
}

const char *slot_verdict_name(enum slot_verdict v)
{
	static const char *const names[] = {
		[SLOT_OK] = "valid", [SLOT_EMPTY] = "empty", [SLOT_BAD_MAGIC] = "bad magic",
		[SLOT_BAD_CHECKSUM] = "bad checksum", [SLOT_BAD_FIELD] = "impossible contents",
	};
	return (unsigned)v < sizeof(names) / sizeof(names[0]) ? names[v] : "?";
}
