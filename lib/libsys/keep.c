/*
 * Mirrors in kept memory (KC_KEEP): the part PM's and VFS's mirrors share.
 * The memory outlives the service and goes to its next instance; a magic
 * word at its start says whether a predecessor wrote it. Records are
 * written with a checksum (FNV-1a seeded with their slot, so that records
 * cannot swap places unnoticed), and a set of marks says which records a
 * request changed.
 */
#include <service.h>
#include <string.h>

#define PAGE 4096u

int service_keep(void *addr, size_t size, uint32_t magic)
{
	uint32_t pages = (uint32_t)((size + PAGE - 1) / PAGE);
	int r = sys_keep(addr, pages);
	if (r < 0) {
		service_log("no kept memory for the mirror (error %d): a restart would lose the tables", r);
		return r;
	}
	uint32_t *head = addr;
	if (r == KEEP_HANDED_OVER && *head == magic)
		return 1;
	memset(addr, 0, size);
	*head = magic;
	return 0;
}

/* FNV-1a, a 32-bit word at a time (then the 0-3 bytes left). */
uint32_t service_checksum(const void *data, size_t len, int slot)
{
	const uint8_t *byte = data;
	uint32_t sum = 2166136261u ^ (uint32_t)slot, word;
	size_t i = 0;
	for (; i + 4 <= len; i += 4) {
		__builtin_memcpy(&word, byte + i, 4);   /* one load: -ffreestanding would call memcpy */
		sum = (sum ^ word) * 16777619u;
	}
	for (; i < len; i++)
		sum = (sum ^ byte[i]) * 16777619u;
	return sum;
}

void service_mark(uint32_t *marks, size_t nr_slots, size_t slot)
{
	if (slot < nr_slots)
		marks[slot / 32] |= 1u << (slot % 32);
}

int service_take_mark(uint32_t *marks, size_t nr_slots)
{
	for (size_t word = 0; word < (nr_slots + 31) / 32; word++) {
		if (marks[word]) {
			int bit = __builtin_ctz(marks[word]);
			marks[word] &= marks[word] - 1;
			return (int)(word * 32) + bit;
		}
	}
	return -1;
}
