/*
 * The memory allocator: malloc, calloc, realloc, free.
 *
 * The heap is one or more segments of memory from __libc_sbrk (one, unless
 * something else moves the break in between). A segment is a run of blocks
 * ended by an epilogue: a header of size 0 marked in use. Every block starts
 * with a header word, its size (a multiple of ALIGNMENT, header included)
 * with two flags. A free block also holds its free-list links and repeats
 * its size in its last word (a boundary tag), so that the block after it
 * can find its start: free merges a block with free neighbours at once and
 * no two free blocks are ever adjacent. Allocation is first fit on one
 * free list; the tail of a block that is larger than needed is split off.
 *
 * Payloads are ALIGNMENT-aligned: every block starts ALIGNMENT - HEADER
 * bytes past an aligned address. malloc(0) returns a unique minimal block.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <libc_private.h>

#define ALIGNMENT    8u
#define HEADER       sizeof(size_t)
#define IN_USE       1u   /* this block is allocated */
#define PREV_IN_USE  2u   /* the block before it is allocated (or absent) */
#define FLAGS        (IN_USE | PREV_IN_USE)
#define GROW_MIN     (32u * 1024)  /* the heap grows by at least this much */

struct block {
	size_t tag;                   /* size | flags */
	struct block *next_free;      /* the links are valid only when free */
	struct block *prev_free;
};

#define MIN_BLOCK    ((sizeof(struct block) + HEADER + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1))

/* Start of each segment; the first block follows it. */
struct segment {
	struct segment *next;
};

static struct segment *segments;
static struct block *free_list;
static struct block *last_epilogue;  /* of the newest segment */
static char *heap_end;               /* the break as __libc_sbrk last left it */
static size_t heap_bytes;

static size_t block_size(const struct block *b) { return b->tag & ~(size_t)FLAGS; }
static bool block_in_use(const struct block *b) { return b->tag & IN_USE; }
static bool prev_in_use(const struct block *b) { return b->tag & PREV_IN_USE; }
static struct block *next_block(struct block *b) { return (struct block *)((char *)b + block_size(b)); }
static void *payload(struct block *b) { return (char *)b + HEADER; }
static struct block *block_of(void *p) { return (struct block *)((char *)p - HEADER); }
static size_t *footer(struct block *b) { return (size_t *)((char *)next_block(b) - HEADER); }

static size_t round_up(size_t n, size_t to) { return (n + to - 1) & ~(to - 1); }
static size_t round_down(size_t n, size_t to) { return n & ~(to - 1); }

/* The block size that holds request bytes, or 0 if that overflows. */
static size_t size_for(size_t request)
{
	if (request > SIZE_MAX - HEADER - GROW_MIN)
		return 0;
	size_t size = round_up(request + HEADER, ALIGNMENT);
	return size < MIN_BLOCK ? MIN_BLOCK : size;
}

static void set_prev_in_use(struct block *b, bool in_use)
{
	b->tag = in_use ? b->tag | PREV_IN_USE : b->tag & ~(size_t)PREV_IN_USE;
}

static void list_insert(struct block *b)
{
	b->prev_free = NULL;
	b->next_free = free_list;
	if (free_list)
		free_list->prev_free = b;
	free_list = b;
}

static void list_remove(struct block *b)
{
	if (b->prev_free)
		b->prev_free->next_free = b->next_free;
	else
		free_list = b->next_free;
	if (b->next_free)
		b->next_free->prev_free = b->prev_free;
}

/*
 * Turns b (allocated, or fresh memory with a valid header) into a free
 * block: merges it with a free block on either side, writes the boundary
 * tag and puts the result on the free list.
 */
static struct block *release(struct block *b)
{
	struct block *next = next_block(b);
	size_t size = block_size(b);
	if (!block_in_use(next)) {
		list_remove(next);
		size += block_size(next);
	}
	if (!prev_in_use(b)) {
		struct block *prev = (struct block *)((char *)b - *((size_t *)b - 1));
		list_remove(prev);
		size += block_size(prev);
		b = prev;
	}
	b->tag = size | (b->tag & PREV_IN_USE);
	*footer(b) = size;
	set_prev_in_use(next_block(b), false);
	list_insert(b);
	return b;
}

/* Shrinks allocated block b to size, freeing the tail if it can be a block. */
static void split(struct block *b, size_t size)
{
	size_t rest = block_size(b) - size;
	if (rest < MIN_BLOCK)
		return;
	b->tag = size | (b->tag & FLAGS);
	struct block *tail = next_block(b);
	tail->tag = rest | IN_USE | PREV_IN_USE;
	release(tail);
}

/* Gives free block b to the caller, trimmed to size. */
static void *allocate(struct block *b, size_t size)
{
	list_remove(b);
	b->tag |= IN_USE;
	set_prev_in_use(next_block(b), true);
	split(b, size);
	return payload(b);
}

/* Lays out [start, end) as a new segment holding one free block. */
static struct block *new_segment(char *start, char *end)
{
	struct segment *segment = (struct segment *)round_up((uintptr_t)start, ALIGNMENT);
	uintptr_t first = round_up((uintptr_t)(segment + 1) + HEADER, ALIGNMENT) - HEADER;
	size_t size = round_down((uintptr_t)end - first - HEADER, ALIGNMENT);
	struct block *b = (struct block *)first;
	segment->next = segments;
	segments = segment;
	b->tag = size | IN_USE | PREV_IN_USE;
	last_epilogue = next_block(b);
	last_epilogue->tag = IN_USE;
	return release(b);
}

