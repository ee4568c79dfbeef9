/*
 * Unit tests for the mirror of DS's store (servers/ds/slot.c and the
 * loading side of store.c): slots round-trip, a damaged or impossible slot
 * is refused, a key found twice keeps its newer copy, changed slots are
 * reported once, and after a load subscribers hear of everything again.
 */
#include <stdio.h>
#include <string.h>

#include <samsara/errno.h>
#include "slot.h"
#include "store.h"
#include "unit.h"
#include "ds_unit.h"

static struct ds_mirror_entry slot;
static struct store_entry decoded;

static struct store_entry make_entry(const char *key, uint32_t kind, const void *data, uint32_t len)
{
	struct store_entry e;
	memset(&e, 0, sizeof(e));
	e.used = true;
	strlcpy(e.key, key, sizeof(e.key));
	strlcpy(e.owner, "tty", sizeof(e.owner));
	e.kind = kind;
	e.value = 77;
	e.len = len;
	if (data)
		memcpy(e.data, data, len);
	return e;
}

static void entry_slot_round_trips_and_writes_only_its_bytes(void)
{
	struct store_entry e = make_entry("tty.termios", DS_BLOB, "\1\2\3\4\5", 5);
	uint32_t seq = 0;
	CHECK(slot_encode_entry(&e, 42, &slot) == DS_MIRROR_ENTRY_HEADER + 5);
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_OK);
	CHECK(seq == 42 && decoded.used && !decoded.deleted && decoded.kind == DS_BLOB);
	CHECK(decoded.len == 5 && memcmp(decoded.data, "\1\2\3\4\5", 5) == 0);
	CHECK(strcmp(decoded.key, "tty.termios") == 0 && strcmp(decoded.owner, "tty") == 0);
	e.deleted = true;
	slot_encode_entry(&e, 43, &slot);
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_OK && decoded.deleted && seq == 43);
}

static void unused_entry_becomes_an_empty_slot(void)
{
	struct store_entry e;
	memset(&e, 0, sizeof(e));
	uint32_t seq;
	CHECK(slot_encode_entry(&e, 1, &slot) == DS_MIRROR_ENTRY_HEADER);
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_EMPTY);
	CHECK(slot_encode_entry(NULL, 1, &slot) == DS_MIRROR_ENTRY_HEADER && slot.magic == 0);
}

static void damaged_entry_slot_is_refused(void)
{
	struct store_entry e = make_entry("rs.svc1", DS_STRING, "hello", 6);
	uint32_t seq;
	slot_encode_entry(&e, 5, &slot);
	slot.data[1] ^= 0x20;                    /* a flipped bit in the data */
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_BAD_CHECKSUM);
	slot_encode_entry(&e, 5, &slot);
	slot.value++;                            /* a torn header */
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_BAD_CHECKSUM);
	slot_encode_entry(&e, 5, &slot);
	slot.magic = 0xdeadbeef;
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_BAD_MAGIC);
	slot_encode_entry(&e, 5, &slot);
	slot.len = DS_DATA_MAX + 1;              /* would read past the slot */
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_BAD_FIELD);
}

/* Slots with a right checksum but contents DS would never have stored. */
static void impossible_entry_slot_is_refused(void)
{
	uint32_t seq;
	struct store_entry bad[] = {
		make_entry("a.key", 9, NULL, 0),                  /* no such kind */
		make_entry("a.key", DS_STRING, "abc", 3),         /* string without its NUL */
		make_entry("a.key", DS_U32, "abc", 3),            /* bytes on a number */
		make_entry("bad key", DS_U32, NULL, 0),           /* a space in the key */
		make_entry("a.key", DS_STRING, "", 0),            /* an empty string has its NUL */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		slot_encode_entry(&bad[i], 1, &slot);
		CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_BAD_FIELD);
	}
	struct store_entry e = make_entry("a.key", DS_U32, NULL, 0);
	e.owner[0] = '\0';                                      /* no owner */
	slot_encode_entry(&e, 1, &slot);
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_BAD_FIELD);
	e = make_entry("a.key", DS_U32, NULL, 0);
	memset(e.owner, 'x', sizeof(e.owner));                  /* an owner without its NUL */
	slot_encode_entry(&e, 1, &slot);
	CHECK(slot_decode_entry(&slot, &decoded, &seq) == SLOT_BAD_FIELD);
}

static void subscription_slot_round_trips_and_is_checked(void)
{
	struct store_subscription s, out;
	struct ds_mirror_subscription ms;
	uint32_t seq;
	memset(&s, 0, sizeof(s));
	s.used = true;
	s.endpoint = 1234;
	strlcpy(s.label, "vfs", sizeof(s.label));
	strlcpy(s.pattern, "tty", sizeof(s.pattern));
	CHECK(slot_encode_subscription(&s, 9, &ms) == sizeof(ms));
	CHECK(slot_decode_subscription(&ms, &out, &seq) == SLOT_OK);
	CHECK(out.used && out.endpoint == 1234 && strcmp(out.label, "vfs") == 0 && seq == 9);
	CHECK(strcmp(out.pattern, "tty") == 0);
	ms.pattern[0] = 'x';
	CHECK(slot_decode_subscription(&ms, &out, &seq) == SLOT_BAD_CHECKSUM);
	s.pattern[0] = '\0';
	slot_encode_subscription(&s, 9, &ms);
	CHECK(slot_decode_subscription(&ms, &out, &seq) == SLOT_BAD_FIELD);
	s.used = false;
	slot_encode_subscription(&s, 9, &ms);
	CHECK(slot_decode_subscription(&ms, &out, &seq) == SLOT_EMPTY);
}

