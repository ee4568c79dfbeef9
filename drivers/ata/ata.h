/*
 * ata: the driver for the disks on the primary IDE channel (ports
 * 0x1f0-0x1f7 and 0x3f6, IRQ 14), as QEMU and Bochs emulate it. PIO
 * transfers, LBA28 or LBA48, with READ/WRITE MULTIPLE where the drive has
 * it: one interrupt per block of up to 16 sectors instead of one per sector.
 *
 * Minor devices: drive * ATA_MINORS_PER_DRIVE + n, where n = 0 is the whole
 * disk and n = 1..4 are the primary partitions of its MBR.
 */
#pragma once

#include <libsys.h>
#include "partition.h"

#define ATA_DRIVES 2                /* master and slave */
#define ATA_MINORS_PER_DRIVE (1 + MBR_PARTITIONS)
#define ATA_IRQ 14

struct drive {
	bool present;
	bool lba48;                 /* the drive takes 48-bit addresses */
	uint32_t multiple;          /* sectors per interrupt (1: no READ MULTIPLE) */
	uint64_t sectors;           /* its size */
	char model[41];
	struct partition part[ATA_MINORS_PER_DRIVE];  /* [0]: the whole disk */
};

extern struct drive drives[ATA_DRIVES];

/* controller.c: the registers. */
enum ata_op { ATA_READ, ATA_WRITE, ATA_FLUSH };

int controller_identify(int drive, struct drive *d);   /* polled, at start-up */
int controller_read_polled(int drive, uint64_t lba, void *sector);
/* Starts op on count (1..256) sectors at lba; a write also sends the first
 * block (drive's multiple sectors) from data. Completion comes as interrupts. */
int controller_start(int drive, enum ata_op op, uint64_t lba, uint32_t count, const void *data);
/* After an interrupt: the status, which also acknowledges it. */
uint8_t controller_status(void);
uint8_t controller_error(void);
bool controller_wait_drq(void);
void controller_read_sectors(void *data, uint32_t count);
void controller_write_sectors(const void *data, uint32_t count);
void controller_reset(void);
void controller_select(int drive);

#define ATA_SR_ERR  0x01
#define ATA_SR_DRQ  0x08
#define ATA_SR_DF   0x20
#define ATA_SR_DRDY 0x40
#define ATA_SR_BSY  0x80

/* request.c: the block-device protocol. */
int do_open(message *m);
int do_transfer(message *m);
int do_size(message *m);
int do_flush(message *m);
void request_interrupt(void);
void request_clock(void);
