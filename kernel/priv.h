/*
 * Privilege records. Every live process points at one: ordinary programs
 * share the user record (id 0); each system process has a record of its own.
 * A boot-image service's record id is fixed by its row in the boot table, so
 * a restarted instance keeps the id that other services' send masks name.
 */
#pragma once

#include <samsara/kcall.h>
#include "lib/bitmap.h"

#define NR_PRIVS 64

/* The kernel calls every program may make. */
#define KC_PROGRAM (KC_BIT(KC_EXIT) | KC_BIT(KC_INFO) | KC_BIT(KC_GRANT) | KC_BIT(KC_REVOKE) | \
		    KC_BIT(KC_SIGRETURN))
#define PRIV_ID_USER 0

struct priv {
	int id;
	bool in_use;
	uint32_t flags;                  /* PRIV_* */
	uint32_t kcalls;                 /* allowed KC_* */
	uint32_t ipc_calls;              /* allowed IPC_* */
	uint32_t send_to[BITMAP_WORDS(NR_PRIVS)]; /* privilege ids it may send to */
	struct priv_io_range io[PRIV_MAX_IO_RANGES];
	uint16_t irqs;
	bool has_io;                     /* some io[] range is non-empty */
	char label[LABEL_MAX];           /* set only by the boot table or a manager */
	phys_addr_t mem_base, mem_len;   /* physical memory it may map (KC_VM VM_MAP_PHYS) */
};

static inline const struct priv *priv_io(const struct priv *p)
{
	return p->has_io ? p : NULL;
}

/* Sets the port ranges (and has_io with them). */
void priv_set_io(struct priv *p, const struct priv_io_range *io);

/* A row of the boot table: what a boot-image program may do. */
struct boot_entry {
	const char *name;
	uint8_t priority;
	uint32_t quantum_ms;
	uint32_t flags;
	uint32_t kcalls;
	uint32_t ipc_calls;
	const char *send_to;             /* names separated by spaces; "*" = all */
	bool serves_users;               /* ordinary programs may sendrec to it */
	bool program;                    /* an ordinary program (init), managed by PM */
	bool dormant;                    /* kept in the boot image for PM to exec; not started */
	bool kernel_restarts;            /* the kernel starts it again when it dies (RS) */
	struct priv_io_range io[PRIV_MAX_IO_RANGES];
	uint16_t irqs;
	phys_addr_t mem_base, mem_len;
};

extern const struct boot_entry boot_table[];
extern const unsigned boot_table_size;
/* What a service started from a file may do (kernel/table.c). */
extern const struct boot_entry file_service_entry;

extern struct priv priv_table[NR_PRIVS];

const struct boot_entry *boot_entry_find(const char *name, unsigned *index);
struct priv *priv_for_boot_entry(unsigned index);
struct priv *priv_alloc_dynamic(void);
void priv_release(struct priv *p);
void priv_set_from_spec(struct priv *p, const struct priv_spec *spec);
/* Fills p from a boot-table row (or file_service_entry), under label. */
void priv_set_from_entry(struct priv *p, const struct boot_entry *e, const char *label);

static inline bool priv_may_send(const struct priv *from, const struct priv *to)
{
	return bitmap_test(from->send_to, (unsigned)to->id);
}
