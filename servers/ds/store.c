/* The data store's table; see store.h. */
#include "store.h"
#include <samsara/errno.h>
#include <string.h>

static struct store_entry entries[STORE_ENTRIES];
static struct store_subscription subs[STORE_SUBSCRIPTIONS];
static uint32_t dirty_entries[STORE_WORDS];   /* changed since the mirror last took them */
static uint32_t dirty_subs;
_Static_assert(STORE_SUBSCRIPTIONS <= 32, "dirty_subs has a bit per subscription");
void (*store_notify)(endpoint_t subscriber);

void store_reset(void)
{
	memset(entries, 0, sizeof(entries));
	memset(subs, 0, sizeof(subs));
	memset(dirty_entries, 0, sizeof(dirty_entries));
	dirty_subs = 0;
}

void store_entry_dirty(int i)
{
	if (i >= 0 && i < STORE_ENTRIES)
		dirty_entries[i / 32] |= 1u << (i % 32);
}

void store_subscription_dirty(int s)
{
	if (s >= 0 && s < STORE_SUBSCRIPTIONS)
		dirty_subs |= 1u << s;
}

/* Lowest set bit of *words (n words), cleared; -1 if none. */
static int take_bit(uint32_t *words, int n)
{
	for (int w = 0; w < n; w++) {
		if (words[w]) {
			int bit = __builtin_ctz(words[w]);
			words[w] &= ~(1u << bit);
			return w * 32 + bit;
		}
	}
	return -1;
}

int store_take_dirty_entry(void) { return take_bit(dirty_entries, STORE_WORDS); }
int store_take_dirty_subscription(void) { return take_bit(&dirty_subs, 1); }

void store_mark_all_dirty(void)
{
	memset(dirty_entries, 0xff, sizeof(dirty_entries));
	dirty_subs = (uint32_t)((1ull << STORE_SUBSCRIPTIONS) - 1);
}

const struct store_entry *store_entry_at(int i)
{
	return i >= 0 && i < STORE_ENTRIES ? &entries[i] : NULL;
}

const struct store_subscription *store_subscription_at(int s)
{
	return s >= 0 && s < STORE_SUBSCRIPTIONS ? &subs[s] : NULL;
}

/* strlen, but at most max (a key that fills its field has no NUL). */
static size_t bounded_len(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

/* A key is 1..DS_KEY_MAX-1 printable characters without spaces or '*'. */
bool store_key_valid(const char *key)
{
	size_t n = bounded_len(key, DS_KEY_MAX);
	if (n == 0 || n == DS_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (key[i] <= ' ' || key[i] > '~' || key[i] == '*')
			return false;
	}
	return true;
}

static bool matches(const char *pattern, const char *key)
{
	size_t n = strlen(pattern);
	if (n && pattern[n - 1] == '*')
		return strncmp(pattern, key, n - 1) == 0;
	return strcmp(pattern, key) == 0;
}

static int find_index(const char *key)
{
	for (int i = 0; i < STORE_ENTRIES; i++) {
		if (entries[i].used && strcmp(entries[i].key, key) == 0)
			return i;
	}
	return -1;
}

const struct store_entry *store_find(const char *key)
{
	int i = find_index(key);
	return i >= 0 && !entries[i].deleted ? &entries[i] : NULL;
}

static bool pending(const struct store_subscription *s, int i)
{
	return (s->pending[i / 32] >> (i % 32)) & 1u;
}

/* Marks entry i changed for every matching subscriber and tells them. */
static void changed(int i)
{
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		if (!subs[s].used || !matches(subs[s].pattern, entries[i].key))
			continue;
		subs[s].pending[i / 32] |= 1u << (i % 32);
		if (store_notify)
			store_notify(subs[s].endpoint);
	}
}

/* A deleted entry is freed once no subscriber still has to see it. */
static void free_if_unseen(int i)
{
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		if (subs[s].used && pending(&subs[s], i))
			return;
	}
	memset(&entries[i], 0, sizeof(entries[i]));
	store_entry_dirty(i);
}

static int free_index(void)
{
	for (int i = 0; i < STORE_ENTRIES; i++) {
		if (!entries[i].used)
			return i;
	}
	return -1;
}

int store_put(const char *owner, const char *key, uint32_t kind, uint32_t value,
	      const void *data, uint32_t len)
{
	if (!store_key_valid(key) || !owner[0] || kind < DS_U32 || kind > DS_BLOB || len > DS_DATA_MAX)
		return -EINVAL;
	int i = find_index(key);
	if (i >= 0 && strcmp(entries[i].owner, owner) != 0)
		return -EPERM;
	if (i < 0 && (i = free_index()) < 0)
		return -ENOSPC;
	struct store_entry *e = &entries[i];
	e->used = true;
	e->deleted = false;
	strlcpy(e->key, key, sizeof(e->key));
	strlcpy(e->owner, owner, sizeof(e->owner));
	e->kind = kind;
	e->value = value;
	e->len = data ? len : 0;
	if (data)
		memcpy(e->data, data, len);
	store_entry_dirty(i);
	changed(i);
	return 0;
}

int store_delete(const char *owner, const char *key)
{
	int i = find_index(key);
	if (i < 0 || entries[i].deleted)
		return -ENOENT;
	if (strcmp(entries[i].owner, owner) != 0)
		return -EPERM;
	entries[i].deleted = true;
	store_entry_dirty(i);
	changed(i);
	free_if_unseen(i);
	return 0;
}

