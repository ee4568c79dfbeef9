/*
 * Kept memory: pages the kernel keeps for a system service's label
 * (KC_KEEP). They outlive the process and go to the next instance with the
 * same label, together with the processes the dead one managed. PM keeps
 * the mirror of its process table there, so that a restarted PM knows every
 * process, and every exit or fault that happened while no PM ran.
 */
#include "kernel.h"
#include "priv.h"

#define KEEP_OWNERS 4

struct keep {
	char label[LABEL_MAX];            /* whose memory it is; "" = unused */
	endpoint_t holder;                /* the instance that has it mapped; NONE after it died */
	uint32_t pages;
	phys_addr_t frame[KEEP_PAGES_MAX];
};

static struct keep keeps[KEEP_OWNERS];

static struct keep *keep_find(const char *label)
{
	for (int i = 0; i < KEEP_OWNERS; i++) {
		if (keeps[i].label[0] && strcmp(keeps[i].label, label) == 0)
			return &keeps[i];
	}
	return NULL;
}

/* A new record for label with pages zeroed frames; NULL if out of records or memory. */
static struct keep *keep_create(const char *label, uint32_t pages)
{
	struct keep *k = NULL;
	for (int i = 0; !k && i < KEEP_OWNERS; i++)
		k = keeps[i].label[0] ? NULL : &keeps[i];
	if (!k)
		return NULL;
	for (uint32_t i = 0; i < pages; i++) {
		k->frame[i] = (phys_addr_t)page_alloc_zeroed();
		if (!k->frame[i]) {
			while (i-- > 0)
				page_free(k->frame[i]);
			return NULL;
		}
	}
	strlcpy(k->label, label, sizeof(k->label));
	k->pages = pages;
	k->holder = NONE;
	return k;
}

/* The processes the holder's predecessor managed become the holder's. */
static void keep_hand_over_orphans(struct proc *holder, int heir)
{
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *q = proc_slot(slot);
		if ((q->block & BLOCK_FREE) || q->heir != heir)
			continue;
		q->heir = 0;
		q->manager = holder->endpoint;
		if (q->report_kind != REPORT_NONE)
			holder->report_pending = true;
	}
}

int keep_map(struct proc *caller, vir_addr_t addr, uint32_t pages)
{
	const char *label = caller->priv->label;
	if (!label[0] || pages == 0 || pages > KEEP_PAGES_MAX || addr % PAGE_SIZE ||
	    addr < USER_BASE || addr >= USER_HEAP_TOP || pages * PAGE_SIZE > USER_HEAP_TOP - addr)
		return -EINVAL;
	struct keep *k = keep_find(label);
	if (k && (k->pages != pages || (k->holder != caller->endpoint && proc_lookup(k->holder))))
		return k->pages != pages ? -EINVAL : -EBUSY;
	for (uint32_t i = 0; i < pages; i++) {
		if (arch_translate(caller->pagedir, addr + i * PAGE_SIZE, false))
			return -EEXIST;
	}
	bool fresh = !k;
	if (!k && !(k = keep_create(label, pages)))
		return -ENOMEM;
	for (uint32_t i = 0; i < pages; i++) {
		int r = arch_map_page(caller->pagedir, addr + i * PAGE_SIZE, k->frame[i], PAGE_WRITE | PAGE_DEVICE);
		if (r < 0)
			return r;   /* a page table could not be had: the pages stay kept */
	}
	k->holder = caller->endpoint;
	keep_hand_over_orphans(caller, (int)(k - keeps) + 1);
	return fresh ? KEEP_FRESH : KEEP_HANDED_OVER;
}

int keep_release(const struct proc *p)
{
	for (int i = 0; i < KEEP_OWNERS; i++) {
		if (keeps[i].label[0] && keeps[i].holder == p->endpoint) {
			keeps[i].holder = NONE;
			return i + 1;
		}
	}
	return 0;
}
