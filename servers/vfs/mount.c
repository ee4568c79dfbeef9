/*
 * The mount table: the root file system (mount 0) and what root mounts on
 * its directories with mount(2). A mount covers a directory; the walk
 * (path.c) continues at the mounted root when it meets it. umount refuses
 * while anything still uses the mount; shutdown unmounts everything, the
 * innermost first, so that every medium is left clean.
 */
#include <stdio.h>
#include <string.h>
#include "vfs.h"
#include "mtab.h"

#define ROOT_ATA_MINOR 1   /* disk 0, partition 1 (drivers/ata/ata.h) */

struct vfs_mount mounts[VFS_MOUNTS];

static int index_of(const struct vfs_mount *mt)
{
	return (int)(mt - mounts);
}

/* Fills mounts[index] with the device and mounts it; a failure leaves it free. */
static int mount_device(uint32_t index, const char *driver, uint32_t minor, bool read_only,
			const char *dir, struct vnode *covered)
{
	struct vfs_mount *mt = &mounts[index];
	memset(mt, 0, sizeof(*mt));
	strlcpy(mt->driver, driver, sizeof(mt->driver));
	mt->minor = minor;
	mt->read_only = read_only;
	strlcpy(mt->dir, dir, sizeof(mt->dir));
	devfs_name(driver, minor, mt->device, sizeof(mt->device));
	int r = fs_mount(index);
	if (r < 0) {
		memset(mt, 0, sizeof(*mt));
		return r;
	}
	mt->covered = covered;
	return 0;
}

/*
 * The root file system is the first partition of the first ATA disk; without
 * a disk (or with a bad one) it is the RAM disk, the memory driver's minor 0.
 */
int mount_root(void)
{
	int r = mount_device(0, "ata", ROOT_ATA_MINOR, false, "/", NULL);
	if (r == 0) {
		service_log("root file system: disk 0, partition 1");
		return 0;
	}
	service_log("no root file system on disk 0, partition 1 (error %d): using the RAM disk", r);
	return mount_device(0, "memory", 0, false, "/", NULL);
}

struct vfs_mount *mount_covering(const struct vnode *v)
{
	for (int i = 1; i < VFS_MOUNTS; i++) {
		const struct vnode *c = mounts[i].covered;
		if (mounts[i].used && c && c->mount == v->mount && c->ino == v->ino)
			return &mounts[i];
	}
	return NULL;
}

bool mount_is_root(const struct vnode *v)
{
	return v->kind == VN_FS && v->mount < VFS_MOUNTS && mounts[v->mount].used &&
	       mounts[v->mount].root_ino == v->ino;
}

bool mount_read_only(const struct vnode *v)
{
	return v->kind == VN_FS && v->mount < VFS_MOUNTS && mounts[v->mount].read_only;
}

size_t mount_table_text(char *buf, size_t size)
{
	size_t at = 0;
	for (int i = 0; i < VFS_MOUNTS; i++) {
		const struct vfs_mount *mt = &mounts[i];
		if (mt->used)
			at = mtab_line(buf, size, at, mt->device, mt->dir, "ext2", mt->read_only);
	}
	return at < size ? at : size;
}

static int free_index(void)
{
	for (int i = 1; i < VFS_MOUNTS; i++)
		if (!mounts[i].used)
			return i;
	return -ENOSPC;
}

static struct vfs_mount *mount_of_device(const char *driver, uint32_t minor)
{
	for (int i = 0; i < VFS_MOUNTS; i++)
		if (mounts[i].used && mounts[i].minor == minor && strcmp(mounts[i].driver, driver) == 0)
			return &mounts[i];
	return NULL;
}

/* The checks of mount(2) on the device node dev and the directory dir. */
static int check_mount(const struct vnode *dev, const struct vnode *dir)
{
	if (dev->kind != VN_BLK)
		return -ENOTBLK;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (dir->kind != VN_FS || mount_is_root(dir))
		return -EBUSY;   /* VFS's own directories, or already a mount point */
	if (mount_of_device(dev->driver, dev->minor))
		return -EBUSY;
	return 0;
}

/* The device node and the directory of a mount request, held, and the directory's path. */
static int mount_operands(struct fproc *p, const message *m, struct vnode **dev, struct vnode **dir,
			  char abs[PATH_MAX])
{
	char device[PATH_MAX], dir_path[PATH_MAX];
	*dev = *dir = NULL;
	int r = path_from_grant(m, device);
	if (r == 0)
		r = path_second(m, dir_path);
	if (r == 0)
		r = path_lookup(p, device, dev);
	if (r == 0)
		r = path_lookup(p, dir_path, dir);
	if (r == 0)
		r = path_canonical(p, dir_path, abs);
	return r;
}

