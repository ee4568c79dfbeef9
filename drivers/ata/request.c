/*
 * The block-device protocol (<samsara/bdev.h>) over the controller. The
 * controller does one command at a time, so requests wait in a queue; each
 * one is answered later, when its last interrupt has come (handlers return
 * -EDONTREPLY). A command that fails or does not finish in time is retried
 * after a controller reset, then fails with EIO and a log line.
 */
#include <string.h>
#include <service.h>
#include "ata.h"

#define QUEUE_SIZE 64              /* one per process is plenty */
#define TIMEOUT_MS 3000
#define RETRIES 2

struct job {
	message m;                 /* the request; its reply is built in place */
	int drive;
	enum ata_op op;
	uint64_t lba;              /* absolute */
	uint32_t count;            /* sectors */
	uint32_t done;             /* sectors transferred so far */
	int tries;
};

static struct job queue[QUEUE_SIZE];
static unsigned queue_head, queue_len;
static bool busy;                  /* queue[queue_head] is on the controller */
static uint32_t deadline;          /* uptime in ticks when it has timed out */
static uint8_t buffer[BDEV_MAX_TRANSFER];

static const char *const op_names[] = { "read", "write", "flush" };

/* The drive and partition of a minor, or NULL. */
static const struct partition *partition_of(uint32_t minor, int *drive)
{
	if (minor >= ATA_DRIVES * ATA_MINORS_PER_DRIVE)
		return NULL;
	*drive = (int)(minor / ATA_MINORS_PER_DRIVE);
	const struct partition *p = &drives[*drive].part[minor % ATA_MINORS_PER_DRIVE];
	return drives[*drive].present && p->count ? p : NULL;
}

int do_open(message *m)
{
	int drive;
	return partition_of(m->bdev.minor, &drive) ? 0 : -ENXIO;
}

int do_size(message *m)
{
	int drive;
	const struct partition *p = partition_of(m->bdev.minor, &drive);
	if (!p)
		return -ENXIO;
	m->bdev.position = p->count * BDEV_SECTOR;
	return 0;
}

static void finish(struct job *j, int status)
{
	if (status > 0 && j->op == ATA_READ) {
		int r = sys_safecopy_to(j->m.source, j->m.bdev.grant, 0, buffer, j->m.bdev.len);
		if (r < 0)
			status = r;
	}
	service_reply(j->m.source, &j->m, status);
	busy = false;
	queue_head = (queue_head + 1) % QUEUE_SIZE;
	queue_len--;
}

static void start_next(void);

/* Starts (or restarts) the job at the head of the queue on the controller. */
static void start(struct job *j)
{
	j->done = 0;
	int r = controller_start(j->drive, j->op, j->lba, j->count, buffer);
	if (r < 0) {
		service_log("%s of %u sectors at %llu on disk %d could not start (status %#x)",
			    op_names[j->op], (unsigned)j->count, (unsigned long long)j->lba,
			    j->drive, controller_status());
		controller_reset();
		finish(j, -EIO);
		start_next();
		return;
	}
	busy = true;
	uint32_t hz = (uint32_t)sys_info(KINFO_HZ, 0, NULL);
	uint32_t ticks = TIMEOUT_MS * hz / 1000;
	deadline = (uint32_t)sys_uptime() + ticks;
	sys_alarm(ticks);
}

static void start_next(void)
{
	while (!busy && queue_len) {
		struct job *j = &queue[queue_head];
		if (j->op == ATA_WRITE) {
			int r = sys_safecopy_from(j->m.source, j->m.bdev.grant, 0, buffer, j->m.bdev.len);
			if (r < 0) {
				finish(j, r);
				continue;
			}
		}
		start(j);
	}
}

/* The job failed on the controller: reset, and retry or give up with EIO. */
static void failed(struct job *j, const char *what)
{
	service_log("%s of %u sectors at %llu on disk %d %s (status %#x, error %#x)%s",
		    op_names[j->op], (unsigned)j->count, (unsigned long long)j->lba, j->drive,
		    what, controller_status(), controller_error(),
		    j->tries < RETRIES ? ", retrying" : "");
	controller_reset();
	busy = false;
	if (j->tries++ < RETRIES) {
		start(j);
		return;
	}
	finish(j, -EIO);
	start_next();
}

static int enqueue(message *m, int drive, enum ata_op op, uint64_t lba, uint32_t count)
{
	if (queue_len == QUEUE_SIZE)
		return -EAGAIN;
	struct job *j = &queue[(queue_head + queue_len++) % QUEUE_SIZE];
	*j = (struct job){ .m = *m, .drive = drive, .op = op, .lba = lba, .count = count };
	start_next();
	return -EDONTREPLY;
}

int do_transfer(message *m)
{
	int drive;
	const struct partition *p = partition_of(m->bdev.minor, &drive);
	if (!p)
		return -ENXIO;
	uint64_t pos = m->bdev.position;
	uint32_t len = m->bdev.len;
	if (pos % BDEV_SECTOR || len % BDEV_SECTOR || len > BDEV_MAX_TRANSFER)
		return -EINVAL;
	uint64_t first = pos / BDEV_SECTOR, count = len / BDEV_SECTOR;
	if (first > p->count || count > p->count - first)
		return -EINVAL;  /* nothing beyond the end */
	if (count == 0)
		return 0;
	enum ata_op op = m->type == BDEV_READ ? ATA_READ : ATA_WRITE;
	return enqueue(m, drive, op, p->start + first, (uint32_t)count);
}

int do_flush(message *m)
{
	int drive;
	if (!partition_of(m->bdev.minor, &drive))
		return -ENXIO;
	return enqueue(m, drive, ATA_FLUSH, 0, 0);
}

void request_interrupt(void)
{
	uint8_t status = controller_status();   /* acknowledges the interrupt */
	if (!busy || (status & ATA_SR_BSY))
		return;                          /* not ours, or not yet */
	struct job *j = &queue[queue_head];
	if (status & (ATA_SR_ERR | ATA_SR_DF)) {
		failed(j, "failed");
		return;
	}
	uint32_t block = drives[j->drive].multiple;   /* sectors per interrupt */
	if (j->op == ATA_FLUSH) {
		finish(j, 0);
	} else if (j->op == ATA_READ) {
		if (!(status & ATA_SR_DRQ)) {
			failed(j, "gave no data");
			return;
		}
		uint32_t n = j->count - j->done < block ? j->count - j->done : block;
		controller_read_sectors(buffer + j->done * BDEV_SECTOR, n);
		j->done += n;
		if (j->done == j->count)
			finish(j, (int)j->m.bdev.len);
	} else {
		/* the interrupt says the block sent last is written */
		j->done += j->count - j->done < block ? j->count - j->done : block;
		if (j->done == j->count) {
			finish(j, (int)j->m.bdev.len);
		} else if (!(status & ATA_SR_DRQ)) {
			failed(j, "took no more data");
			return;
		} else {
			uint32_t n = j->count - j->done < block ? j->count - j->done : block;
			controller_write_sectors(buffer + j->done * BDEV_SECTOR, n);
		}
	}
	start_next();
}

void request_clock(void)
{
	if (!busy)
		return;
	int32_t left = (int32_t)(deadline - (uint32_t)sys_uptime());
	if (left > 0) {
		sys_alarm((uint32_t)left);       /* an earlier alarm: wait on */
		return;
	}
	failed(&queue[queue_head], "timed out");
}
