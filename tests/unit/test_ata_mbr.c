/*
 * Unit tests for the ATA driver's partition-table reader
 * (drivers/ata/partition.c): good tables, and every kind of bad entry a
 * damaged or hostile disk may hold.
 */
#include <string.h>

#include "partition.h"
#include "unit.h"

static uint8_t sector[MBR_SECTOR];
static struct partition part[MBR_PARTITIONS];
static int complaints[MBR_PARTITIONS], nr_complaints;

static void complaint(int index, const char *why)
{
	(void)why;
	if (nr_complaints < MBR_PARTITIONS)
		complaints[nr_complaints++] = index;
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> 8 * i);
}

static void entry(int i, uint8_t boot, uint8_t type, uint32_t start, uint32_t count)
{
	uint8_t *e = sector + 446 + 16 * i;
	e[0] = boot;
	e[4] = type;
	put32(e + 8, start);
	put32(e + 12, count);
}

static void fresh(void)
{
	memset(sector, 0, sizeof(sector));
	memset(part, 0xff, sizeof(part));
	sector[510] = 0x55;
	sector[511] = 0xaa;
	nr_complaints = 0;
}

static void no_signature_means_no_table(void)
{
	fresh();
	sector[511] = 0;
	entry(0, 0, 0x83, 2048, 1000);
	CHECK(mbr_parse(sector, 100000, part, complaint) == -1);
}

static void good_entries_are_read_in_place(void)
{
	fresh();
	entry(0, 0x80, 0x83, 2048, 129024);
	entry(2, 0, 0x0c, 131072, 1000);
	CHECK(mbr_parse(sector, 132072, part, complaint) == 2);
	CHECK(part[0].start == 2048 && part[0].count == 129024 && part[0].type == 0x83);
	CHECK(part[1].count == 0);
	CHECK(part[2].start == 131072 && part[2].count == 1000 && part[2].type == 0x0c);
	CHECK(part[3].count == 0);
	CHECK(nr_complaints == 0);
}

static void entries_past_the_end_are_refused(void)
{
	fresh();
	entry(0, 0, 0x83, 2048, 10000);         /* one sector too many */
	entry(1, 0, 0x83, 0xffffffffu, 2);      /* start + count overflows 32 bits */
	entry(2, 0, 0x83, 20000, 1);            /* starts beyond the end */
	CHECK(mbr_parse(sector, 12047, part, complaint) == 0);
	CHECK(part[0].count == 0 && part[1].count == 0 && part[2].count == 0);
	CHECK(nr_complaints == 3);
}

static void entry_over_the_mbr_or_with_a_bad_flag_is_refused(void)
{
	fresh();
	entry(0, 0, 0x83, 0, 100);
	entry(1, 0x12, 0x83, 100, 100);
	entry(3, 0, 0x83, 200, 100);
	CHECK(mbr_parse(sector, 1000, part, complaint) == 1);
	CHECK(nr_complaints == 2 && complaints[0] == 0 && complaints[1] == 1);
	CHECK(part[3].start == 200);
}

static void empty_entries_are_silent(void)
{
	fresh();
	entry(1, 0, 0x83, 100, 0);   /* a type but no sectors */
	entry(2, 0, 0, 100, 100);    /* sectors but no type */
	CHECK(mbr_parse(sector, 1000, part, NULL) == 0);
	CHECK(nr_complaints == 0);
}

int main(void)
{
	RUN(no_signature_means_no_table);
	RUN(good_entries_are_read_in_place);
	RUN(entries_past_the_end_are_refused);
	RUN(entry_over_the_mbr_or_with_a_bad_flag_is_refused);
	RUN(empty_entries_are_silent);
	return unit_summary();
}
