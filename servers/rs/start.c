/*
 * Services started from files: `service up FILE -label L` reads the ELF
 * file and lends it to RS (RS_START); RS has the kernel keep a copy
 * (KC_IMAGE) and starts the service from it, now and at every restart.
 * Neither RS nor a restarted RS needs the file system again: the kernel's
 * copy outlives both, as boot modules do, and RS's table (in DS) names it
 * by its index.
 */
#include <ds.h>
#include <string.h>
#include "rs.h"

static bool terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

/* Checks every field of the request; 0 or a negated error. */
static int check_start(const struct rs_start *req)
{
	if (!terminated(req->label, sizeof(req->label)) || !terminated(req->script, sizeof(req->script)) ||
	    !terminated(req->args, sizeof(req->args)) || !req->label[0])
		return -EINVAL;
	if (req->script[0] && req->script[0] != '/')
		return -EINVAL;
	if ((req->period_ms && (req->period_ms < 20 || req->period_ms > 600000)) || req->max_restarts > 1000)
		return -EINVAL;
	if (req->image_len == 0 || req->image_len > IMAGE_MAX_LEN)
		return -EINVAL;
	return 0;
}

/*
 * The table entry the new service takes: a new one, or that of a file
 * service of the same label that is down or failed (its old image goes).
 */
static struct rs_service *entry_for(const char *label, int *error)
{
	struct rs_service *s = table_find(label);
	if (!s) {
		*error = -ENOSPC;
		return table_add(label, 0, NONE);
	}
	*error = -EEXIST;
	if (s->module < IMAGE_INDEX_BASE || (s->state != RS_STOPPED && s->state != RS_FAILED))
		return NULL;
	*error = sys_image_drop(s->module);
	return *error < 0 ? NULL : s;
}

/* Forgets s, the last entry of the table, after a start that failed. */
static void forget(const struct rs_service *s)
{
	if (s == &rs.services[rs.nr_services - 1])
		rs.nr_services--;
}

int do_start(message *m)
{
	struct rs_start req = { 0 };
	if (!caller_privileged(m->source))
		return -EPERM;
	if (m->rs.len != sizeof(req))
		return -EINVAL;
	int r = sys_safecopy_from(m->source, m->rs.grant, 0, &req, sizeof(req));
	if (r < 0)
		return r;
	r = check_start(&req);
	if (r < 0)
		return r;
	struct kc_image image = { .owner = m->source, .grant = req.image_grant, .len = req.image_len };
	strlcpy(image.label, req.label, sizeof(image.label));
	strlcpy(image.args, req.args, sizeof(image.args));
	bool existed = table_find(req.label) != NULL;
	struct rs_service *s = entry_for(req.label, &r);
	if (!s)
		return r;
	int index = sys_image_keep(&image);
	if (index < 0) {
		if (!existed)
			forget(s);
		return index;
	}
	table_reset(s, req.label, (uint32_t)index, NONE);
	strlcpy(s->script, req.script, sizeof(s->script));
	s->period_ms = req.period_ms ? req.period_ms : s->period_ms;
	s->max_restarts = req.max_restarts ? req.max_restarts : s->max_restarts;
	r = table_launch(s, SPAWN_FRESH);
	if (r < 0) {
		sys_image_drop((uint32_t)index);
		if (!existed)
			forget(s);
	} else {
		service_log("%s: started from a file (%u bytes)", s->label, req.image_len);
	}
	table_save();
	return r;
}
