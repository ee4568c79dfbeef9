/* Data store client; see <ds.h>. */
#include <ds.h>
#include <string.h>

static endpoint_t cached_ds = NONE;

endpoint_t ds_endpoint(void)
{
	if (cached_ds == NONE)
		cached_ds = sys_find_label("ds");
	return cached_ds;
}

bool ds_is_endpoint(endpoint_t ep)
{
	if (ep == ds_endpoint())
		return ep != NONE;
	if (!endpoint_is_process(ep) || sys_find_label("ds") != ep)
		return false;
	cached_ds = ep;
	return true;
}

/* Bytes a request lends DS through a grant (buf NULL: none). */
struct ds_buffer {
	void *buf;
	size_t len;
	uint32_t access;
};

/* One sendrec to ds, with a grant for exactly that endpoint if needed. */
static int ds_send_once(endpoint_t ds, message *m, const struct ds_buffer *b)
{
	grant_id_t g = -1;
	if (b && b->buf) {
		g = sys_grant(ds, b->buf, b->len ? b->len : 1, b->access);
		if (g < 0)
			return g;
		m->ds.grant = g;
		m->ds.len = (uint32_t)b->len;
	}
	int r = ipc_sendrec(ds, m);
	if (g >= 0)
		sys_revoke(g);
	return r;
}

/* A request to DS; sent once more to a new instance if the old one is gone. */
static int ds_call(message *m, int type, const struct ds_buffer *b)
{
	message request = *m;
	for (int attempt = 0; attempt < 2; attempt++) {
		endpoint_t ds = ds_endpoint();
		if (ds == NONE)
			return -EDEADSRCDST;
		*m = request;
		m->type = type;
		int r = ds_send_once(ds, m, b);
		if (r == 0)
			return m->type;
		if (r != -EDEADSRCDST)
			return r;
		cached_ds = NONE;
	}
	return -EDEADSRCDST;
}

static int set_key(message *m, const char *key)
{
	memset(m, 0, sizeof(*m));
	if (strlcpy(m->ds.key, key, sizeof(m->ds.key)) >= sizeof(m->ds.key))
		return -EINVAL;
	return 0;
}

static int publish_value(const char *key, uint32_t kind, uint32_t value)
{
	message m;
	if (set_key(&m, key) < 0)
		return -EINVAL;
	m.ds.kind = kind;
	m.ds.value = value;
	return ds_call(&m, DS_PUBLISH, NULL);
}

int ds_publish_u32(const char *key, uint32_t value) { return publish_value(key, DS_U32, value); }
int ds_publish_endpoint(const char *key, endpoint_t ep) { return publish_value(key, DS_ENDPOINT, (uint32_t)ep); }

int ds_publish_blob(const char *key, const void *data, size_t len)
{
	message m;
	if (set_key(&m, key) < 0 || len > DS_DATA_MAX)
		return -EINVAL;
	m.ds.kind = DS_BLOB;
	struct ds_buffer b = { (void *)data, len, GRANT_READ };
	return ds_call(&m, DS_PUBLISH, &b);
}

int ds_publish_str(const char *key, const char *s)
{
	message m;
	size_t len = strlen(s) + 1;
	if (set_key(&m, key) < 0 || len > DS_DATA_MAX)
		return -EINVAL;
	m.ds.kind = DS_STRING;
	struct ds_buffer b = { (void *)s, len, GRANT_READ };
	return ds_call(&m, DS_PUBLISH, &b);
}

static int retrieve_value(const char *key, uint32_t kind, uint32_t *value)
{
	message m;
	if (set_key(&m, key) < 0)
		return -EINVAL;
	int r = ds_call(&m, DS_RETRIEVE, NULL);
	if (r < 0)
		return r;
	if (m.ds.kind != kind)
		return -EINVAL;
	*value = m.ds.value;
	return 0;
}

int ds_retrieve_u32(const char *key, uint32_t *value) { return retrieve_value(key, DS_U32, value); }

int ds_retrieve_endpoint(const char *key, endpoint_t *ep)
{
	return retrieve_value(key, DS_ENDPOINT, (uint32_t *)ep);
}

int ds_retrieve_blob(const char *key, void *buf, size_t size)
{
	message m;
	if (set_key(&m, key) < 0)
		return -EINVAL;
	struct ds_buffer b = { buf, size, GRANT_WRITE };
	int r = ds_call(&m, DS_RETRIEVE, &b);
	return r < 0 ? r : (int)m.ds.len;
}

int ds_retrieve_str(const char *key, char *buf, size_t size)
{
	if (!size)
		return -EINVAL;
	int r = ds_retrieve_blob(key, buf, size);
	if (r >= 0)
		buf[(size_t)r < size ? (size_t)r : size - 1] = '\0';
	return r;
}

int ds_delete(const char *key)
{
	message m;
	return set_key(&m, key) < 0 ? -EINVAL : ds_call(&m, DS_DELETE, NULL);
}

int ds_subscribe(const char *pattern)
{
	message m;
	return set_key(&m, pattern) < 0 ? -EINVAL : ds_call(&m, DS_SUBSCRIBE, NULL);
}

int ds_check(char key[DS_KEY_MAX], uint32_t *kind)
{
	message m;
	memset(&m, 0, sizeof(m));
	int r = ds_call(&m, DS_CHECK, NULL);
	if (r < 0)
		return r;
	memcpy(key, m.ds.key, DS_KEY_MAX);
	key[DS_KEY_MAX - 1] = '\0';
	*kind = m.ds.kind;
	return 0;
}

endpoint_t ds_lookup(const char *label)
{
	endpoint_t ep;
	if (ds_retrieve_endpoint(label, &ep) == 0)
		return ep;
	return sys_find_label(label);
}
