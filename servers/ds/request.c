/*
 * DS request handlers. Each checks the message (key, kind, length, grant)
 * and the caller's label before it touches the store. The caller's label
 * comes from the kernel's process table, never from the message.
 */
#include <service.h>
#include <string.h>
#include "request.h"
#include "mirror.h"
#include "store.h"

static uint8_t buffer[DS_DATA_MAX];

/* The label of the caller's privilege record; "" for ordinary programs. */
static void caller_label(endpoint_t ep, char label[LABEL_MAX])
{
	struct kinfo_proc row;
	label[0] = '\0';
	if (sys_proc_info((uint32_t)endpoint_slot(ep), &row) == 0 && row.endpoint == ep)
		memcpy(label, row.label, LABEL_MAX);
	label[LABEL_MAX - 1] = '\0';
}

/* Is the key in m NUL-terminated within its field, and a valid key? */
static bool take_key(const message *m)
{
	return memchr(m->ds.key, '\0', sizeof(m->ds.key)) && store_key_valid(m->ds.key);
}

/*
 * RS publishes and deletes the endpoint of a service it restarts or stops,
 * under the service's label and as its owner (so the new instance may
 * publish it again itself): key is a label, with no dot.
 */
static void rs_acts_for(char owner[LABEL_MAX], const char *key)
{
	if (strcmp(owner, "rs") == 0 && !strchr(key, '.') && strlen(key) < LABEL_MAX)
		strlcpy(owner, key, LABEL_MAX);
}

int do_publish(message *m)
{
	char owner[LABEL_MAX];
	caller_label(m->source, owner);
	if (!owner[0])
		return -EPERM;
	if (!take_key(m))
		return -EINVAL;
	if (m->ds.kind == DS_ENDPOINT)
		rs_acts_for(owner, m->ds.key);   /* a service RS restarted */
	uint32_t len = 0;
	const void *data = NULL;
	if (m->ds.kind == DS_STRING || m->ds.kind == DS_BLOB) {
		len = m->ds.len;
		if (len > DS_DATA_MAX)
			return -E2BIG;
		int r = sys_safecopy_from(m->source, m->ds.grant, 0, buffer, len);
		if (r < 0)
			return r;
		if (m->ds.kind == DS_STRING && (len == 0 || buffer[len - 1] != '\0'))
			return -EINVAL;
		data = buffer;
	}
	int r = store_put(owner, m->ds.key, m->ds.kind, m->ds.value, data, len);
	mirror_flush();
	return r;
}

int do_retrieve(message *m)
{
	if (!take_key(m))
		return -EINVAL;
	const struct store_entry *e = store_find(m->ds.key);
	if (!e)
		return -ENOENT;
	if (e->kind == DS_STRING || e->kind == DS_BLOB) {
		uint32_t n = e->len < m->ds.len ? e->len : m->ds.len;
		int r = n ? sys_safecopy_to(m->source, m->ds.grant, 0, e->data, n) : 0;
		if (r < 0)
			return r;
	}
	m->ds.kind = e->kind;
	m->ds.value = e->value;
	m->ds.len = e->len;
	return 0;
}

int do_delete(message *m)
{
	char owner[LABEL_MAX];
	caller_label(m->source, owner);
	if (!take_key(m))
		return -EINVAL;
	rs_acts_for(owner, m->ds.key);   /* a service RS took down */
	int r = owner[0] ? store_delete(owner, m->ds.key) : -EPERM;
	mirror_flush();
	return r;
}

int do_subscribe(message *m)
{
	char label[LABEL_MAX];
	caller_label(m->source, label);
	if (!memchr(m->ds.key, '\0', sizeof(m->ds.key)))
		return -EINVAL;
	int r = label[0] ? store_subscribe(label, m->source, m->ds.key) : -EPERM;
	mirror_flush();
	return r;
}

int do_check(message *m)
{
	char label[LABEL_MAX];
	caller_label(m->source, label);
	if (!label[0])
		return -EPERM;
	int r = store_check(label, m->source, m->ds.key, &m->ds.kind);
	mirror_flush();              /* a deleted entry everyone has seen is freed */
	return r;
}

/* RS lends DS a (new) mirror: DS writes its whole store into it. */
int do_mirror(message *m)
{
	char label[LABEL_MAX];
	caller_label(m->source, label);
	if (strcmp(label, "rs") != 0)
		return -EPERM;
	int r = mirror_attach(m->source, m->ds.grant, m->ds.len, false);
	if (r < 0)
		return r;
	m->ds.value = (uint32_t)r;
	return 0;
}
