/* Block-device client; see <bdev.h>. */
#include <bdev.h>
#include <ds.h>
#include <string.h>

#define MAX_RESENDS 8

static int send_open(struct bdev *b)
{
	message m = { .type = BDEV_OPEN };
	m.bdev.minor = b->minor;
	m.bdev.access = 3;
	int r = ipc_sendrec(b->driver, &m);
	return r < 0 ? r : m.type;
}

/* Finds the driver's current instance and opens the device on it. */
static int reconnect(struct bdev *b)
{
	b->driver = ds_lookup(b->label);
	if (b->driver == NONE)
		return -EDEADSRCDST;
	return send_open(b);
}

int bdev_open(struct bdev *b, const char *label, uint32_t minor)
{
	memset(b, 0, sizeof(*b));
	if (strlcpy(b->label, label, sizeof(b->label)) >= sizeof(b->label))
		return -EINVAL;
	b->minor = minor;
	return reconnect(b);
}

/*
 * Sends request *m (type and position set), granting buf for it, and leaves
 * the reply in *m; re-sends to a new driver instance if the old one died.
 */
static int transfer(struct bdev *b, message *m, void *buf, size_t len, uint32_t access)
{
	message request = *m;
	for (int attempt = 0; attempt <= MAX_RESENDS; attempt++) {
		grant_id_t g = buf ? sys_grant(b->driver, buf, len ? len : 1, access) : -1;
		if (buf && g < 0)
			return g;
		*m = request;
		m->bdev.minor = b->minor;
		m->bdev.grant = g;
		m->bdev.len = (uint32_t)len;
		m->bdev.id = ++b->next_id;
		int r = ipc_sendrec(b->driver, m);
		if (g >= 0)
			sys_revoke(g);
		if (r == 0)
			return m->type;
		if (r != -EDEADSRCDST)
			return r;
		b->resends++;
		if (reconnect(b) < 0) {
			message tick;
			sys_alarm(1);        /* give the new instance a tick to appear */
			ipc_receive(CLOCK, &tick);
		}
	}
	return -EIO;
}

static int io(struct bdev *b, int type, uint64_t position, void *buf, size_t len, uint32_t access)
{
	message m = { .type = type };
	m.bdev.position = position;
	return transfer(b, &m, buf, len, access);
}

int bdev_read(struct bdev *b, uint64_t position, void *buf, size_t len)
{
	return io(b, BDEV_READ, position, buf, len, GRANT_WRITE);
}

int bdev_write(struct bdev *b, uint64_t position, const void *buf, size_t len)
{
	return io(b, BDEV_WRITE, position, (void *)buf, len, GRANT_READ);
}

int bdev_size(struct bdev *b, uint64_t *size)
{
	message m = { .type = BDEV_SIZE };
	int r = transfer(b, &m, NULL, 0, 0);
	if (r >= 0)
		*size = m.bdev.position;
	return r < 0 ? r : 0;
}

int bdev_flush(struct bdev *b)
{
	return io(b, BDEV_FLUSH, 0, NULL, 0, 0);
}
