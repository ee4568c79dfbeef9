/*
 * The mirror of VFS's descriptor tables, so that a restarted VFS gives every
 * process its open files back. It lives in pages the kernel keeps for VFS's
 * label (KC_KEEP), as PM's table does: per process its descriptors, working
 * directory, mask and IDs; per open file its node, flags and offset; per
 * node what names it again (an inode of a mounted file system, or a
 * device); and the mount table, so that files on every mount come back.
 * A process's record is written, with a checksum, after each request that
 * looked it up and before any reply leaves VFS.
 *
 * What is not mirrored, and why: pipes (their buffered data lives in the
 * dead VFS's memory: a pipe brought back empty would hand its reader a
 * silent end of file), so descriptors on pipes come back closed (EBADF);
 * directories being listed; suspended requests, which their callers send
 * again (libc) when they see EDEADSRCDST; SIGPIPEs not yet taken by PM.
 */
#include <string.h>
#include "vfs.h"

#define MIRROR_MAGIC 0x56464d31u   /* "VFM1" */
#define MIRROR_ADDR 0x70000000u
#define NO_INDEX 0xffffu

struct mirror_vnode {
	uint8_t kind;                /* enum vnode_kind */
	bool unlinked;
	uint8_t mount;               /* VN_FS: its index in the mount table */
	uint32_t ino, minor;
	char driver[LABEL_MAX];
};

struct mirror_filp {
	uint16_t vnode;              /* index in the mirror's vnode[] */
	uint32_t flags;
	int64_t offset;
};

struct mirror_fproc {
	bool used;
	endpoint_t endpoint;
	uint32_t cloexec, umask, uid, gid;
	uint16_t fd[OPEN_MAX];       /* index in the mirror's filp[], or NO_INDEX */
	char cwd[PATH_MAX];
	uint32_t checksum;           /* of everything above */
};

/* A mount of mount(2) (index 1 on; the root is mounted afresh at start). */
struct mirror_mount {
	bool used, read_only;
	char driver[LABEL_MAX];
	uint32_t minor;
	char dir[PATH_MAX];
};

struct mirror {
	uint32_t magic;
	struct mirror_mount mount[VFS_MOUNTS];
	uint32_t mounts_checksum;    /* of mount[] */
	struct mirror_fproc proc[VFS_PROCS];
	struct mirror_filp filp[NR_FILPS];
	struct mirror_vnode vnode[NR_VNODES];
};

_Static_assert(sizeof(struct mirror) <= KEEP_PAGES_MAX * 4096, "the mirror fits in the kept memory");

static struct mirror *mirror;   /* NULL: the kernel kept nothing for us */
static bool mounts_changed;
static uint32_t marked[(VFS_PROCS + 31) / 32];

static uint32_t checksum(const struct mirror_fproc *r, int slot)
{
	return service_checksum(r, offsetof(struct mirror_fproc, checksum), slot);
}

bool mirror_init(void)
{
	int r = service_keep((void *)MIRROR_ADDR, sizeof(struct mirror), MIRROR_MAGIC);
	mirror = r < 0 ? NULL : (struct mirror *)MIRROR_ADDR;
	mounts_changed = true;   /* the first commit writes the table (recovery reads it first) */
	return r > 0;
}

void mirror_mark(const struct fproc *p)
{
	service_mark(marked, VFS_PROCS, (size_t)(p - fproc));
}

/* Writes open file f (and its node) at their indices; returns f's index. */
static uint16_t write_filp(const struct filp *f)
{
	int fi = filp_index(f), vi = vnode_index(f->vnode);
	const struct vnode *v = f->vnode;
	struct mirror_vnode *mv = &mirror->vnode[vi];
	const struct mirror_filp *mf = &mirror->filp[fi];
	if (mf->vnode == vi && mf->flags == f->flags && mf->offset == f->offset && mv->kind == v->kind &&
	    mv->ino == v->ino && mv->mount == v->mount && mv->minor == v->minor && mv->unlinked == v->unlinked &&
	    (v->kind != VN_CHR || strncmp(mv->driver, v->driver, sizeof(mv->driver)) == 0))
		return (uint16_t)fi;   /* as mirrored already: most requests change no open file */
	mv->kind = (uint8_t)v->kind;
	mv->unlinked = v->unlinked;
	mv->mount = (uint8_t)v->mount;
	mv->ino = v->ino;
	mv->minor = v->minor;
	memcpy(mv->driver, v->driver, sizeof(mv->driver));
	mirror->filp[fi] = (struct mirror_filp){ .vnode = (uint16_t)vi, .flags = f->flags, .offset = f->offset };
	return (uint16_t)fi;
}

