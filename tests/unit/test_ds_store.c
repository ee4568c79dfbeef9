/*
 * Unit tests for the data store's table (servers/ds/store.c): ownership by
 * label, key validation, subscriptions with prefix patterns, deletion
 * notices, and a full table.
 */
#include <stdio.h>
#include <string.h>

#include <samsara/errno.h>
#include "store.h"
#include "unit.h"
#include "ds_unit.h"

static void store_put_then_find_gives_the_value(void)
{
	fresh();
	CHECK(store_put("vfs", "vfs.mounts", DS_U32, 3, NULL, 0) == 0);
	const struct store_entry *e = store_find("vfs.mounts");
	CHECK(e && e->kind == DS_U32 && e->value == 3 && strcmp(e->owner, "vfs") == 0);
	CHECK(store_find("vfs.other") == NULL);
}

static void store_only_the_owner_replaces_or_deletes(void)
{
	fresh();
	store_put("tty", "tty.mode", DS_U32, 1, NULL, 0);
	CHECK(store_put("ata", "tty.mode", DS_U32, 2, NULL, 0) == -EPERM);
	CHECK(store_delete("ata", "tty.mode") == -EPERM);
	CHECK(store_find("tty.mode")->value == 1);
	CHECK(store_put("tty", "tty.mode", DS_U32, 2, NULL, 0) == 0);
	CHECK(store_find("tty.mode")->value == 2);
	CHECK(store_delete("tty", "tty.mode") == 0);
	CHECK(store_find("tty.mode") == NULL);
	CHECK(store_delete("tty", "tty.mode") == -ENOENT);
}

static void store_rejects_bad_keys_kinds_and_owners(void)
{
	fresh();
	CHECK(store_put("x", "", DS_U32, 0, NULL, 0) == -EINVAL);
	CHECK(store_put("x", "a b", DS_U32, 0, NULL, 0) == -EINVAL);
	CHECK(store_put("x", "star*", DS_U32, 0, NULL, 0) == -EINVAL);
	CHECK(store_put("x", "tab\tkey", DS_U32, 0, NULL, 0) == -EINVAL);
	CHECK(store_put("x", "ok", DS_NONE, 0, NULL, 0) == -EINVAL);
	CHECK(store_put("x", "ok", DS_BLOB + 1, 0, NULL, 0) == -EINVAL);
	CHECK(store_put("", "ok", DS_U32, 0, NULL, 0) == -EINVAL);
	CHECK(store_put("x", "ok", DS_BLOB, 0, "data", DS_DATA_MAX + 1) == -EINVAL);
	char longest[DS_KEY_MAX];
	memset(longest, 'k', sizeof(longest) - 1);
	longest[DS_KEY_MAX - 1] = '\0';
	CHECK(store_put("x", longest, DS_U32, 0, NULL, 0) == 0);
}

static void store_keeps_blob_bytes(void)
{
	fresh();
	unsigned char data[DS_DATA_MAX];
	for (unsigned i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i ^ 0x5a);
	CHECK(store_put("rs", "rs.table", DS_BLOB, 0, data, sizeof(data)) == 0);
	const struct store_entry *e = store_find("rs.table");
	CHECK(e && e->len == sizeof(data) && memcmp(e->data, data, sizeof(data)) == 0);
}

static void store_full_table_gives_enospc_and_frees_on_delete(void)
{
	fresh();
	char key[DS_KEY_MAX];
	for (int i = 0; i < STORE_ENTRIES; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		CHECK(store_put("x", key, DS_U32, (uint32_t)i, NULL, 0) == 0);
	}
	CHECK(store_put("x", "one.more", DS_U32, 0, NULL, 0) == -ENOSPC);
	CHECK(store_put("x", "k5", DS_U32, 55, NULL, 0) == 0);  /* replacing needs no new slot */
	CHECK(store_delete("x", "k7") == 0);
	CHECK(store_put("x", "one.more", DS_U32, 0, NULL, 0) == 0);
}

