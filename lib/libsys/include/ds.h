/*
 * Data store client. Every call finds DS through the kernel's label lookup,
 * and re-sends once to a new DS instance if the old one died meanwhile.
 */
#pragma once

#include <libsys.h>
#include <samsara/ds.h>

int ds_publish_u32(const char *key, uint32_t value);
int ds_publish_endpoint(const char *key, endpoint_t ep);
int ds_publish_str(const char *key, const char *s);
int ds_publish_blob(const char *key, const void *data, size_t len);
int ds_retrieve_u32(const char *key, uint32_t *value);
int ds_retrieve_endpoint(const char *key, endpoint_t *ep);
/* Copies at most size bytes; returns the entry's full length. */
int ds_retrieve_str(const char *key, char *buf, size_t size);
int ds_retrieve_blob(const char *key, void *buf, size_t size);
int ds_delete(const char *key);
/* pattern: an exact key, or a prefix ending in '*'. */
int ds_subscribe(const char *pattern);
/* After a notify from DS: one changed key and its kind (DS_NONE if deleted);
 * -ENOENT when nothing more has changed. */
int ds_check(char key[DS_KEY_MAX], uint32_t *kind);

/* The endpoint of the service called label: from DS, or from the kernel for
 * services that boot before DS has heard of them. */
endpoint_t ds_lookup(const char *label);
/* DS's own current endpoint (NONE if it is not running). */
endpoint_t ds_endpoint(void);
/* Whether ep is DS: its current instance, even one started since DS was
 * last called (a restarted DS tells subscribers of what they may have missed). */
bool ds_is_endpoint(endpoint_t ep);