/* Points every subscription of label at its latest endpoint. */
static void update_endpoint(const char *label, endpoint_t ep)
{
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		if (subs[s].used && strcmp(subs[s].label, label) == 0 && subs[s].endpoint != ep) {
			subs[s].endpoint = ep;
			store_subscription_dirty(s);
		}
	}
}

int store_subscribe(const char *label, endpoint_t ep, const char *pattern)
{
	size_t n = bounded_len(pattern, DS_KEY_MAX);
	if (!label[0] || n == 0 || n == DS_KEY_MAX)
		return -EINVAL;
	update_endpoint(label, ep);
	int free_slot = -1;
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		if (subs[s].used && strcmp(subs[s].label, label) == 0 && strcmp(subs[s].pattern, pattern) == 0)
			return 0;
		if (!subs[s].used && free_slot < 0)
			free_slot = s;
	}
	if (free_slot < 0)
		return -ENOSPC;
	struct store_subscription *sub = &subs[free_slot];
	memset(sub, 0, sizeof(*sub));
	sub->used = true;
	strlcpy(sub->label, label, sizeof(sub->label));
	strlcpy(sub->pattern, pattern, sizeof(sub->pattern));
	sub->endpoint = ep;
	store_subscription_dirty(free_slot);
	for (int i = 0; i < STORE_ENTRIES; i++) {  /* what exists already counts as news */
		if (entries[i].used && !entries[i].deleted && matches(pattern, entries[i].key))
			sub->pending[i / 32] |= 1u << (i % 32);
	}
	return 0;
}

int store_check(const char *label, endpoint_t ep, char key[DS_KEY_MAX], uint32_t *kind)
{
	update_endpoint(label, ep);
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		if (!subs[s].used || strcmp(subs[s].label, label) != 0)
			continue;
		for (int i = 0; i < STORE_ENTRIES; i++) {
			if (!pending(&subs[s], i))
				continue;
			subs[s].pending[i / 32] &= ~(1u << (i % 32));
			memcpy(key, entries[i].key, DS_KEY_MAX);
			*kind = entries[i].deleted ? DS_NONE : entries[i].kind;
			if (entries[i].deleted)
				free_if_unseen(i);
			return 0;
		}
	}
	return -ENOENT;
}

/*
 * Loading from the mirror. Each slot goes back to its own index, so that the
 * mirror's slot i keeps holding entry i. A key found twice keeps the newer
 * copy (by sequence); what is dropped is marked dirty, so that the next
 * flush clears it in the mirror as well.
 */
int store_load_entry(int i, const struct store_entry *e, uint32_t sequence, uint32_t *sequences)
{
	if (i < 0 || i >= STORE_ENTRIES || entries[i].used || !e->used || !store_key_valid(e->key))
		return -EINVAL;
	int old = find_index(e->key);
	if (old >= 0 && sequences[old] >= sequence) {
		store_entry_dirty(i);
		return -EEXIST;
	}
	if (old >= 0) {
		memset(&entries[old], 0, sizeof(entries[old]));
		store_entry_dirty(old);
	}
	entries[i] = *e;
	entries[i].key[DS_KEY_MAX - 1] = '\0';
	entries[i].owner[LABEL_MAX - 1] = '\0';
	sequences[i] = sequence;
	return old >= 0 ? -EEXIST : 0;
}

int store_load_subscription(int s, const struct store_subscription *sub)
{
	if (s < 0 || s >= STORE_SUBSCRIPTIONS || subs[s].used || !sub->used)
		return -EINVAL;
	for (int t = 0; t < STORE_SUBSCRIPTIONS; t++) {
		if (subs[t].used && strcmp(subs[t].label, sub->label) == 0 &&
		    strcmp(subs[t].pattern, sub->pattern) == 0) {
			store_subscription_dirty(s);
			return -EEXIST;
		}
	}
	subs[s] = *sub;
	memset(subs[s].pending, 0, sizeof(subs[s].pending));
	subs[s].label[LABEL_MAX - 1] = '\0';
	subs[s].pattern[DS_KEY_MAX - 1] = '\0';
	return 0;
}

/*
 * After a load: which changes a subscriber had not yet fetched is not
 * mirrored, so every entry that matches a subscription counts as news again
 * (deleted ones too), and every subscriber is told. A deleted entry that no
 * subscriber matches is freed.
 */
void store_renew_news(void)
{
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		if (!subs[s].used)
			continue;
		bool news = false;
		for (int i = 0; i < STORE_ENTRIES; i++) {
			if (entries[i].used && matches(subs[s].pattern, entries[i].key)) {
				subs[s].pending[i / 32] |= 1u << (i % 32);
				news = true;
			}
		}
		if (news && store_notify)
			store_notify(subs[s].endpoint);
	}
	for (int i = 0; i < STORE_ENTRIES; i++) {
		if (entries[i].used && entries[i].deleted)
			free_if_unseen(i);
	}
}

/* Sets a subscription's endpoint, as found by the caller (the label's current instance). */
void store_set_subscriber(int s, endpoint_t ep)
{
	if (s >= 0 && s < STORE_SUBSCRIPTIONS && subs[s].used && subs[s].endpoint != ep) {
		subs[s].endpoint = ep;
		store_subscription_dirty(s);
	}
}
