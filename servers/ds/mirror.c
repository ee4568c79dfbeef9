/*
 * DS's side of the mirror (<samsara/ds_mirror.h>). RS lends DS a grant on a
 * mirror in its memory; DS copies each slot it changes there, before it
 * answers the request that changed it, with one safecopy (no IPC, so no
 * cycle with RS, which calls DS). A restarted DS reads it back, several
 * slots per copy, and checks each slot: a bad one is dropped with a log
 * line and cleared.
 */
#include <service.h>
#include <string.h>
#include "mirror.h"
#include "slot.h"

#define WAIT_TICKS_MAX 500       /* a restarted DS waits this long for RS */
#define READ_CHUNK 8             /* entry slots read back by one safecopy */
_Static_assert(STORE_ENTRIES % READ_CHUNK == 0, "entries are read in whole chunks");
_Static_assert(STORE_ENTRIES == DS_MIRROR_ENTRIES && STORE_SUBSCRIPTIONS == DS_MIRROR_SUBSCRIPTIONS,
	       "a mirror slot for every slot of the store");

static endpoint_t mirror_owner = NONE;
static grant_id_t mirror_grant = -1;
static uint32_t sequence;        /* of the last slot written */
static struct ds_mirror_entry entry_slot;
static struct ds_mirror_entry read_back[READ_CHUNK];
static struct ds_mirror_subscription subs_read_back[STORE_SUBSCRIPTIONS];
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

static size_t entry_offset(int i)
{
	return offsetof(struct ds_mirror, entries) + (size_t)i * sizeof(struct ds_mirror_entry);
}

static size_t subscription_offset(int s)
{
	return offsetof(struct ds_mirror, subscriptions) + (size_t)s * sizeof(struct ds_mirror_subscription);
}

static int write_entry(int i)
{
	size_t len = slot_encode_entry(store_entry_at(i), ++sequence, &entry_slot);
	return write_at((uint32_t)entry_offset(i), &entry_slot, len);
}

static int write_subscription(int s)
{
	struct ds_mirror_subscription slot;
	size_t len = slot_encode_subscription(store_subscription_at(s), ++sequence, &slot);
	return write_at((uint32_t)subscription_offset(s), &slot, len);
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

/* Copies len bytes of the mirror from offset into buf; false (logged) if that failed. */
static bool read_back_slots(size_t offset, void *buf, size_t len, const char *what)
{
	int r = sys_safecopy_from(mirror_owner, mirror_grant, (uint32_t)offset, buf, len);
	if (r < 0)
		service_log("mirror: %s could not be read (error %d): dropped", what, r);
	return r >= 0;
}

/*
 * Whether a slot read back (verdict v) is to be loaded; a bad one is logged
 * and marked dirty, so that the next flush clears it in the mirror.
 */
static bool usable(enum slot_verdict v, const char *what, int index, uint32_t seq,
		   void (*dirty)(int index))
{
	if (v == SLOT_EMPTY)
		return false;
	if (v != SLOT_OK) {
		service_log("mirror: %s slot %d dropped (%s)", what, index, slot_verdict_name(v));
		dirty(index);
		return false;
	}
	sequence = seq > sequence ? seq : sequence;
	return true;
}

/* Loads entry slot i from its copy read back; returns 1 if it was loaded. */
static int load_entry(int i, const struct ds_mirror_entry *slot)
{
	struct store_entry e;
	uint32_t seq = 0;
	if (!usable(slot_decode_entry(slot, &e, &seq), "entry", i, seq, store_entry_dirty))
		return 0;
	int r = store_load_entry(i, &e, seq, loaded_sequences);
	if (r == -EEXIST)
		service_log("mirror: key %s found twice: the newer copy kept", e.key);
	return r == 0;
}

static int load_entries(void)
{
	int loaded = 0;
	for (int first = 0; first < STORE_ENTRIES; first += READ_CHUNK) {
		if (!read_back_slots(entry_offset(first), read_back, sizeof(read_back), "entry slots"))
			continue;
		for (int i = 0; i < READ_CHUNK; i++)
			loaded += load_entry(first + i, &read_back[i]);
	}
	return loaded;
}

static int load_subscriptions(void)
{
	int loaded = 0;
	if (!read_back_slots(subscription_offset(0), subs_read_back, sizeof(subs_read_back),
			     "the subscriptions"))
		return 0;
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		struct store_subscription sub;
		uint32_t seq = 0;
		enum slot_verdict v = slot_decode_subscription(&subs_read_back[s], &sub, &seq);
		if (!usable(v, "subscription", s, seq, store_subscription_dirty) ||
		    store_load_subscription(s, &sub) < 0)
			continue;
		/* the subscriber may have been restarted while DS was down */
		endpoint_t now = sys_find_label(sub.label);
		if (now != NONE)
			store_set_subscriber(s, now);
		loaded++;
	}
	return loaded;
}

/* Loads the store from the mirror; the slots dropped are cleared there. */
static int reload(void)
{
	memset(loaded_sequences, 0, sizeof(loaded_sequences));
	int entries = load_entries();
	int subscriptions = load_subscriptions();
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
