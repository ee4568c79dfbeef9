/*
 * The primary IDE channel's registers. Polling is only used where the
 * hardware gives no interrupt (IDENTIFY at start-up, the first sector of a
 * write), and every poll is bounded by time: a drive that never answers
 * makes the request fail, it never makes the driver spin forever.
 */
#include <string.h>
#include <samsara/portio.h>
#include "ata.h"

#define REG_DATA     0x1f0
#define REG_ERROR    0x1f1
#define REG_COUNT    0x1f2
#define REG_LBA0     0x1f3
#define REG_LBA1     0x1f4
#define REG_LBA2     0x1f5
#define REG_DRIVE    0x1f6
#define REG_STATUS   0x1f7     /* reading it acknowledges the interrupt */
#define REG_COMMAND  0x1f7
#define REG_CONTROL  0x3f6     /* writing: nIEN, SRST; reading: alternate status */

#define CTL_SRST 0x04

#define CMD_READ        0x20
#define CMD_READ_EXT    0x24
#define CMD_WRITE       0x30
#define CMD_WRITE_EXT   0x34
#define CMD_FLUSH       0xe7
#define CMD_FLUSH_EXT   0xea
#define CMD_READ_MULTIPLE      0xc4
#define CMD_WRITE_MULTIPLE     0xc5
#define CMD_READ_MULTIPLE_EXT  0x29
#define CMD_WRITE_MULTIPLE_EXT 0x39
#define CMD_SET_MULTIPLE       0xc6
#define CMD_IDENTIFY    0xec

#define POLL_TICKS_MS 1000     /* longest any poll may take */
#define RESET_MS 100
#define LBA28_LIMIT (1u << 28)

/* The 400 ns a drive needs after being selected: four alternate-status reads. */
static void settle(void)
{
	for (int i = 0; i < 4; i++)
		(void)in8(REG_CONTROL);
}

/* Polls until (status & mask) == want, or an error shows; false after ms. */
static bool poll_status_for(uint32_t ms, uint8_t mask, uint8_t want, uint8_t *status)
{
	static uint32_t hz;
	if (!hz)
		hz = (uint32_t)sys_info(KINFO_HZ, 0, NULL);
	uint32_t start = (uint32_t)sys_uptime();
	uint32_t limit = ms * hz / 1000 + 1;
	for (uint32_t spins = 0;; spins++) {
		uint8_t s = in8(REG_STATUS);
		if ((s & mask) == want || (!(s & ATA_SR_BSY) && (s & (ATA_SR_ERR | ATA_SR_DF)))) {
			*status = s;
			return (s & mask) == want;
		}
		if (spins % 256 == 255 && (uint32_t)sys_uptime() - start > limit) {
			*status = s;
			return false;
		}
	}
}

static bool poll_status(uint8_t mask, uint8_t want, uint8_t *status)
{
	return poll_status_for(POLL_TICKS_MS, mask, want, status);
}

uint8_t controller_status(void) { return in8(REG_STATUS); }
uint8_t controller_error(void) { return in8(REG_ERROR); }

bool controller_wait_drq(void)
{
	uint8_t status;
	return poll_status(ATA_SR_BSY | ATA_SR_DRQ, ATA_SR_DRQ, &status);
}

void controller_read_sectors(void *data, uint32_t count) { in16_string(REG_DATA, data, 256 * count); }
void controller_write_sectors(const void *data, uint32_t count) { out16_string(REG_DATA, data, 256 * count); }

void controller_select(int drive)
{
	out8(REG_DRIVE, (uint8_t)(0xa0 | drive << 4));
	settle();
}

/*
 * A software reset of the channel. QEMU completes it a little later, and an
 * absent drive reads as idle meanwhile: so the master is selected first and
 * the reset counts as done when it reads ready (for up to RESET_MS; without
 * a master that time passes, once, at start-up).
 */
void controller_reset(void)
{
	controller_select(0);
	out8(REG_CONTROL, CTL_SRST);
	settle();
	out8(REG_CONTROL, 0);
	settle();
	uint8_t status;
	poll_status_for(RESET_MS, ATA_SR_BSY | ATA_SR_DRDY, ATA_SR_DRDY, &status);
}

/* Loads the task-file registers for count sectors at lba on drive. */
static void address(int drive, uint64_t lba, uint32_t count, bool lba48)
{
	if (lba48) {
		out8(REG_DRIVE, (uint8_t)(0x40 | drive << 4));
		settle();
		out8(REG_COUNT, (uint8_t)(count >> 8));
		out8(REG_LBA0, (uint8_t)(lba >> 24));
		out8(REG_LBA1, (uint8_t)(lba >> 32));
		out8(REG_LBA2, (uint8_t)(lba >> 40));
	} else {
		out8(REG_DRIVE, (uint8_t)(0xe0 | drive << 4 | (lba >> 24 & 0x0f)));
		settle();
	}
	out8(REG_COUNT, (uint8_t)count);   /* 256 is written as 0 */
	out8(REG_LBA0, (uint8_t)lba);
	out8(REG_LBA1, (uint8_t)(lba >> 8));
	out8(REG_LBA2, (uint8_t)(lba >> 16));
}

