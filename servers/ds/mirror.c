/*
 * DS's side of the mirror (<samsara/ds_mirror.h>). RS lends DS a grant on a
 * mirror in its memory; DS copies each slot it changes there, before it
 * answers the request that changed it, with one safecopy (no IPC, so no
 * cycle with RS, which calls DS). A restarted DS reads it back slot by
 * slot, checking each: a bad slot is dropped with a log line.
 */
#include <service.h>
#include <string.h>
#include "mirror.h"
#include "slot.h"

#define WAIT_TICKS_MAX 500       /* a restarted DS waits this long for RS */

static endpoint_t mirror_owner = NONE;
static grant_id_t mirror_grant = -1;
static uint32_t sequence;        /* of the last slot written */
static struct ds_mirror_entry entry_slot;
static uint32_t loaded_sequences[STORE_ENTRIES];

/* A write failed: RS is gone, or took the grant back. Wait for a new one. */
static void detach(int error)
{
	service_log("mirror lost (error %d): changes are not mirrored until RS lends a new one", error);
	mirror_owner = NONE;
}

static int write_at(uint32_t offset, const void *data, size_t len)
{
	int r = sys_safecopy_to(mirror_owner, mirror_grant, offset, data, len);
	if (r < 0)
		detach(r);
	return r;
}

static int write_entry(int i)
{
	size_t len = slot_encode_entry(store_entry_at(i), ++sequence, &entry_slot);
	return write_at((uint32_t)(offsetof(struct ds_mirror, entries) + (size_t)i * sizeof(entry_slot)),
			&entry_slot, len);
}

static int write_subscription(int s)
{
	struct ds_mirror_subscription slot;
	size_t len = slot_encode_subscription(store_subscription_at(s), ++sequence, &slot);
	return write_at((uint32_t)(offsetof(struct ds_mirror, subscriptions) + (size_t)s * sizeof(slot)),
			&slot, len);
}

void mirror_flush(void)
{
	int i;
	while ((i = store_take_dirty_entry()) >= 0) {
		if (mirror_owner != NONE)
			write_entry(i);
	}
	while ((i = store_take_dirty_subscription()) >= 0) {
		if (mirror_owner != NONE)
			write_subscription(i);
	}
}

/* Reads entry slot i and loads it; returns 1 if it was loaded. */
static int load_entry(int i)
{
	struct store_entry e;
	uint32_t seq = 0;
	uint32_t offset = (uint32_t)(offsetof(struct ds_mirror, entries) + (size_t)i * sizeof(entry_slot));
	int r = sys_safecopy_from(mirror_owner, mirror_grant, offset, &entry_slot, sizeof(entry_slot));
	enum slot_verdict v = r < 0 ? SLOT_BAD_FIELD : slot_decode_entry(&entry_slot, &e, &seq);
	if (v == SLOT_EMPTY)
		return 0;
	if (v != SLOT_OK) {
		service_log("mirror: entry slot %d dropped (%s)", i, slot_verdict_name(v));
		return 0;
	}
	sequence = seq > sequence ? seq : sequence;
	r = store_load_entry(i, &e, seq, loaded_sequences);
	if (r == -EEXIST)
		service_log("mirror: key %s found twice: the newer copy kept", e.key);
	return r == 0;
}

static int load_subscription(int s)
{
	struct ds_mirror_subscription slot;
	struct store_subscription sub;
	uint32_t seq = 0;
	uint32_t offset = (uint32_t)(offsetof(struct ds_mirror, subscriptions) + (size_t)s * sizeof(slot));
	int r = sys_safecopy_from(mirror_owner, mirror_grant, offset, &slot, sizeof(slot));
	enum slot_verdict v = r < 0 ? SLOT_BAD_FIELD : slot_decode_subscription(&slot, &sub, &seq);
	if (v == SLOT_EMPTY)
		return 0;
	if (v != SLOT_OK) {
		service_log("mirror: subscription slot %d dropped (%s)", s, slot_verdict_name(v));
		return 0;
	}
	sequence = seq > sequence ? seq : sequence;
	if (store_load_subscription(s, &sub) < 0)
		return 0;
	/* the subscriber may have been restarted while DS was down */
	endpoint_t now = sys_find_label(sub.label);
	if (now != NONE)
		store_set_subscriber(s, now);
	return 1;
}

/* Loads the store from the mirror; every slot that was not loaded is cleared. */
static int reload(void)
{
	int entries = 0, subscriptions = 0;
	memset(loaded_sequences, 0, sizeof(loaded_sequences));
	store_mark_all_dirty();      /* rewritten below: what was dropped is cleared */
	for (int i = 0; i < STORE_ENTRIES; i++)
		entries += load_entry(i);
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++)
		subscriptions += load_subscription(s);
	store_renew_news();
	service_log("restarted: %d entries and %d subscriptions back from the mirror in RS",
		    entries, subscriptions);
	return entries;
}

static int count_entries(void)
{
	int n = 0;
	for (int i = 0; i < STORE_ENTRIES; i++)
		n += store_entry_at(i)->used;
	return n;
}

int mirror_attach(endpoint_t owner, grant_id_t grant, uint32_t len, bool reload_store)
{
	if (len != sizeof(struct ds_mirror) || grant < 0)
		return -EINVAL;
	mirror_owner = owner;
	mirror_grant = grant;
	int r = reload_store ? reload() : (store_mark_all_dirty(), count_entries());
	mirror_flush();
	return mirror_owner == NONE ? -EIO : r;
}

/* Whether the live process ep is RS, by the kernel's label table. */
static bool is_rs(endpoint_t ep)
{
	return endpoint_is_process(ep) && ep == sys_find_label("rs");
}

/*
 * A restarted DS answers no one before its store is back: RS sends
 * DS_MIRROR as soon as it has started DS. If RS dies first, the kernel
 * restarts it and the new RS sends a (fresh, empty) mirror; after
 * WAIT_TICKS_MAX DS goes on with an empty store rather than never.
 */
void mirror_wait_for_rs(void)
{
	for (int waited = 0; waited < WAIT_TICKS_MAX; waited++) {
		endpoint_t rs = sys_find_label("rs");
		message m;
		if (rs == NONE) {
			sys_alarm(1);
			ipc_receive(CLOCK, &m);
			continue;
		}
		if (ipc_receive(rs, &m) < 0 || m.type != DS_MIRROR || !is_rs(m.source))
			continue;    /* RS died meanwhile, or its heartbeat: keep waiting */
		int r = mirror_attach(m.source, m.ds.grant, m.ds.len, true);
		if (r < 0)
			service_log("restarted with an empty store: the mirror was refused (error %d)", r);
		m.ds.value = r < 0 ? 0 : (uint32_t)r;
		service_reply(m.source, &m, r < 0 ? r : 0);
		return;
	}
	service_log("restarted with an empty store: RS lent no mirror");
}
