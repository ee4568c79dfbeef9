/* Privilege records: the boot table's, the shared user one, dynamic ones. */
#include "kernel.h"
#include "priv.h"

struct priv priv_table[NR_PRIVS];

const struct boot_entry *boot_entry_find(const char *name, unsigned *index)
{
	for (unsigned i = 0; i < boot_table_size; i++) {
		if (strcmp(boot_table[i].name, name) == 0) {
			*index = i;
			return &boot_table[i];
		}
	}
	return NULL;
}

/* Sets in mask the id of every boot entry named in the space-separated list. */
static void resolve_names(uint32_t *mask, const char *list)
{
	if (strcmp(list, "*") == 0) {
		memset(mask, 0xff, BITMAP_WORDS(NR_PRIVS) * sizeof(uint32_t));
		return;
	}
	while (*list) {
		char name[16];
		size_t n = 0;
		while (*list == ' ')
			list++;
		while (*list && *list != ' ' && n < sizeof(name) - 1)
			name[n++] = *list++;
		name[n] = '\0';
		unsigned index;
		if (n && boot_entry_find(name, &index))
			bitmap_set(mask, index + 1);
		else if (n)
			panic("boot table names unknown target '%s'", name);
	}
}

/*
 * Lets every program send to privilege id, or no longer: the shared user
 * record and every program's own (programs get a copy of their parent's
 * record at fork, so a service started later must be added to each).
 */
static void let_programs_send(int id, bool allow)
{
	for (int i = 0; i < NR_PRIVS; i++) {
		struct priv *p = &priv_table[i];
		if (i != PRIV_ID_USER && (!p->in_use || (p->flags & PRIV_SYSTEM)))
			continue;
		if (allow)
			bitmap_set(p->send_to, (unsigned)id);
		else
			bitmap_clear(p->send_to, (unsigned)id);
	}
}

void priv_init(void)
{
	for (int i = 0; i < NR_PRIVS; i++)
		priv_table[i].id = i;
	struct priv *user = &priv_table[PRIV_ID_USER];
	user->in_use = true;
	user->ipc_calls = KC_BIT(IPC_SENDREC);
	/* Programs may end themselves, find PM and VFS (KC_INFO), and lend their
	 * own memory to a server (grants): none of it reaches anyone else. */
	user->kcalls = KC_PROGRAM;
	for (unsigned i = 0; i < boot_table_size; i++)
		priv_set_from_entry(&priv_table[i + 1], &boot_table[i], boot_table[i].name);
}

void priv_set_from_entry(struct priv *p, const struct boot_entry *e, const char *label)
{
	p->flags = e->flags;
	p->kcalls = e->kcalls;
	p->ipc_calls = e->ipc_calls;
	if (e->send_to)
		resolve_names(p->send_to, e->send_to);
	priv_set_io(p, e->io);
	strlcpy(p->label, label, sizeof(p->label));
	p->mem_base = e->mem_base;
	p->mem_len = e->mem_len;
	p->irqs = e->irqs;
	if (e->serves_users)
		let_programs_send(p->id, true);
}

struct priv *priv_for_boot_entry(unsigned index)
{
	struct priv *p = &priv_table[index + 1];
	if (p->in_use)
		return NULL;
	p->in_use = true;
	return p;
}

struct priv *priv_alloc_dynamic(void)
{
	for (unsigned i = boot_table_size + 1; i < NR_PRIVS; i++) {
		if (!priv_table[i].in_use) {
			struct priv *p = &priv_table[i];
			memset(p, 0, sizeof(*p));
			p->id = (int)i;
			p->in_use = true;
			return p;
		}
	}
	return NULL;
}

/*
 * Boot-table records keep their contents so a restarted service gets them
 * back; a dynamic record is no longer reachable by programs once released.
 */
void priv_release(struct priv *p)
{
	if (p->id == PRIV_ID_USER)
		return;
	p->in_use = false;
	if ((unsigned)p->id > boot_table_size)
		let_programs_send(p->id, false);
}

void priv_set_from_spec(struct priv *p, const struct priv_spec *spec)
{
	p->flags = spec->flags;
	p->kcalls = spec->kcalls & KC_ALL;
	p->ipc_calls = spec->ipc_calls;
	memcpy(p->send_to, spec->send_to, sizeof(p->send_to));
	priv_set_io(p, spec->io);
	p->irqs = spec->irqs;
	memcpy(p->label, spec->label, sizeof(p->label));
	p->mem_base = spec->mem_base;
	p->mem_len = spec->mem_len;
	p->label[sizeof(p->label) - 1] = '\0';
}

void priv_set_io(struct priv *p, const struct priv_io_range *io)
{
	memcpy(p->io, io, sizeof(p->io));
	p->has_io = false;
	for (int i = 0; i < PRIV_MAX_IO_RANGES; i++)
		p->has_io |= io[i].count != 0;
	sched_io_ranges_changed(p);
}