/* mount(device, dir, flags): root only. */
int do_mount(message *m)
{
	CALLER_OR_FAIL(m, p);
	char abs[PATH_MAX];
	struct vnode *dev, *dir;
	if (p->uid != 0)
		return -EPERM;
	if (m->vfs.flags & ~(uint32_t)VFS_MOUNT_RDONLY)
		return -EINVAL;
	int r = mount_operands(p, m, &dev, &dir, abs);
	if (r == 0 && (!dev || !dir))
		r = -ENOENT;
	if (r == 0)
		r = check_mount(dev, dir);
	int index = -1;
	if (r == 0 && dev) {
		index = free_index();
		r = index < 0 ? index : mount_device((uint32_t)index, dev->driver, dev->minor,
						     m->vfs.flags & VFS_MOUNT_RDONLY, abs, dir);
	}
	if (r == 0) {
		service_log("mounted %s on %s%s", mounts[index].device, abs, mounts[index].read_only ? " read-only" : "");
		dir = NULL;   /* the mount keeps its hold on the covered directory */
		mirror_mounts_changed();
	}
	if (dev)
		vnode_release(dev);
	if (dir)
		vnode_release(dir);
	return r;
}

/* Whether some process has its working directory on mount index. */
static bool cwd_inside(int index)
{
	for (int i = 0; i < VFS_PROCS; i++) {
		struct vnode *v;
		if (!fproc[i].used || path_lookup(&fproc[i], fproc[i].cwd, &v) < 0)
			continue;
		bool inside = v->kind == VN_FS && v->mount == (uint32_t)index;
		vnode_release(v);
		if (inside)
			return true;
	}
	return false;
}

/* Whether some other mount covers a directory of mount index. */
static bool has_mounts_below(int index)
{
	for (int i = 1; i < VFS_MOUNTS; i++)
		if (mounts[i].used && mounts[i].covered->mount == (uint32_t)index)
			return true;
	return false;
}

/* Whether anything but the mount itself uses mount index: files, directories, mounts. */
static bool mount_busy(int index)
{
	if (has_mounts_below(index))
		return true;
	if (mounts[index].root->refs > 1 || vnode_count_on(index) > 1)
		return true;
	return cwd_inside(index);
}

/* Unmounts mounts[index] at the server and lets go of its nodes. */
static int unmount(int index)
{
	struct vfs_mount *mt = &mounts[index];
	int r = fs_unmount((uint32_t)index);
	vnode_release(mt->root);
	if (mt->covered)
		vnode_release(mt->covered);
	mt->used = false;
	return r;
}

/* The mount that path names: its mounted-on directory or its device. */
static int mount_named(struct fproc *p, const message *m, int *index)
{
	struct vnode *v;
	int r = path_of_request(p, m, &v);
	if (r < 0)
		return r;
	const struct vfs_mount *mt = NULL;
	if (v->kind == VN_BLK)
		mt = mount_of_device(v->driver, v->minor);
	else if (mount_is_root(v))
		mt = &mounts[v->mount];
	vnode_release(v);
	if (!mt)
		return -EINVAL;   /* not a mount point, or a device that is not mounted */
	*index = index_of(mt);
	return 0;
}

/* umount(dir or device): root only; not the root file system, nor one in use. */
int do_umount(message *m)
{
	CALLER_OR_FAIL(m, p);
	int index = 0;
	if (p->uid != 0)
		return -EPERM;
	int r = mount_named(p, m, &index);
	if (r < 0)
		return r;
	if (index == 0 || mount_busy(index))
		return -EBUSY;
	char device[sizeof(mounts[index].device)];
	strlcpy(device, mounts[index].device, sizeof(device));
	r = unmount(index);
	service_log("unmounted %s", device);
	mirror_mounts_changed();
	return r;
}

int mount_restore(uint32_t index, const char *driver, uint32_t minor, bool read_only, const char *dir)
{
	static struct fproc root = { .used = true, .cwd = "/" };   /* uid 0: may walk anywhere */
	struct vnode *covered;
	if (index == 0 || index >= VFS_MOUNTS || mounts[index].used)
		return -EINVAL;
	int r = path_lookup(&root, dir, &covered);
	if (r < 0)
		return r;
	r = S_ISDIR(covered->mode) && !mount_covering(covered) ? 0 : -ENOTDIR;
	if (r == 0)
		r = mount_device(index, driver, minor, read_only, dir, covered);
	if (r < 0)
		vnode_release(covered);
	return r;
}

/* The system goes down: every file system is unmounted, innermost first. */
int do_pm_shutdown(message *m)
{
	int parent[VFS_MOUNTS], order[VFS_MOUNTS], status = 0;
	bool used[VFS_MOUNTS];
	for (int i = 0; i < VFS_MOUNTS; i++) {
		used[i] = mounts[i].used;
		parent[i] = used[i] && mounts[i].covered ? (int)mounts[i].covered->mount : -1;
	}
	int n = mtab_unmount_order(parent, used, VFS_MOUNTS, order);
	for (int i = 0; i < n; i++) {
		int r = unmount(order[i]);
		if (r < 0 && status == 0)
			status = r;
	}
	return status;
}

/* sync: every mounted file system writes what it holds. */
int do_sync(message *m)
{
	int status = 0;
	for (uint32_t i = 0; i < VFS_MOUNTS; i++) {
		if (!mounts[i].used)
			continue;
		message req = { 0 };
		req.fs.mount = i;
		int r = fs_simple(FS_SYNC, &req);
		if (r < 0 && status == 0)
			status = r;
	}
	return status;
}
