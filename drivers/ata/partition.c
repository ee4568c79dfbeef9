/* The MBR's partition table; see partition.h. */
#include "partition.h"

#define TABLE_OFFSET 446
#define ENTRY_SIZE 16

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int mbr_parse(const uint8_t sector[MBR_SECTOR], uint64_t disk_sectors,
	      struct partition part[MBR_PARTITIONS],
	      void (*complaint)(int index, const char *why))
{
	if (sector[510] != 0x55 || sector[511] != 0xaa)
		return -1;
	int usable = 0;
	for (int i = 0; i < MBR_PARTITIONS; i++) {
		const uint8_t *e = sector + TABLE_OFFSET + i * ENTRY_SIZE;
		uint64_t start = le32(e + 8), count = le32(e + 12);
		part[i].start = 0;
		part[i].count = 0;
		part[i].type = e[4];
		if (e[4] == 0 || count == 0)
			continue;
		const char *why = NULL;
		if (start == 0)
			why = "overlaps the partition table";
		else if (start >= disk_sectors || count > disk_sectors - start)
			why = "reaches past the end of the disk";
		else if (e[0] != 0 && e[0] != 0x80)
			why = "has a bad boot flag";
		if (why) {
			if (complaint)
				complaint(i, why);
			continue;
		}
		part[i].start = start;
		part[i].count = count;
		usable++;
	}
	return usable;
}
