/*
 * KC_FLIPBITS(ep, count, seed): flip count random bits in the code of ep
 * (SELF, or a process the caller manages): in its user pages that are
 * mapped read-only, i.e. the text and read-only data of its image, which
 * the process itself cannot write. This is RS's fault injection for
 * `service fi LABEL flip`. Every process has its own copy of its image's
 * pages (the loader copies boot modules and kept images, fork copies every
 * page), so the flips hurt this instance only: the next one starts from a
 * pristine image. Returns the number of bits flipped (0 if ep has no
 * read-only page).
 */
#include "system.h"

#define FLIP_MAX 4096

struct flip_walk {
	uint32_t read_only_pages;    /* counted in the first walk */
	uint32_t pick;               /* the page to hit in the second walk */
	phys_addr_t chosen;
};

static void count_page(vir_addr_t va, phys_addr_t pa, uint32_t flags, void *ctx)
{
	(void)va;
	struct flip_walk *w = ctx;
	if (!(flags & (PAGE_WRITE | PAGE_DEVICE))) {
		if (w->read_only_pages == w->pick)
			w->chosen = pa & ~(PAGE_SIZE - 1);
		w->read_only_pages++;
	}
}

static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state ? *state : 0x9e3779b9u;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

int do_flipbits(struct proc *caller, const struct kcall_args *args)
{
	struct proc *target;
	uint32_t count = args->a[1], seed = args->a[2];
	int r = proc_lookup_checked((endpoint_t)args->a[0], caller, &target);
	if (r < 0)
		return r;
	if (target != caller && !may_manage(caller, target))
		return -EPERM;
	if (count > FLIP_MAX)
		return -EINVAL;
	struct flip_walk w = { .pick = 0xffffffffu };
	arch_for_each_user_page(target->pagedir, count_page, &w);
	uint32_t pages = w.read_only_pages;
	for (uint32_t i = 0; i < count && pages; i++) {
		w = (struct flip_walk){ .pick = next_random(&seed) % pages };
		arch_for_each_user_page(target->pagedir, count_page, &w);
		uint32_t bit = next_random(&seed) % (PAGE_SIZE * 8);
		((volatile uint8_t *)w.chosen)[bit / 8] ^= (uint8_t)(1u << (bit % 8));
	}
	return pages ? (int)count : 0;
}
