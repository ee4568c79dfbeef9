/* Ready queues; see runqueue.h. */
#include "runqueue.h"

void rq_push_back(struct runqueue *rq, struct rq_link *link, unsigned prio)
{
	link->next = NULL;
	if (rq->tail[prio])
		rq->tail[prio]->next = link;
	else
		rq->head[prio] = link;
	rq->tail[prio] = link;
	rq->nonempty |= 1u << prio;
}

void rq_push_front(struct runqueue *rq, struct rq_link *link, unsigned prio)
{
	link->next = rq->head[prio];
	rq->head[prio] = link;
	if (!rq->tail[prio])
		rq->tail[prio] = link;
	rq->nonempty |= 1u << prio;
}

bool rq_remove(struct runqueue *rq, struct rq_link *link, unsigned prio)
{
	struct rq_link *prev = NULL;
	for (struct rq_link *l = rq->head[prio]; l; prev = l, l = l->next) {
		if (l != link)
			continue;
		if (prev)
			prev->next = l->next;
		else
			rq->head[prio] = l->next;
		if (rq->tail[prio] == l)
			rq->tail[prio] = prev;
		if (!rq->head[prio])
			rq->nonempty &= ~(1u << prio);
		link->next = NULL;
		return true;
	}
	return false;
}

struct rq_link *rq_first(const struct runqueue *rq)
{
	if (!rq->nonempty)
		return NULL;
	return rq->head[__builtin_ctz(rq->nonempty)];
}
