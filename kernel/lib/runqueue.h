/*
 * Ready queues: one FIFO per priority and a bitmap of the non-empty ones, so
 * picking the next process is a bit scan. Intrusive: a process embeds its
 * rq_link. Pure; unit-tested on the host.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RQ_PRIORITIES 8

struct rq_link {
	struct rq_link *next;
};

struct runqueue {
	struct rq_link *head[RQ_PRIORITIES];
	struct rq_link *tail[RQ_PRIORITIES];
	uint32_t nonempty;       /* bit p set iff head[p] != NULL */
};

void rq_push_back(struct runqueue *rq, struct rq_link *link, unsigned prio);
void rq_push_front(struct runqueue *rq, struct rq_link *link, unsigned prio);
bool rq_remove(struct runqueue *rq, struct rq_link *link, unsigned prio);
/* The first link of the highest non-empty priority (0 is highest), or NULL. */
struct rq_link *rq_first(const struct runqueue *rq);
