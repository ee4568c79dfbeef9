/*
 * The data store protocol. DS keeps small typed values under string keys.
 * Each entry belongs to the label of the service that published it (not to
 * its endpoint), so a restarted instance finds its state again. Anyone may
 * read; only the owner may change or delete. Subscribers are notified (a
 * notify from DS) when an entry matching their pattern changes, and fetch
 * the changed keys with DS_CHECK.
 */
#pragma once

#include <samsara/types.h>
#include <samsara/service.h>

#define DS_KEY_MAX   32      /* including the NUL */
#define DS_DATA_MAX  1024    /* largest string or blob */

enum ds_request {
	DS_PUBLISH = DS_BASE + 1,  /* key, kind, value | grant+len: create or replace */
	DS_RETRIEVE,               /* key [, grant+len]: returns kind, value | bytes copied */
	DS_DELETE,                 /* key */
	DS_SUBSCRIBE,              /* key = pattern: exact, or a prefix ending in '*' */
	DS_CHECK,                  /* returns one changed key matching a subscription */
	DS_MIRROR,                 /* from RS only: grant+len on a struct ds_mirror in RS's
				    * memory; DS keeps its store there (<samsara/ds_mirror.h>) */
};

enum ds_kind {
	DS_NONE = 0,     /* in a DS_CHECK reply: the key was deleted */
	DS_U32,          /* value */
	DS_ENDPOINT,     /* value: an endpoint (the name service) */
	DS_STRING,       /* bytes through the grant, NUL-terminated */
	DS_BLOB,         /* bytes through the grant */
};

struct msg_ds {
	char key[DS_KEY_MAX];
	uint32_t kind;           /* enum ds_kind */
	uint32_t value;          /* DS_U32, DS_ENDPOINT */
	grant_id_t grant;        /* DS_STRING, DS_BLOB: the caller's buffer */
	uint32_t len;            /* its length; in replies, the entry's length */
	uint8_t pad[8];
};
_Static_assert(sizeof(struct msg_ds) == 56, "msg_ds fills the message payload");
