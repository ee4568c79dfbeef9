/* Unit tests for the per-priority ready queues in kernel/lib/runqueue.c. */
#include "lib/runqueue.h"
#include "unit.h"

#define NR_LINKS 16

static struct rq_link links[NR_LINKS];

/* Every queue is a well-formed list and `nonempty` agrees with the heads. */
static bool rq_consistent(const struct runqueue *rq)
{
	if (rq->nonempty >> RQ_PRIORITIES)
		return false;
	for (unsigned p = 0; p < RQ_PRIORITIES; p++) {
		bool has_bit = (rq->nonempty >> p) & 1u;
		if (has_bit != (rq->head[p] != NULL) || has_bit != (rq->tail[p] != NULL))
			return false;
		const struct rq_link *last = NULL;
		int n = 0;
		for (const struct rq_link *l = rq->head[p]; l && n <= NR_LINKS; l = l->next, n++)
			last = l;
		if (n > NR_LINKS || last != rq->tail[p])
			return false;
	}
	return true;
}

/* Pops the first link of priority `prio`, or NULL. */
static struct rq_link *pop(struct runqueue *rq, unsigned prio)
{
	struct rq_link *l = rq->head[prio];
	if (l && !rq_remove(rq, l, prio))
		return NULL;
	return l;
}

static void runqueue_empty_returns_null(void)
{
	struct runqueue rq = { 0 };
	CHECK(rq_first(&rq) == NULL);
	CHECK(rq_consistent(&rq));
}

static void runqueue_keeps_fifo_order_within_a_priority(void)
{
	struct runqueue rq = { 0 };
	for (int i = 0; i < 5; i++)
		rq_push_back(&rq, &links[i], 3);
	CHECK(rq_consistent(&rq));
	for (int i = 0; i < 5; i++) {
		CHECK(rq_first(&rq) == &links[i]);
		CHECK(pop(&rq, 3) == &links[i]);
		CHECK(rq_consistent(&rq));
	}
	CHECK(rq_first(&rq) == NULL);
	CHECK(rq.nonempty == 0);
}

static void runqueue_picks_highest_priority_first(void)
{
	struct runqueue rq = { 0 };
	rq_push_back(&rq, &links[0], 5);
	rq_push_back(&rq, &links[1], RQ_PRIORITIES - 1);
	rq_push_back(&rq, &links[2], 2);
	CHECK(rq_first(&rq) == &links[2]);
	rq_push_back(&rq, &links[3], 0);
	CHECK(rq_first(&rq) == &links[3]);
	CHECK(rq.nonempty == (1u << 0 | 1u << 2 | 1u << 5 | 1u << (RQ_PRIORITIES - 1)));
	CHECK(pop(&rq, 0) == &links[3]);
	CHECK(rq_first(&rq) == &links[2]);
	CHECK(pop(&rq, 2) == &links[2]);
	CHECK(rq_first(&rq) == &links[0]);
	CHECK(pop(&rq, 5) == &links[0]);
	CHECK(rq_first(&rq) == &links[1]);
	CHECK(rq_consistent(&rq));
}

static void runqueue_push_front_goes_before_the_queue(void)
{
	struct runqueue rq = { 0 };
	rq_push_back(&rq, &links[0], 4);
	rq_push_back(&rq, &links[1], 4);
	rq_push_front(&rq, &links[2], 4);
	CHECK(rq_consistent(&rq));
	CHECK(pop(&rq, 4) == &links[2]);
	CHECK(pop(&rq, 4) == &links[0]);
	CHECK(pop(&rq, 4) == &links[1]);
	CHECK(rq_consistent(&rq));
}

static void runqueue_push_front_on_empty_queue_sets_tail(void)
{
	struct runqueue rq = { 0 };
	rq_push_front(&rq, &links[0], 1);
	CHECK(rq.head[1] == &links[0] && rq.tail[1] == &links[0]);
	CHECK(rq.nonempty == 1u << 1);
	rq_push_back(&rq, &links[1], 1);
	CHECK(pop(&rq, 1) == &links[0]);
	CHECK(pop(&rq, 1) == &links[1]);
	CHECK(rq_consistent(&rq));
}

/* Queues links 0..3 at priority 6 and removes `victim`, checking the rest. */
static void remove_one_of_four(int victim)
{
	struct runqueue rq = { 0 };
	for (int i = 0; i < 4; i++)
		rq_push_back(&rq, &links[i], 6);
	CHECK(rq_remove(&rq, &links[victim], 6));
	CHECK(links[victim].next == NULL);
	CHECK(rq_consistent(&rq));
	for (int i = 0; i < 4; i++) {
		if (i != victim)
			CHECK(pop(&rq, 6) == &links[i]);
	}
	CHECK(rq.nonempty == 0);
}

static void runqueue_removes_head(void) { remove_one_of_four(0); }
static void runqueue_removes_middle(void) { remove_one_of_four(2); }
static void runqueue_removes_tail(void) { remove_one_of_four(3); }

