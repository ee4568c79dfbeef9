/*
 * VFS's own directories. /dev: the console and tty (the tty driver's minor
 * 0), null and zero (the memory driver), and the block devices that mount
 * takes: the ATA disks, whole and by partition (minor drive * 5 + n), and
 * the RAM disk. /proc/mounts (and /proc/self/mounts): the mount table.
 * Their directories list what they hold (getdents).
 */
#include <stdio.h>
#include <string.h>
#include "vfs.h"

struct device_name {
	const char *name;
	const char *driver;
	uint32_t minor;
	uint32_t type;            /* S_IFCHR or S_IFBLK */
	uint32_t major;           /* st_rdev's high byte, as Linux numbers them */
};

static const struct device_name devices[] = {
	{ "console", "tty", 0, S_IFCHR, 5 },
	{ "tty", "tty", 0, S_IFCHR, 5 },
	{ "tty0", "tty", 0, S_IFCHR, 4 },     /* the serial console */
	{ "tty1", "tty", 1, S_IFCHR, 4 },     /* the VGA screen and the keyboard */
	{ "null", "memory", 0, S_IFCHR, 1 },
	{ "zero", "memory", 1, S_IFCHR, 1 },
	{ "hd0", "ata", 0, S_IFBLK, 3 },      /* disk 0 (primary master), whole */
	{ "hd0p1", "ata", 1, S_IFBLK, 3 },
	{ "hd0p2", "ata", 2, S_IFBLK, 3 },
	{ "hd0p3", "ata", 3, S_IFBLK, 3 },
	{ "hd0p4", "ata", 4, S_IFBLK, 3 },
	{ "hd1", "ata", 5, S_IFBLK, 3 },      /* disk 1 (primary slave), whole */
	{ "hd1p1", "ata", 6, S_IFBLK, 3 },
	{ "hd1p2", "ata", 7, S_IFBLK, 3 },
	{ "hd1p3", "ata", 8, S_IFBLK, 3 },
	{ "hd1p4", "ata", 9, S_IFBLK, 3 },
	{ "ram0", "memory", 0, S_IFBLK, 1 },  /* the RAM disk */
};

#define NR_DEVICES (sizeof(devices) / sizeof(devices[0]))

static int make_node(enum vnode_kind kind, uint32_t mode, struct vnode **out)
{
	struct vnode *v = vnode_new(kind);
	if (!v)
		return -ENFILE;
	v->mode = mode;
	*out = v;
	return 0;
}

static int device_node(const struct device_name *d, struct vnode **out)
{
	bool block = d->type == S_IFBLK;
	int r = make_node(block ? VN_BLK : VN_CHR, d->type | (block ? 0600 : 0666), out);
	if (r == 0) {
		strlcpy((*out)->driver, d->driver, sizeof((*out)->driver));
		(*out)->minor = d->minor;
		(*out)->rdev = d->major << 8 | d->minor;
	}
	return r;
}

/* A node of VFS's own: "/dev", one of devices[], or the mount table in /proc. */
int devfs_lookup(const char *abs, struct vnode **out)
{
	if (strcmp(abs, "/dev") == 0)
		return make_node(VN_DEVDIR, S_IFDIR | 0755, out);
	if (strcmp(abs, "/proc") == 0 || strcmp(abs, "/proc/self") == 0) {
		int r = make_node(VN_PROC, S_IFDIR | 0555, out);
		if (r == 0)
			(*out)->minor = abs[5] ? 1 : 0;   /* 0: /proc, 1: /proc/self */
		return r;
	}
	if (strcmp(abs, "/proc/mounts") == 0 || strcmp(abs, "/proc/self/mounts") == 0)
		return make_node(VN_PROC, S_IFREG | 0444, out);
	if (strncmp(abs, "/dev/", 5) != 0)
		return -ENOENT;
	for (unsigned i = 0; i < NR_DEVICES; i++)
		if (strcmp(abs + 5, devices[i].name) == 0)
			return device_node(&devices[i], out);
	return -ENOENT;
}

