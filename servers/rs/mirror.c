/*
 * The mirror of DS's store, kept in RS's memory (<samsara/ds_mirror.h>).
 * RS is the one place for it: RS restarts DS, outlives it, and must not
 * depend on it. RS only lends it: DS writes it through a grant and reads it
 * back when it is restarted; RS never interprets its contents.
 */
#include <string.h>
#include <samsara/ds_mirror.h>
#include "rs.h"

static struct ds_mirror mirror;
static grant_id_t lent = -1;

/*
 * Lends the mirror to the DS instance at ds (a new grant for exactly that
 * endpoint; the previous one is withdrawn) with DS_MIRROR. A restarted DS
 * waits for this to load its store from it; a running one (RS itself was
 * restarted) writes its whole store into this fresh, empty mirror.
 */
int mirror_lend(endpoint_t ds)
{
	if (lent >= 0)
		sys_revoke(lent);
	lent = sys_grant(ds, &mirror, sizeof(mirror), GRANT_READ | GRANT_WRITE);
	message m = { .type = DS_MIRROR };
	m.ds.grant = lent;           /* an error is sent too: DS stops waiting */
	m.ds.len = sizeof(mirror);
	int r = ipc_sendrec(ds, &m);
	if (r == 0)
		r = m.type;
	if (r < 0)
		service_log("ds: the mirror of its store was not taken (error %d)", r);
	return r;
}

/* A service was just started at ep: DS gets the mirror before anyone else asks it. */
void mirror_started(const char *label, endpoint_t ep)
{
	if (strcmp(label, "ds") == 0)
		mirror_lend(ep);
}