/* Whether slot's mirrored record still says what p says (cheap: no copy, no sum). */
static bool record_current(const struct mirror_fproc *k, const struct fproc *p)
{
	if (k->used != p->used)
		return false;
	if (!p->used)
		return true;
	if (k->endpoint != p->endpoint || k->cloexec != p->cloexec || k->umask != p->umask ||
	    k->uid != p->uid || k->gid != p->gid)
		return false;
	for (int fd = 0; fd < OPEN_MAX; fd++) {
		uint16_t index = p->fd[fd] ? (uint16_t)filp_index(p->fd[fd]) : NO_INDEX;
		if (k->fd[fd] != index)
			return false;
	}
	return strcmp(k->cwd, p->cwd) == 0;
}

/* Writes process slot's open files (their offsets move with every read and
 * write) and, if it changed, which most requests do not do, its record. A
 * damaged record differs too; its checksum is checked at recovery. */
static void write_fproc(int slot)
{
	const struct fproc *p = &fproc[slot];
	struct mirror_fproc *r = &mirror->proc[slot];
	if (p->used)
		for (int fd = 0; fd < OPEN_MAX; fd++)
			if (p->fd[fd])
				write_filp(p->fd[fd]);
	if (record_current(r, p))
		return;
	memset(r, 0, sizeof(*r));
	r->used = p->used;
	if (p->used) {
		r->endpoint = p->endpoint;
		r->cloexec = p->cloexec;
		r->umask = p->umask;
		r->uid = p->uid;
		r->gid = p->gid;
		memcpy(r->cwd, p->cwd, sizeof(r->cwd));
		for (int fd = 0; fd < OPEN_MAX; fd++)
			r->fd[fd] = p->fd[fd] ? (uint16_t)filp_index(p->fd[fd]) : NO_INDEX;
	}
	r->checksum = checksum(r, slot);
}

void mirror_mounts_changed(void)
{
	mounts_changed = true;
}

static void write_mounts(void)
{
	memset(mirror->mount, 0, sizeof(mirror->mount));
	for (int i = 1; i < VFS_MOUNTS; i++) {
		struct mirror_mount *mm = &mirror->mount[i];
		mm->used = mounts[i].used;
		if (!mm->used)
			continue;
		mm->read_only = mounts[i].read_only;
		memcpy(mm->driver, mounts[i].driver, sizeof(mm->driver));
		mm->minor = mounts[i].minor;
		memcpy(mm->dir, mounts[i].dir, sizeof(mm->dir));
	}
	mirror->mounts_checksum = service_checksum(mirror->mount, sizeof(mirror->mount), VFS_PROCS);
	mounts_changed = false;
}

void mirror_commit(void)
{
	if (!mirror)
		return;
	if (mounts_changed)
		write_mounts();
	for (int slot; (slot = service_take_mark(marked, VFS_PROCS)) >= 0;)
		write_fproc(slot);
}

/* The new instances of the old open files and nodes, by their mirror index. */
static struct filp *restored_filp[NR_FILPS];
static struct vnode *restored_vnode[NR_VNODES];

/* The node of mirror index i, held once more; NULL if it cannot come back. */
static struct vnode *restore_vnode(uint16_t i)
{
	if (i >= NR_VNODES)
		return NULL;
	if (restored_vnode[i]) {
		restored_vnode[i]->refs++;
		return restored_vnode[i];
	}
	const struct mirror_vnode *mv = &mirror->vnode[i];
	if (mv->kind != VN_FS && mv->kind != VN_CHR)
		return NULL;   /* pipes, directories of VFS's own: see above */
	if (mv->kind == VN_FS && (mv->mount >= VFS_MOUNTS || !mounts[mv->mount].used))
		return NULL;   /* its file system could not be mounted again */
	struct vnode *v = vnode_new((enum vnode_kind)mv->kind);
	if (!v)
		return NULL;
	struct stat st;
	if (mv->kind == VN_FS) {
		v->mount = mv->mount;
		v->ino = mv->ino;
		v->unlinked = mv->unlinked;
		if (fs_stat(v, &st) < 0) {
			v->kind = VN_FREE;   /* gone from the disk: never held by anyone */
			return NULL;
		}
		v->mode = st.st_mode;
		v->uid = st.st_uid;
		v->gid = st.st_gid;
	} else {
		v->mode = S_IFCHR | 0666;
		v->minor = mv->minor;
		memcpy(v->driver, mv->driver, sizeof(v->driver));
		v->driver[LABEL_MAX - 1] = '\0';
	}
	restored_vnode[i] = v;
	return v;
}