static void subscription_reports_matching_changes_once(void)
{
	fresh();
	char key[DS_KEY_MAX];
	uint32_t kind;
	CHECK(store_subscribe("vfs", 1025, "drv.blk.*") == 0);
	CHECK(store_check("vfs", 1025, key, &kind) == -ENOENT);
	store_put("rs", "drv.blk.ata0", DS_ENDPOINT, 2049, NULL, 0);
	store_put("rs", "drv.chr.tty", DS_ENDPOINT, 2050, NULL, 0);
	CHECK(nr_notified == 1 && notified[0] == 1025);
	CHECK(store_check("vfs", 1025, key, &kind) == 0 && strcmp(key, "drv.blk.ata0") == 0 && kind == DS_ENDPOINT);
	CHECK(store_check("vfs", 1025, key, &kind) == -ENOENT);
}

static void subscription_sees_existing_entries_first(void)
{
	fresh();
	char key[DS_KEY_MAX];
	uint32_t kind;
	store_put("rs", "drv.blk.ata0", DS_ENDPOINT, 2049, NULL, 0);
	CHECK(store_subscribe("vfs", 1025, "drv.blk.ata0") == 0);
	CHECK(store_check("vfs", 1025, key, &kind) == 0 && strcmp(key, "drv.blk.ata0") == 0);
}

static void subscription_reports_deletion_then_frees_the_slot(void)
{
	fresh();
	char key[DS_KEY_MAX];
	uint32_t kind = 99;
	store_subscribe("vfs", 1025, "x.*");
	store_put("rs", "x.y", DS_U32, 1, NULL, 0);
	store_check("vfs", 1025, key, &kind);
	CHECK(store_delete("rs", "x.y") == 0);
	CHECK(store_find("x.y") == NULL);
	CHECK(store_put("other", "x.y", DS_U32, 2, NULL, 0) == -EPERM);  /* tombstone still owned */
	CHECK(store_check("vfs", 1025, key, &kind) == 0 && strcmp(key, "x.y") == 0 && kind == DS_NONE);
	CHECK(store_put("other", "x.y", DS_U32, 2, NULL, 0) == 0);       /* now free */
}

static void subscription_follows_a_restarted_subscriber(void)
{
	fresh();
	char key[DS_KEY_MAX];
	uint32_t kind;
	store_subscribe("vfs", 1025, "drv.*");
	store_check("vfs", 5121, key, &kind);  /* the same label from a new endpoint */
	store_put("rs", "drv.tty", DS_U32, 1, NULL, 0);
	CHECK(nr_notified == 1 && notified[0] == 5121);
	CHECK(store_subscribe("vfs", 5121, "drv.*") == 0);  /* the same subscription again: no duplicate */
	store_put("rs", "drv.tty", DS_U32, 2, NULL, 0);
	CHECK(nr_notified == 2);
}

static void subscription_table_fills_up(void)
{
	fresh();
	char pattern[DS_KEY_MAX];
	for (int i = 0; i < STORE_SUBSCRIPTIONS; i++) {
		snprintf(pattern, sizeof(pattern), "p%d.*", i);
		CHECK(store_subscribe("vfs", 1025, pattern) == 0);
	}
	CHECK(store_subscribe("vfs", 1025, "one.more.*") == -ENOSPC);
	CHECK(store_subscribe("", 1025, "x") == -EINVAL);
	CHECK(store_subscribe("vfs", 1025, "") == -EINVAL);
}

int main(void)
{
	RUN(store_put_then_find_gives_the_value);
	RUN(store_only_the_owner_replaces_or_deletes);
	RUN(store_rejects_bad_keys_kinds_and_owners);
	RUN(store_keeps_blob_bytes);
	RUN(store_full_table_gives_enospc_and_frees_on_delete);
	RUN(subscription_reports_matching_changes_once);
	RUN(subscription_sees_existing_entries_first);
	RUN(subscription_reports_deletion_then_frees_the_slot);
	RUN(subscription_follows_a_restarted_subscriber);
	RUN(subscription_table_fills_up);
	return unit_summary();
}
