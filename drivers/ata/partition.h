/*
 * The MBR's primary partition table: four entries at byte 446 of sector 0,
 * ending with the signature 0x55 0xaa. Pure logic, shared with the host
 * unit test (tests/unit/test_ata_mbr.c).
 */
#pragma once

#include <samsara/types.h>

#define MBR_PARTITIONS 4
#define MBR_SECTOR 512

struct partition {
	uint64_t start;    /* first sector */
	uint64_t count;    /* sectors; 0 = no such partition */
	uint8_t type;      /* the MBR's type byte (0x83: Linux) */
};

/*
 * Reads the table in sector (disk_sectors long disk) into part[0..3]. An
 * entry that is empty, or reaches past the end of the disk, or overlaps the
 * MBR is left out (count 0); complaint(i, why) is told about bad ones.
 * Returns the number of usable partitions, or -1 without a signature.
 */
int mbr_parse(const uint8_t sector[MBR_SECTOR], uint64_t disk_sectors,
	      struct partition part[MBR_PARTITIONS],
	      void (*complaint)(int index, const char *why));
