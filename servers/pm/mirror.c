/*
 * The mirror of PM's process table, so that a restarted PM knows every
 * process. It lives in pages the kernel keeps for PM's label (KC_KEEP):
 * they outlive PM, and the next PM gets them back together with the
 * processes the old one managed (their exits and faults reported while no
 * PM ran wait for it). Every record that a request, report or notification
 * changes is marked, and marked records are copied out, each with a
 * checksum, before any reply leaves PM: no program learns of a change (a
 * pid, a reaped child) that the next PM would not know. A record whose
 * checksum does not match (PM died while writing it, or wrote wild) is not
 * trusted; the kernel's table decides then.
 */
#include <string.h>
#include "pm.h"

#define MIRROR_MAGIC 0x504d4d31u   /* "PMM1" */
#define MIRROR_ADDR 0x70000000u    /* far from PM's image, heap and stack */

struct mirror_record {
	struct mproc proc;
	uint32_t checksum;
};

struct mirror {
	uint32_t magic;
	int next_pid;
	uint32_t clock_seconds, clock_ticks;   /* time_base() */
	struct mirror_record record[PM_PROCS];
};

_Static_assert(sizeof(struct mirror) <= KEEP_PAGES_MAX * 4096, "the mirror fits in the kept memory");

static struct mirror *mirror;   /* NULL: the kernel kept nothing for us */
static uint32_t marked[(PM_PROCS + 31) / 32];

static uint32_t checksum(const struct mproc *p, int slot)
{
	return service_checksum(p, sizeof(*p), slot);
}

bool mirror_init(void)
{
	int r = service_keep((void *)MIRROR_ADDR, sizeof(struct mirror), MIRROR_MAGIC);
	mirror = r < 0 ? NULL : (struct mirror *)MIRROR_ADDR;
	return r > 0;
}

void mirror_mark(const struct mproc *p)
{
	service_mark(marked, PM_PROCS, (size_t)(p - mproc));
}

void mirror_commit(void)
{
	if (!mirror)
		return;
	for (int slot; (slot = service_take_mark(marked, PM_PROCS)) >= 0;) {
		mirror->record[slot].proc = mproc[slot];
		mirror->record[slot].checksum = checksum(&mproc[slot], slot);
	}
	mirror->next_pid = mproc_next_pid();
	time_base(&mirror->clock_seconds, &mirror->clock_ticks);
}

int pm_reply(endpoint_t client, message *m, int status)
{
	mirror_commit();
	return service_reply(client, m, status);
}

/* Whether a record read back can be believed: its checksum and its fields. */
static bool record_valid(const struct mirror_record *r, int slot)
{
	const struct mproc *p = &r->proc;
	if (r->checksum != checksum(p, slot) || (p->state != MP_ALIVE && p->state != MP_ZOMBIE))
		return false;
	return p->pid > 0 && p->ppid >= 0 && memchr(p->name, '\0', sizeof(p->name)) &&
	       (p->state == MP_ZOMBIE) == (p->endpoint == NONE);
}

/* Whether the kernel knows p's process, managed by us (zombies whose exit
 * report is on its way included). */
static bool kernel_knows(const struct mproc *p, endpoint_t self)
{
	struct kinfo_proc row;
	return endpoint_is_process(p->endpoint) &&
	       sys_proc_info((uint32_t)endpoint_slot(p->endpoint), &row) == 0 &&
	       row.endpoint == p->endpoint && row.manager == self;
}

/* Processes of ours the mirror does not know (a fork the old PM had not
 * committed: nobody was told of the child) are ended, files first. */
static void end_unknown_processes(endpoint_t self)
{
	for (uint32_t slot = 0; slot < CONFIG_NR_PROCS; slot++) {
		struct kinfo_proc row;
		if (sys_proc_info(slot, &row) < 0 || row.endpoint == NONE || row.manager != self ||
		    mproc_by_endpoint(row.endpoint))
			continue;
		service_log("%s (endpoint %d) is in no record: ended", row.name, row.endpoint);
		pm_tell_vfs(VFS_PM_EXIT, row.endpoint, NONE);
		sys_kill(row.endpoint);
	}
}

void mirror_recover(void)
{
	endpoint_t self = sys_self();
	int alive = 0, zombies = 0, lost = 0;
	for (int slot = 0; slot < PM_PROCS; slot++) {
		const struct mirror_record *r = &mirror->record[slot];
		if (r->proc.state == MP_FREE)
			continue;
		if (!record_valid(r, slot)) {
			lost++;
			continue;
		}
		struct mproc *p = &mproc[slot];
		*p = r->proc;
		p->waiting = false;   /* whoever waited in PM got EDEADSRCDST and asks again */
		p->wake_tick = 0;
		if (p->state == MP_ALIVE && !kernel_knows(p, self)) {
			p->state = MP_ZOMBIE;   /* gone with no report: its status is lost */
			p->endpoint = NONE;
			p->wait_status = W_EXITCODE(0, SIGKILL);
		}
		alive += p->state == MP_ALIVE;
		zombies += p->state == MP_ZOMBIE;
	}
	mproc_set_next_pid(mirror->next_pid);
	time_set_base(mirror->clock_seconds, mirror->clock_ticks);
	end_unknown_processes(self);
	for (int slot = 0; slot < PM_PROCS; slot++)
		mirror_mark(&mproc[slot]);
	mirror_commit();
	service_log("recovered %d processes and %d zombies from the mirror%s", alive, zombies,
		    lost ? " (some records were damaged and dropped)" : "");
}