/* Turns the newest segment's epilogue and [heap_end, end) into a free block. */
static struct block *extend_segment(char *end)
{
	struct block *b = last_epilogue;
	size_t size = round_down((uintptr_t)end - (uintptr_t)b - HEADER, ALIGNMENT);
	b->tag = size | IN_USE | (b->tag & PREV_IN_USE);
	last_epilogue = next_block(b);
	last_epilogue->tag = IN_USE;
	return release(b);
}

/*
 * Grows the heap so that a free block of at least size bytes exists, and
 * returns it. The extra bytes asked for pay for a new segment's layout if
 * the new memory is not contiguous with the old.
 */
static struct block *grow_heap(size_t size)
{
	size_t overhead = sizeof(struct segment) + 2 * ALIGNMENT + HEADER;
	size_t increment = (size < GROW_MIN ? GROW_MIN : size) + overhead;
	if (increment > INTPTR_MAX) {
		errno = ENOMEM;
		return NULL;
	}
	char *start = __libc_sbrk((intptr_t)increment);
	if (start == (char *)-1)
		return NULL;
	bool contiguous = heap_end && start == heap_end;
	heap_end = start + increment;
	heap_bytes += increment;
	return contiguous ? extend_segment(heap_end) : new_segment(start, heap_end);
}

static struct block *first_fit(size_t size)
{
	for (struct block *b = free_list; b; b = b->next_free) {
		if (block_size(b) >= size)
			return b;
	}
	return NULL;
}

void *malloc(size_t request)
{
	size_t size = size_for(request);
	if (!size) {
		errno = ENOMEM;
		return NULL;
	}
	struct block *b = first_fit(size);
	if (!b && !(b = grow_heap(size)))
		return NULL;
	return allocate(b, size);
}

void *calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(count * size);  // NOLINT(clang-analyzer-optin.portability.UnixAPI): malloc(0) is a valid block here
	if (p)
		memset(p, 0, count * size);
	return p;
}

void free(void *p)
{
	if (!p)
		return;
	struct block *b = block_of(p);
	b->tag &= ~(size_t)IN_USE;
	release(b);
}

/*
 * Grows allocated block b in place to size by taking in the free block
 * after it, growing the heap first if b is the last block. Returns false
 * if the neighbour is missing or too small.
 */
static bool grow_in_place(struct block *b, size_t size)
{
	struct block *next = next_block(b);
	if (next == last_epilogue && !grow_heap(size - block_size(b)))
		return false;
	next = next_block(b);
	if (block_in_use(next) || block_size(b) + block_size(next) < size)
		return false;
	list_remove(next);
	b->tag += block_size(next);
	set_prev_in_use(next_block(b), true);
	split(b, size);
	return true;
}

/* realloc(p, 0) keeps a minimal block, as malloc(0) would give. */
void *realloc(void *p, size_t request)
{
	if (!p)
		return malloc(request);
	size_t size = size_for(request);
	if (!size) {
		errno = ENOMEM;
		return NULL;
	}
	struct block *b = block_of(p);
	if (block_size(b) >= size) {
		split(b, size);
		return p;
	}
	if (grow_in_place(b, size))
		return p;
	void *moved = malloc(request);
	if (!moved)
		return NULL;
	memcpy(moved, p, block_size(b) - HEADER);
	free(p);
	return moved;
}

/* Checks the blocks of one segment, adding them up in stats. */
static int check_segment(struct segment *segment, struct __libc_heap_stats *stats)
{
	uintptr_t first = round_up((uintptr_t)(segment + 1) + HEADER, ALIGNMENT) - HEADER;
	bool prev_used = true;
	struct block *b = (struct block *)first;
	for (; block_size(b) != 0; b = next_block(b)) {
		if (block_size(b) % ALIGNMENT || block_size(b) < MIN_BLOCK ||
		    (uintptr_t)payload(b) % ALIGNMENT || prev_in_use(b) != prev_used)
			return -1;
		prev_used = block_in_use(b);
		if (prev_used) {
			stats->used_blocks++;
		} else if (*footer(b) != block_size(b) || !prev_in_use(b)) {
			return -1;  /* a bad boundary tag, or two free blocks in a row */
		} else {
			stats->free_blocks++;
			stats->free_bytes += block_size(b);
		}
	}
	return block_in_use(b) && prev_in_use(b) == prev_used ? 0 : -1;
}

/* Checks that the free list holds exactly the free blocks, linked both ways. */
static int check_free_list(const struct __libc_heap_stats *stats)
{
	size_t count = 0, bytes = 0;
	const struct block *prev = NULL;
	for (struct block *b = free_list; b; prev = b, b = b->next_free) {
		if (block_in_use(b) || b->prev_free != prev || ++count > stats->free_blocks)
			return -1;
		bytes += block_size(b);
	}
	return count == stats->free_blocks && bytes == stats->free_bytes ? 0 : -1;
}

int __libc_heap_check(struct __libc_heap_stats *stats)
{
	*stats = (struct __libc_heap_stats){ .heap_bytes = heap_bytes };
	for (struct segment *s = segments; s; s = s->next) {
		if (check_segment(s, stats) != 0)
			return -1;
	}
	return check_free_list(stats);
}
