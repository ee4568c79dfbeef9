/* The data store's table; see store.h. */
#include "store.h"
#include <samsara/errno.h>
#include <string.h>

static struct store_entry entries[STORE_ENTRIES];
static struct store_subscription subs[STORE_SUBSCRIPTIONS];
void (*store_notify)(endpoint_t subscriber);

void store_reset(void)
{
	memset(entries, 0, sizeof(entries));
	memset(subs, 0, sizeof(subs));
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
	changed(i);
	free_if_unseen(i);
	return 0;
}

/* Points every subscription of label at its latest endpoint. */
static void update_endpoint(const char *label, endpoint_t ep)
{
	for (int s = 0; s < STORE_SUBSCRIPTIONS; s++) {
		if (subs[s].used && strcmp(subs[s].label, label) == 0)
			subs[s].endpoint = ep;
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