static void runqueue_removed_tail_lets_push_back_append(void)
{
	struct runqueue rq = { 0 };
	rq_push_back(&rq, &links[0], 2);
	rq_push_back(&rq, &links[1], 2);
	CHECK(rq_remove(&rq, &links[1], 2));
	rq_push_back(&rq, &links[2], 2);
	CHECK(rq_consistent(&rq));
	CHECK(pop(&rq, 2) == &links[0]);
	CHECK(pop(&rq, 2) == &links[2]);
}

static void runqueue_remove_of_absent_link_returns_false(void)
{
	struct runqueue rq = { 0 };
	CHECK(!rq_remove(&rq, &links[0], 0));
	rq_push_back(&rq, &links[0], 3);
	rq_push_back(&rq, &links[1], 3);
	CHECK(!rq_remove(&rq, &links[2], 3));
	CHECK(!rq_remove(&rq, &links[0], 4));
	CHECK(rq_consistent(&rq));
	CHECK(rq.head[3] == &links[0] && rq.tail[3] == &links[1]);
}

static void runqueue_removing_last_link_clears_nonempty_bit(void)
{
	struct runqueue rq = { 0 };
	rq_push_back(&rq, &links[0], 7);
	rq_push_back(&rq, &links[1], 0);
	CHECK(rq_remove(&rq, &links[1], 0));
	CHECK(rq.nonempty == 1u << 7);
	CHECK(rq_first(&rq) == &links[0]);
	CHECK(rq_remove(&rq, &links[0], 7));
	CHECK(rq.nonempty == 0);
	CHECK(rq_first(&rq) == NULL);
	CHECK(rq_consistent(&rq));
}

/* A plain-array model of the queues for the randomised test below. */
struct model {
	int ids[RQ_PRIORITIES][NR_LINKS];
	int count[RQ_PRIORITIES];
	int prio_of[NR_LINKS];   /* -1 if not queued */
};

static void model_insert(struct model *m, int id, unsigned prio, bool front)
{
	int *ids = m->ids[prio];
	if (front) {
		for (int i = m->count[prio]; i > 0; i--)
			ids[i] = ids[i - 1];
		ids[0] = id;
	} else {
		ids[m->count[prio]] = id;
	}
	m->count[prio]++;
	m->prio_of[id] = (int)prio;
}

static void model_remove(struct model *m, int id)
{
	int p = m->prio_of[id];
	int *ids = m->ids[p];
	int i = 0;
	while (ids[i] != id)
		i++;
	for (m->count[p]--; i < m->count[p]; i++)
		ids[i] = ids[i + 1];
	m->prio_of[id] = -1;
}

static bool matches_model(const struct runqueue *rq, const struct model *m)
{
	const struct rq_link *first = NULL;
	for (unsigned p = 0; p < RQ_PRIORITIES; p++) {
		const struct rq_link *l = rq->head[p];
		for (int i = 0; i < m->count[p]; i++, l = l->next) {
			if (l != &links[m->ids[p][i]])
				return false;
		}
		if (!first && m->count[p])
			first = &links[m->ids[p][0]];
	}
	return rq_consistent(rq) && rq_first(rq) == first;
}

/* One random push or remove on both the queues and the model. */
static bool random_step(struct runqueue *rq, struct model *m, uint32_t r)
{
	int id = (int)(r % NR_LINKS);
	unsigned prio = (r >> 8) % RQ_PRIORITIES;
	if (m->prio_of[id] < 0) {
		if (r & 0x10000u)
			rq_push_front(rq, &links[id], prio);
		else
			rq_push_back(rq, &links[id], prio);
		model_insert(m, id, prio, r & 0x10000u);
		return true;
	}
	bool expect = (unsigned)m->prio_of[id] == prio || (r & 0x20000u);
	if (expect)
		prio = (unsigned)m->prio_of[id];
	if (rq_remove(rq, &links[id], prio) != expect)
		return false;
	if (expect)
		model_remove(m, id);
	return true;
}

static void runqueue_matches_model_under_random_operations(void)
{
	struct runqueue rq = { 0 };
	struct model m = { .count = { 0 } };
	for (int i = 0; i < NR_LINKS; i++)
		m.prio_of[i] = -1;
	uint32_t seed = 12345;
	int bad = 0;
	for (int step = 0; step < 20000; step++) {
		seed = seed * 1103515245u + 12345u;
		bad += !random_step(&rq, &m, seed >> 8);
		bad += !matches_model(&rq, &m);
	}
	CHECK(bad == 0);
}

int main(void)
{
	RUN(runqueue_empty_returns_null);
	RUN(runqueue_keeps_fifo_order_within_a_priority);
	RUN(runqueue_picks_highest_priority_first);
	RUN(runqueue_push_front_goes_before_the_queue);
	RUN(runqueue_push_front_on_empty_queue_sets_tail);
	RUN(runqueue_removes_head);
	RUN(runqueue_removes_middle);
	RUN(runqueue_removes_tail);
	RUN(runqueue_removed_tail_lets_push_back_append);
	RUN(runqueue_remove_of_absent_link_returns_false);
	RUN(runqueue_removing_last_link_clears_nonempty_bit);
	RUN(runqueue_matches_model_under_random_operations);
	return unit_summary();
}
