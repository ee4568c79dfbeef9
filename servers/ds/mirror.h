/* DS's side of the mirror of its store in RS's memory (mirror.c). */
#pragma once

#include <libsys.h>

/*
 * Takes the mirror RS lends (owner, grant, len). reload: DS has just been
 * restarted and its store is read back from the mirror; otherwise the
 * whole store is written into it (a new RS lent a fresh one). Returns the
 * number of entries in the store, or an error.
 */
int mirror_attach(endpoint_t owner, grant_id_t grant, uint32_t len, bool reload);
/* Writes every slot changed since the last flush; after each change. */
void mirror_flush(void);
/* DS restarted: waits for RS's DS_MIRROR and loads the store from it. */
void mirror_wait_for_rs(void);