static void changes_mark_their_slots_dirty_once(void)
{
	fresh();
	CHECK(store_take_dirty_entry() == -1);
	store_put("tty", "tty.a", DS_U32, 1, NULL, 0);
	store_put("tty", "tty.b", DS_U32, 1, NULL, 0);
	CHECK(store_take_dirty_entry() == 0);
	CHECK(store_take_dirty_entry() == 1);
	CHECK(store_take_dirty_entry() == -1);
	CHECK(store_put("ata", "tty.a", DS_U32, 2, NULL, 0) == -EPERM);
	CHECK(store_take_dirty_entry() == -1);   /* a refused change writes nothing */
	store_delete("tty", "tty.b");
	CHECK(store_take_dirty_entry() == 1 && store_entry_at(1)->used == false);
	store_subscribe("vfs", 5, "tty.*");
	CHECK(store_take_dirty_subscription() == 0 && store_take_dirty_subscription() == -1);
	store_subscribe("vfs", 6, "tty.*");      /* a new instance of the subscriber */
	CHECK(store_take_dirty_subscription() == 0);
}

static void load_keeps_the_newer_copy_of_a_key(void)
{
	uint32_t seqs[STORE_ENTRIES] = { 0 };
	struct store_entry old = make_entry("tty.mode", DS_U32, NULL, 0), newer = old;
	old.value = 1;
	newer.value = 2;
	fresh();
	CHECK(store_load_entry(3, &old, 10, seqs) == 0);
	CHECK(store_load_entry(7, &newer, 11, seqs) == -EEXIST);
	CHECK(store_find("tty.mode")->value == 2 && !store_entry_at(3)->used);
	fresh();
	memset(seqs, 0, sizeof(seqs));
	CHECK(store_load_entry(3, &newer, 11, seqs) == 0);
	CHECK(store_load_entry(7, &old, 10, seqs) == -EEXIST);
	CHECK(store_find("tty.mode")->value == 2 && !store_entry_at(7)->used);
	int dirty = store_take_dirty_entry();
	CHECK(dirty == 3 || dirty == 7);         /* the loser's slot is cleared in the mirror */
	CHECK(store_load_entry(STORE_ENTRIES, &old, 1, seqs) == -EINVAL);
	CHECK(store_load_entry(3, &old, 12, seqs) == -EINVAL);   /* slot taken */
}

static void after_a_load_subscribers_hear_of_everything_again(void)
{
	uint32_t seqs[STORE_ENTRIES] = { 0 };
	struct store_entry tty = make_entry("tty", DS_ENDPOINT, NULL, 0);
	struct store_entry gone = make_entry("memory", DS_ENDPOINT, NULL, 0);
	struct store_entry orphan = make_entry("ata.gone", DS_U32, NULL, 0);
	gone.deleted = orphan.deleted = true;
	struct store_subscription sub;
	memset(&sub, 0, sizeof(sub));
	sub.used = true;
	sub.endpoint = 99;
	strlcpy(sub.label, "vfs", sizeof(sub.label));
	strlcpy(sub.pattern, "tty", sizeof(sub.pattern));
	fresh();
	store_load_entry(0, &tty, 1, seqs);
	store_load_entry(1, &gone, 2, seqs);
	store_load_entry(2, &orphan, 3, seqs);
	CHECK(store_load_subscription(0, &sub) == 0);
	CHECK(store_load_subscription(1, &sub) == -EEXIST);   /* the same one twice */
	strlcpy(sub.pattern, "memory", sizeof(sub.pattern));
	CHECK(store_load_subscription(2, &sub) == 0);
	store_set_subscriber(0, 100);
	store_set_subscriber(2, 100);
	store_renew_news();
	CHECK(nr_notified == 2 && notified[0] == 100 && notified[1] == 100);
	CHECK(!store_entry_at(2)->used);         /* deleted, and nobody to tell */
	char key[DS_KEY_MAX];
	uint32_t kind;
	CHECK(store_check("vfs", 100, key, &kind) == 0 && strcmp(key, "tty") == 0 && kind == DS_ENDPOINT);
	CHECK(store_check("vfs", 100, key, &kind) == 0 && strcmp(key, "memory") == 0 && kind == DS_NONE);
	CHECK(store_check("vfs", 100, key, &kind) == -ENOENT);
	CHECK(!store_entry_at(1)->used);         /* its deletion seen: freed */
}

int main(void)
{
	RUN(entry_slot_round_trips_and_writes_only_its_bytes);
	RUN(unused_entry_becomes_an_empty_slot);
	RUN(damaged_entry_slot_is_refused);
	RUN(impossible_entry_slot_is_refused);
	RUN(subscription_slot_round_trips_and_is_checked);
	RUN(changes_mark_their_slots_dirty_once);
	RUN(load_keeps_the_newer_copy_of_a_key);
	RUN(after_a_load_subscribers_hear_of_everything_again);
	return unit_summary();
}
