/* Open files and nodes: reference counts, the device directory's nodes, stat. */
#include <string.h>
#include "vfs.h"

static struct filp filps[NR_FILPS];
static struct vnode vnodes[NR_VNODES];
static char bounce_pool[32][BOUNCE_SIZE];
static bool bounce_used[32];

struct filp *filp_new(struct vnode *v, uint32_t flags)
{
	for (int i = 0; i < NR_FILPS; i++) {
		if (filps[i].refs)
			continue;
		filps[i] = (struct filp){ .refs = 1, .vnode = v, .flags = flags };
		if (v->kind == VN_PIPE) {
			v->readers += (flags & O_ACCMODE) != O_WRONLY;
			v->writers += (flags & O_ACCMODE) != O_RDONLY;
		}
		return &filps[i];
	}
	return NULL;
}

int filp_index(const struct filp *f)
{
	return (int)(f - filps);
}

int vnode_index(const struct vnode *v)
{
	return (int)(v - vnodes);
}

void filp_hold(struct filp *f)
{
	f->refs++;
}

void filp_release(struct filp *f)
{
	if (--f->refs > 0)
		return;
	struct vnode *v = f->vnode;
	if (v->kind == VN_PIPE) {
		v->readers -= (f->flags & O_ACCMODE) != O_WRONLY;
		v->writers -= (f->flags & O_ACCMODE) != O_RDONLY;
		pipe_wake(v);  /* a reader may now see end of file, a writer EPIPE */
	}
	vnode_release(v);
}

struct vnode *vnode_new(enum vnode_kind kind)
{
	for (int i = 0; i < NR_VNODES; i++) {
		if (vnodes[i].kind != VN_FREE)
			continue;
		memset(&vnodes[i], 0, sizeof(vnodes[i]));
		vnodes[i].kind = kind;
		vnodes[i].refs = 1;
		vnodes[i].ino = 0x40000000u + (uint32_t)i;  /* VFS's own nodes: no clash with the disk's */
		return &vnodes[i];
	}
	return NULL;
}

void vnode_release(struct vnode *v)
{
	if (--v->refs > 0)
		return;
	if (v->kind == VN_PIPE && v->buffer)
		bounce_put(v->buffer);
	if (v->kind == VN_FS)
		fs_release(v);
	v->kind = VN_FREE;
}

void vnode_hold(struct vnode *v)
{
	v->refs++;
}

struct vnode *vnode_find_fs(uint32_t mount, uint32_t ino)
{
	for (int i = 0; i < NR_VNODES; i++) {
		if (vnodes[i].kind == VN_FS && vnodes[i].mount == mount && vnodes[i].ino == ino)
			return &vnodes[i];
	}
	return NULL;
}

int vnode_count_on(uint32_t mount)
{
	int count = 0;
	for (int i = 0; i < NR_VNODES; i++)
		count += vnodes[i].kind == VN_FS && vnodes[i].mount == mount;
	return count;
}

void vnode_stat(const struct vnode *v, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_ino = v->ino;
	st->st_mode = v->mode;
	st->st_nlink = 1;
	st->st_blksize = BOUNCE_SIZE;
	if (v->kind == VN_CHR || v->kind == VN_BLK)
		st->st_rdev = v->rdev;
	if (v->kind == VN_PIPE)
		st->st_size = v->count;
}

char *bounce_get(void)
{
	for (int i = 0; i < 32; i++) {
		if (!bounce_used[i]) {
			bounce_used[i] = true;
			return bounce_pool[i];
		}
	}
	return NULL;
}

void bounce_put(const char *b)
{
	for (int i = 0; i < 32; i++) {
		if (bounce_pool[i] == b)
			bounce_used[i] = false;
	}
}
