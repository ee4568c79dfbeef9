/*
 * ata: the IDE/ATA disk driver (see ata.h). At start-up it identifies the
 * drives on the primary channel and reads their partition tables; a
 * restarted instance does the same, as it keeps no other state: the
 * requests that were in flight are re-sent by the block-device clients.
 */
#include <service.h>
#include "ata.h"

struct drive drives[ATA_DRIVES];

static const request_handler handlers[] = {
	[BDEV_OPEN - BDEV_BASE] = do_open,
	[BDEV_CLOSE - BDEV_BASE] = do_open,
	[BDEV_READ - BDEV_BASE] = do_transfer,
	[BDEV_WRITE - BDEV_BASE] = do_transfer,
	[BDEV_SIZE - BDEV_BASE] = do_size,
	[BDEV_FLUSH - BDEV_BASE] = do_flush,
};

static int complaint_drive;

static void complain(int index, const char *why)
{
	service_log("disk %d: partition %d %s: ignored", complaint_drive, index + 1, why);
}

static void probe(int drive)
{
	struct drive *d = &drives[drive];
	int r = controller_identify(drive, d);
	if (r < 0) {
		if (r != -ENXIO)
			service_log("disk %d does not answer IDENTIFY (error %d, status %#x)", drive, r,
				    controller_status());
		return;
	}
	d->part[0] = (struct partition){ .start = 0, .count = d->sectors };
	service_log("disk %d: %s, %llu sectors (%llu MiB)%s, %u sectors per interrupt", drive, d->model,
		    (unsigned long long)d->sectors, (unsigned long long)(d->sectors >> 11),
		    d->lba48 ? ", LBA48" : "", (unsigned)d->multiple);
	static uint8_t mbr[MBR_SECTOR];
	if (controller_read_polled(drive, 0, mbr) < 0) {
		service_log("disk %d: the partition table cannot be read", drive);
		return;
	}
	complaint_drive = drive;
	if (mbr_parse(mbr, d->sectors, d->part + 1, complain) < 0)
		return;                      /* no MBR: only the whole disk */
	for (int i = 1; i < ATA_MINORS_PER_DRIVE; i++)
		if (d->part[i].count)
			service_log("disk %d: partition %d: type %#x, %llu sectors at %llu", drive, i,
				    d->part[i].type, (unsigned long long)d->part[i].count,
				    (unsigned long long)d->part[i].start);
}

static int ata_init(bool restarted)
{
	/* A predecessor may have died in the middle of a command: start from a
	 * reset channel, or IDENTIFY may find the drive busy with the old one. */
	controller_reset();
	for (int drive = 0; drive < ATA_DRIVES; drive++)
		probe(drive);
	/* Leave a present drive selected: the emulated controller ignores
	 * register writes while the selected drive is busy, and an absent one
	 * reads as idle, so a successor's reset could not be waited for. */
	controller_select(drives[0].present || !drives[1].present ? 0 : 1);
	if (!drives[0].present && !drives[1].present)
		service_log("no disks on the primary IDE channel");
	return sys_irqctl(IRQCTL_SUBSCRIBE, ATA_IRQ);
}

static void ata_notify(const message *m)
{
	if (m->source == HARDWARE && (m->notify.irqs & (1u << ATA_IRQ))) {
		request_interrupt();
		sys_irqctl(IRQCTL_ENABLE, ATA_IRQ);
	} else if (m->source == CLOCK) {
		request_clock();
	}
}

static const struct service ata_service = {
	.label = "ata",
	.base = BDEV_BASE,
	.handlers = handlers,
	.nr_handlers = sizeof(handlers) / sizeof(handlers[0]),
	.init = ata_init,
	.notify = ata_notify,
};

int main(int argc, char **argv)
{
	service_run(&ata_service, argc, argv);
}