/* The open file of mirror index i, held once more; NULL if it cannot come back. */
static struct filp *restore_filp(uint16_t i)
{
	if (i >= NR_FILPS)
		return NULL;
	if (restored_filp[i]) {
		filp_hold(restored_filp[i]);
		return restored_filp[i];
	}
	const struct mirror_filp *mf = &mirror->filp[i];
	struct vnode *v = restore_vnode(mf->vnode);
	if (!v)
		return NULL;
	struct filp *f = filp_new(v, mf->flags);
	if (!f) {
		vnode_release(v);
		return NULL;
	}
	f->offset = mf->offset;
	restored_filp[i] = f;
	return f;
}

/* Whether ep is a live program of PM's (not a service) the kernel knows. */
static bool program_alive(endpoint_t ep)
{
	struct kinfo_proc row;
	return endpoint_is_process(ep) && sys_proc_info((uint32_t)endpoint_slot(ep), &row) == 0 &&
	       row.endpoint == ep && row.manager == vfs_pm_endpoint();
}

static bool restore_fproc(int slot, int *closed)
{
	const struct mirror_fproc *r = &mirror->proc[slot];
	if (!r->used || r->checksum != checksum(r, slot) || !program_alive(r->endpoint) ||
	    fproc_of(r->endpoint) || !memchr(r->cwd, '\0', sizeof(r->cwd)))
		return false;
	struct fproc *p = fproc_new(r->endpoint);
	if (!p)
		return false;
	p->cloexec = r->cloexec;
	p->umask = r->umask & 0777;
	p->uid = r->uid;
	p->gid = r->gid;
	memcpy(p->cwd, r->cwd, sizeof(p->cwd));
	for (int fd = 0; fd < OPEN_MAX; fd++) {
		if (r->fd[fd] == NO_INDEX)
			continue;
		p->fd[fd] = restore_filp(r->fd[fd]);
		if (!p->fd[fd]) {
			p->cloexec &= ~(1u << fd);
			(*closed)++;
		}
	}
	return true;
}

/* Mounts again what the old VFS had mounted, outer mounts first (shorter paths). */
static void restore_mounts(void)
{
	if (mirror->mounts_checksum != service_checksum(mirror->mount, sizeof(mirror->mount), VFS_PROCS)) {
		service_log("the mirrored mount table is damaged: only the root is mounted");
		return;
	}
	for (size_t len = 1; len < PATH_MAX; len++) {
		for (uint32_t i = 1; i < VFS_MOUNTS; i++) {
			struct mirror_mount *mm = &mirror->mount[i];
			if (!mm->used || !memchr(mm->dir, '\0', sizeof(mm->dir)) || strlen(mm->dir) != len)
				continue;
			mm->driver[LABEL_MAX - 1] = '\0';
			int r = mount_restore(i, mm->driver, mm->minor, mm->read_only, mm->dir);
			service_log("%s %s minor %u on %s again%s", r < 0 ? "could not mount" : "mounted", mm->driver,
				    mm->minor, mm->dir, r < 0 ? "" : " from the mirror");
		}
	}
	mounts_changed = true;
}

void mirror_recover(void)
{
	int procs = 0, closed = 0;
	restore_mounts();
	for (int slot = 0; slot < VFS_PROCS; slot++)
		procs += restore_fproc(slot, &closed);
	memset(mirror->proc, 0, sizeof(mirror->proc));
	for (int slot = 0; slot < VFS_PROCS; slot++)
		mirror_mark(&fproc[slot]);
	mirror_commit();
	service_log("gave %d processes their open files back from the mirror (%d descriptors on pipes or vanished files closed)",
		    procs, closed);
}