int controller_start(int drive, enum ata_op op, uint64_t lba, uint32_t count, const void *data)
{
	bool lba48 = lba + count > LBA28_LIMIT;
	if (lba48 && !drives[drive].lba48)
		return -EINVAL;
	uint8_t status;
	if (!poll_status(ATA_SR_BSY, 0, &status))
		return -EIO;
	if (op == ATA_FLUSH) {
		out8(REG_DRIVE, (uint8_t)(0xe0 | drive << 4));
		settle();
		out8(REG_COMMAND, drives[drive].lba48 ? CMD_FLUSH_EXT : CMD_FLUSH);
		return 0;
	}
	address(drive, lba, count, lba48);
	bool multiple = drives[drive].multiple > 1;
	if (op == ATA_READ) {
		out8(REG_COMMAND, multiple ? (lba48 ? CMD_READ_MULTIPLE_EXT : CMD_READ_MULTIPLE)
					   : (lba48 ? CMD_READ_EXT : CMD_READ));
		return 0;
	}
	out8(REG_COMMAND, multiple ? (lba48 ? CMD_WRITE_MULTIPLE_EXT : CMD_WRITE_MULTIPLE)
				   : (lba48 ? CMD_WRITE_EXT : CMD_WRITE));
	if (!controller_wait_drq())
		return -EIO;
	controller_write_sectors(data, count < drives[drive].multiple ? count : drives[drive].multiple);
	return 0;
}

/* SET MULTIPLE MODE: count sectors per interrupt from now on. */
static bool set_multiple(int drive, uint32_t count)
{
	uint8_t status;
	out8(REG_DRIVE, (uint8_t)(0xa0 | drive << 4));
	settle();
	out8(REG_COUNT, (uint8_t)count);
	out8(REG_COMMAND, CMD_SET_MULTIPLE);
	settle();
	return poll_status(ATA_SR_BSY, 0, &status) && !(status & ATA_SR_ERR);
}

/* An ATA string: words of two bytes each, high byte first, space padded. */
static void identify_string(char *out, const uint16_t *words, int nr_words)
{
	for (int i = 0; i < nr_words; i++) {
		out[2 * i] = (char)(words[i] >> 8);
		out[2 * i + 1] = (char)words[i];
	}
	int n = 2 * nr_words;
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

int controller_identify(int drive, struct drive *d)
{
	memset(d, 0, sizeof(*d));
	out8(REG_CONTROL, 0);                /* interrupts on */
	out8(REG_DRIVE, (uint8_t)(0xa0 | drive << 4));
	settle();
	out8(REG_COUNT, 0);
	out8(REG_LBA0, 0);
	out8(REG_LBA1, 0);
	out8(REG_LBA2, 0);
	out8(REG_COMMAND, CMD_IDENTIFY);
	uint8_t status = in8(REG_STATUS);
	if (status == 0 || status == 0xff)
		return -ENXIO;                   /* nothing there, or no channel */
	if (!poll_status(ATA_SR_BSY, 0, &status))
		return -EIO;
	if (in8(REG_LBA1) || in8(REG_LBA2))
		return -ENXIO;                   /* ATAPI (a CD drive), not a disk */
	if (!poll_status(ATA_SR_DRQ, ATA_SR_DRQ, &status))
		return -EIO;
	uint16_t id[256] = { 0 };
	in16_string(REG_DATA, id, 256);
	if (!(id[49] & (1u << 9)))
		return -ENOTSUP;                 /* no LBA: CHS-only drives are not served */
	d->lba48 = id[83] & (1u << 10);
	uint64_t lba28 = (uint64_t)id[60] | (uint64_t)id[61] << 16;
	uint64_t lba48 = (uint64_t)id[100] | (uint64_t)id[101] << 16 |
			 (uint64_t)id[102] << 32 | (uint64_t)id[103] << 48;
	d->sectors = d->lba48 && lba48 ? lba48 : lba28;
	identify_string(d->model, id + 27, 20);
	d->present = d->sectors != 0;
	if (!d->present)
		return -ENXIO;
	d->multiple = 1;
	uint32_t most = id[47] & 0xff;      /* sectors per block READ MULTIPLE can do */
	if (most > 1 && set_multiple(drive, most))
		d->multiple = most;
	return 0;
}

int controller_read_polled(int drive, uint64_t lba, void *sector)
{
	int r = controller_start(drive, ATA_READ, lba, 1, NULL);
	if (r < 0)
		return r;
	if (!controller_wait_drq())
		return -EIO;
	controller_read_sectors(sector, 1);
	(void)in8(REG_STATUS);
	return 0;
}
