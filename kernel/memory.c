/*
 * Physical page frames: a bitmap with one bit per 4 KiB frame (set = free),
 * filled from the Multiboot memory map minus the kernel, the boot modules and
 * the first megabyte.
 */
#include "kernel.h"
#include "lib/bitmap.h"

#define MAX_FRAMES (USER_BASE / PAGE_SIZE)   /* the kernel maps at most 1 GiB */

static uint32_t free_map[BITMAP_WORDS(MAX_FRAMES)];
static uint32_t nr_frames, nr_free, search_hint;

void memory_init(phys_addr_t lowest_free, phys_addr_t top)
{
	nr_frames = top / PAGE_SIZE;
	if (nr_frames > MAX_FRAMES)
		nr_frames = MAX_FRAMES;
	search_hint = lowest_free / PAGE_SIZE;
}

/* Marks [start, end) free, clipped to whole frames the kernel can map. */
void memory_add_range(phys_addr_t start, phys_addr_t end)
{
	uint32_t first = (start + PAGE_SIZE - 1) / PAGE_SIZE, last = end / PAGE_SIZE;
	for (uint32_t f = first; f < last && f < nr_frames; f++) {
		if (!bitmap_test(free_map, f)) {
			bitmap_set(free_map, f);
			nr_free++;
		}
	}
}

void memory_reserve(phys_addr_t start, phys_addr_t end)
{
	uint32_t first = start / PAGE_SIZE, last = (end + PAGE_SIZE - 1) / PAGE_SIZE;
	for (uint32_t f = first; f < last && f < nr_frames; f++) {
		if (bitmap_test(free_map, f)) {
			bitmap_clear(free_map, f);
			nr_free--;
		}
	}
}

phys_addr_t page_alloc(void)
{
	int f = bitmap_find_set(free_map, nr_frames, search_hint);
	if (f < 0)
		f = bitmap_find_set(free_map, nr_frames, 0);
	if (f < 0)
		return 0;
	bitmap_clear(free_map, (unsigned)f);
	nr_free--;
	search_hint = (uint32_t)f;
	return (phys_addr_t)f * PAGE_SIZE;
}

void *page_alloc_zeroed(void)
{
	phys_addr_t page = page_alloc();
	if (page)
		memset((void *)page, 0, PAGE_SIZE);
	return (void *)page;
}

void page_free(phys_addr_t page)
{
	uint32_t f = page / PAGE_SIZE;
	if (page % PAGE_SIZE || f >= nr_frames || bitmap_test(free_map, f))
		panic("page_free: bad or free frame %x", page);
	bitmap_set(free_map, f);
	nr_free++;
	if (f < search_hint)
		search_hint = f;
}

uint32_t memory_free_pages(void)
{
	return nr_free;
}