bool devfs_contains(const char *abs)
{
	static const char *const tops[] = { "/dev", "/proc" };
	for (unsigned i = 0; i < 2; i++) {
		size_t n = strlen(tops[i]);
		if (strncmp(abs, tops[i], n) == 0 && (abs[n] == '\0' || abs[n] == '/'))
			return true;
	}
	return false;
}

void devfs_name(const char *driver, uint32_t minor, char *buf, size_t size)
{
	for (unsigned i = 0; i < NR_DEVICES; i++) {
		if (devices[i].type == S_IFBLK && devices[i].minor == minor && strcmp(devices[i].driver, driver) == 0) {
			snprintf(buf, size, "/dev/%s", devices[i].name);
			return;
		}
	}
	snprintf(buf, size, "%s:%u", driver, minor);
}

/* Packs one entry at buf + used; 0 if it does not fit. */
static uint32_t pack_dirent(char *buf, uint32_t used, uint32_t room, uint32_t ino, uint8_t type, const char *name)
{
	size_t len = strlen(name);
	uint32_t reclen = (uint32_t)((sizeof(struct fs_dirent) + len + 1 + 3) & ~3u);
	if (used + reclen > room)
		return 0;
	struct fs_dirent *d = (struct fs_dirent *)(buf + used);
	d->d_ino = ino;
	d->d_reclen = (uint16_t)reclen;
	d->d_type = type;
	memcpy(d->d_name, name, len + 1);
	return reclen;
}

/*
 * Entry i of the VFS directory v: ".", "..", then /dev's devices, or
 * /proc's "mounts" and "self" (/proc/self: "mounts"). False past the end.
 */
static bool dir_entry(const struct vnode *v, int64_t i, const char **name, uint8_t *type)
{
	static const char *const proc_names[] = { "mounts", "self" };
	int64_t count = v->kind == VN_DEVDIR ? (int64_t)NR_DEVICES : v->minor == 0 ? 2 : 1;
	if (i < 0 || i >= count + 2)
		return false;
	*type = DT_DIR;
	*name = i == 0 ? "." : "..";
	if (i >= 2 && v->kind == VN_DEVDIR) {
		*name = devices[i - 2].name;
		*type = devices[i - 2].type == S_IFBLK ? DT_BLK : DT_CHR;
	} else if (i >= 2) {
		*name = proc_names[i - 2];
		*type = i == 2 ? DT_REG : DT_DIR;
	}
	return true;
}

/* The listing of /dev, /proc or /proc/self; the file offset counts entries. */
int devfs_getdents(struct fproc *p, message *m, struct filp *f)
{
	char *buf = bounce_get();
	if (!buf)
		return -EAGAIN;
	uint32_t room = m->vfs.len < BOUNCE_SIZE ? m->vfs.len : BOUNCE_SIZE, used = 0;
	const char *name;
	uint8_t type;
	for (int64_t i = f->offset; dir_entry(f->vnode, i, &name, &type); i++) {
		uint32_t n = pack_dirent(buf, used, room, 0x20000000u + (uint32_t)i, type, name);
		if (n == 0)
			break;
		used += n;
		f->offset = i + 1;
	}
	int r = used ? sys_safecopy_to(p->endpoint, m->vfs.grant, 0, buf, used) : 0;
	bounce_put(buf);
	return r < 0 ? r : (int)used;
}

/* A read of /proc/mounts: the table as it is now, from the file offset. */
int proc_read(struct fproc *p, message *m, struct filp *f)
{
	if (S_ISDIR(f->vnode->mode))
		return -EISDIR;
	char *buf = bounce_get();
	if (!buf)
		return -EAGAIN;
	size_t size = mount_table_text(buf, BOUNCE_SIZE);
	uint32_t n = 0;
	if (f->offset >= 0 && (uint64_t)f->offset < size) {
		n = (uint32_t)(size - (size_t)f->offset);
		if (n > m->vfs.len)
			n = m->vfs.len;
	}
	int r = n ? sys_safecopy_to(p->endpoint, m->vfs.grant, 0, buf + f->offset, n) : 0;
	bounce_put(buf);
	if (r < 0)
		return r;
	f->offset += n;
	return (int)n;
}
