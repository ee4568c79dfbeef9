/*
 * The data store's table: entries (key, owner label, kind, value or bytes)
 * and subscriptions (label, endpoint, pattern, which entries changed since
 * it last checked). Pure logic, unit-tested on the host; request.c does the
 * IPC around it.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/kcall.h>
#include <samsara/ds.h>

#define STORE_ENTRIES 128
#define STORE_SUBSCRIPTIONS 32
#define STORE_WORDS ((STORE_ENTRIES + 31) / 32)

struct store_entry {
	bool used;
	bool deleted;                /* kept until every subscriber has seen it go */
	char key[DS_KEY_MAX];
	char owner[LABEL_MAX];
	uint32_t kind;
	uint32_t value;
	uint32_t len;
	uint8_t data[DS_DATA_MAX];
};

struct store_subscription {
	bool used;
	char label[LABEL_MAX];
	endpoint_t endpoint;         /* its latest instance */
	char pattern[DS_KEY_MAX];
	uint32_t pending[STORE_WORDS];  /* entries changed since it last checked */
};

/* Called for each subscriber to tell of a change (request.c notifies it). */
extern void (*store_notify)(endpoint_t subscriber);

void store_reset(void);
const struct store_entry *store_find(const char *key);
/* Creates or replaces key for owner; -EPERM if another label owns it. */
int store_put(const char *owner, const char *key, uint32_t kind, uint32_t value,
	      const void *data, uint32_t len);
int store_delete(const char *owner, const char *key);
int store_subscribe(const char *label, endpoint_t ep, const char *pattern);
/* The next change pending for label: the key, and its kind (DS_NONE if deleted). */
int store_check(const char *label, endpoint_t ep, char key[DS_KEY_MAX], uint32_t *kind);
bool store_key_valid(const char *key);

/* For the mirror: the slots changed since last taken (-1: none), one at a time. */
int store_take_dirty_entry(void);
int store_take_dirty_subscription(void);
void store_mark_all_dirty(void);
/* Slot i (s) is to be written to the mirror again (cleared, if unused). */
void store_entry_dirty(int i);
void store_subscription_dirty(int s);
/* Slot i as it is (used or not); NULL outside the table. */
const struct store_entry *store_entry_at(int i);
const struct store_subscription *store_subscription_at(int s);
/*
 * Loading a mirrored slot into slot i of an empty table. sequences[] (one
 * per entry, kept by the caller) settles a key found twice: the higher
 * sequence wins, -EEXIST either way. Then store_renew_news().
 */
int store_load_entry(int i, const struct store_entry *e, uint32_t sequence, uint32_t *sequences);
int store_load_subscription(int s, const struct store_subscription *sub);
void store_renew_news(void);
void store_set_subscriber(int s, endpoint_t ep);
