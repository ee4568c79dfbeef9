/*
 * KC_CODE(op, ep, count, seed): the code of ep (SELF, or a process the
 * caller manages), meaning its user pages mapped read-only: the text and
 * read-only data of its image, which the process itself cannot write.
 *
 * CODE_FLIP flips count random bits there: RS's fault injection for
 * `service fi LABEL flip`. Every process has its own copy of its image's
 * pages (the loader copies boot modules and kept images, fork copies every
 * page), so the flips hurt this instance only: the next one starts from a
 * pristine image. Returns count (0 if ep has no read-only page).
 *
 * CODE_CHECK sums those pages again and compares with the sum taken when
 * the image was loaded: 1 if the code changed (a flipped bit, injected or
 * not), 0 if not, -ENOENT if there is no sum (a forked process).
 */
#include "system.h"
#include <samsara/xorshift.h>

#define FLIP_MAX 4096

struct code_walk {
	uint32_t read_only_pages;    /* pages seen so far */
	uint32_t pick;               /* CODE_FLIP: the page to hit */
	phys_addr_t chosen;
	uint32_t sum;                /* code_sum */
};

static bool is_code(uint32_t flags)
{
	return !(flags & (PAGE_WRITE | PAGE_DEVICE));
}

static void pick_page(vir_addr_t va, phys_addr_t pa, uint32_t flags, void *ctx)
{
	(void)va;
	struct code_walk *w = ctx;
	if (!is_code(flags))
		return;
	if (w->read_only_pages++ == w->pick)
		w->chosen = pa & ~(PAGE_SIZE - 1);
}

static void sum_page(vir_addr_t va, phys_addr_t pa, uint32_t flags, void *ctx)
{
	struct code_walk *w = ctx;
	if (!is_code(flags))
		return;
	const uint32_t *word = (const uint32_t *)(pa & ~(PAGE_SIZE - 1));
	uint32_t h = w->sum ^ va;
	for (unsigned i = 0; i < PAGE_SIZE / 4; i++)
		h = (h ^ word[i]) * 16777619u;       /* FNV-1a, a word at a time */
	w->sum = h;
	w->read_only_pages++;
}

uint32_t code_sum(const uint32_t *pagedir)
{
	struct code_walk w = { .sum = 2166136261u };
	arch_for_each_user_page(pagedir, sum_page, &w);
	return w.sum ? w.sum : 1;    /* 0 means "no sum" */
}

static int flip(struct proc *target, uint32_t count, uint32_t seed)
{
	if (count > FLIP_MAX)
		return -EINVAL;
	struct code_walk w = { .pick = 0xffffffffu };
	arch_for_each_user_page(target->pagedir, pick_page, &w);
	uint32_t pages = w.read_only_pages;
	for (uint32_t i = 0; i < count && pages; i++) {
		w = (struct code_walk){ .pick = xorshift32(&seed) % pages };
		arch_for_each_user_page(target->pagedir, pick_page, &w);
		uint32_t bit = xorshift32(&seed) % (PAGE_SIZE * 8);
		((volatile uint8_t *)w.chosen)[bit / 8] ^= (uint8_t)(1u << (bit % 8));
	}
	return pages ? (int)count : 0;
}

int do_code(struct proc *caller, const struct kcall_args *args)
{
	struct proc *target;
	int r = proc_lookup_checked((endpoint_t)args->a[1], caller, &target);
	if (r < 0)
		return r;
	if (target != caller && !may_manage(caller, target))
		return -EPERM;
	switch (args->a[0]) {
	case CODE_CHECK:
		if (!target->code_sum)
			return -ENOENT;
		return code_sum(target->pagedir) != target->code_sum;
	case CODE_FLIP:
		return flip(target, args->a[2], args->a[3]);
	default:
		return -EINVAL;
	}
}
