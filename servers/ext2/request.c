/*
 * FS requests: each copies its name or data through the caller's grant,
 * checks what it copied, and calls the library. The library checks inode
 * numbers and everything it reads from the disk.
 */
#include <string.h>
#include <samsara/stat.h>
#include "ext2srv.h"

#define IO_CHUNK 16384

struct ext2_volume ext2_volumes[FS_MOUNTS];
static uint8_t io_buffer[IO_CHUNK];

struct ext2_volume *volume_of(const message *m)
{
	return &ext2_volumes[m->fs.mount];
}

/* The library state of the mount m is about. */
static struct ext2_fs *fs_of(const message *m)
{
	return &volume_of(m)->fs;
}

/* Copies a name of m->fs.len bytes from the grant; refuses empty, long, or with '/' or NUL. */
static int take_name(const message *m, char name[EXT2_NAME_MAX + 1])
{
	uint32_t len = m->fs.len;
	if (len == 0 || len > EXT2_NAME_MAX)
		return len ? -ENAMETOOLONG : -EINVAL;
	int r = sys_safecopy_from(m->source, m->fs.grant, 0, name, len);
	if (r < 0)
		return r;
	name[len] = '\0';
	return strlen(name) == len && !memchr(name, '/', len) ? 0 : -EINVAL;
}

/* Two NUL-terminated strings back to back ("old\0new\0"), each checked by check_name. */
static int take_two(const message *m, char *buf, size_t size, const char **second)
{
	if (m->fs.len < 4 || m->fs.len > size)
		return -EINVAL;
	int r = sys_safecopy_from(m->source, m->fs.grant, 0, buf, m->fs.len);
	if (r < 0)
		return r;
	if (buf[m->fs.len - 1] != '\0')
		return -EINVAL;
	size_t first = strlen(buf);
	if (first == 0 || first + 1 >= m->fs.len)
		return -EINVAL;
	*second = buf + first + 1;
	return strlen(*second) + first + 2 == m->fs.len ? 0 : -EINVAL;
}

/* Why a mount failed, for the log line: the usual cases in words. */
static const char *mount_failure(int r)
{
	switch (r) {
	case -EINVAL: return "not an ext2 file system";
	case -ENXIO: return "no such device";
	case -EDEADSRCDST: return "no such driver";
	case -EROFS: return "features that allow only a read-only mount";
	default: return "error";
	}
}

/* Whether the VFS that mounted v is gone and source asks for the same device:
 * then source is its successor, and the file system, consistent on the disk
 * (modifying requests are written through), is its at once. */
static bool successor_remounts(const struct ext2_volume *v, endpoint_t source, const char *label, uint32_t minor)
{
	struct kinfo_proc row;
	bool alive = endpoint_is_process(v->mounter) &&
		     sys_proc_info((uint32_t)endpoint_slot(v->mounter), &row) == 0 && row.endpoint == v->mounter;
	return !alive && strcmp(label, v->disk.label) == 0 && minor == v->disk.minor && source != v->mounter;
}

int do_mount(message *m)
{
	char label[LABEL_MAX] = { 0 };
	struct ext2_volume *v = volume_of(m);
	if (m->fs.len == 0 || m->fs.len >= LABEL_MAX ||
	    sys_safecopy_from(m->source, m->fs.grant, 0, label, m->fs.len) < 0 || strlen(label) != m->fs.len)
		return -EINVAL;
	if (v->mounted && !successor_remounts(v, m->source, label, m->fs.ino2))
		return -EBUSY;
	if (v->mounted) {
		v->mounter = m->source;
		m->fs.ino = EXT2_ROOT_INO;
		service_log("mounted %s minor %u again, for a new VFS", label, m->fs.ino2);
		return 0;
	}
	unsigned flags = (m->fs.flags & FS_MOUNT_RDONLY) ? EXT2_MOUNT_RDONLY : 0;
	int r = device_attach(v, label, m->fs.ino2);
	if (r == 0)
		r = ext2_mount(&v->fs, &v->ops, flags);
	if (r < 0) {
		service_log("cannot mount %s minor %u: %s (%d)", label, m->fs.ino2, mount_failure(r), r);
		return r == -EDEADSRCDST ? -ENODEV : r;
	}
	v->mounted = true;
	v->mounter = m->source;
	m->fs.ino = EXT2_ROOT_INO;
	service_log("mounted %s minor %u%s", label, m->fs.ino2, v->fs.read_only ? " read-only" : "");
	return 0;
}

int do_unmount(message *m)
{
	struct ext2_volume *v = volume_of(m);
	int r = ext2_unmount(&v->fs);
	int f = device_flush(v);
	v->mounted = false;
	service_log("unmounted %s minor %u", v->disk.label, v->disk.minor);
	return r < 0 ? r : f;
}

static int fill_stat(uint32_t ino, message *m)
{
	struct ext2_stat st;
	int r = ext2_stat(fs_of(m), ino, &st);
	if (r < 0)
		return r;
	m->fs.ino = ino;
	m->fs.mode = st.mode;
	m->fs.pos = st.size;
	m->fs.uid = st.uid;
	m->fs.gid = st.gid;
	return 0;
}

int do_lookup(message *m)
{
	char name[EXT2_NAME_MAX + 1];
	uint32_t ino = 0;
	int r = take_name(m, name);
	if (r == 0)
		r = ext2_lookup(fs_of(m), m->fs.ino, name, &ino);
	return r < 0 ? r : fill_stat(ino, m);
}

int do_stat(message *m)
{
	struct ext2_stat es;
	int r = ext2_stat(fs_of(m), m->fs.ino, &es);
	if (r < 0)
		return r;
	struct stat st = {
		.st_ino = es.ino, .st_mode = es.mode, .st_nlink = es.nlink, .st_uid = es.uid,
		.st_gid = es.gid, .st_rdev = es.rdev, .st_size = (int64_t)es.size,
		.st_atime = es.atime, .st_mtime = es.mtime, .st_ctime = es.ctime,
		.st_blksize = (int32_t)es.blksize, .st_blocks = es.blocks,
	};
	return sys_safecopy_to(m->source, m->fs.grant, 0, &st, sizeof(st));
}

static int transfer(message *m, bool write)
{
	uint32_t done = 0;
	while (done < m->fs.len) {
		uint32_t n = m->fs.len - done < IO_CHUNK ? m->fs.len - done : IO_CHUNK;
		int r = write ? sys_safecopy_from(m->source, m->fs.grant, done, io_buffer, n) : 0;
		if (r < 0)
			return done ? (int)done : r;
		r = write ? ext2_write(fs_of(m), m->fs.ino, m->fs.pos + done, io_buffer, n)
			  : ext2_read(fs_of(m), m->fs.ino, m->fs.pos + done, io_buffer, n);
		if (r < 0)
			return done ? (int)done : r;
		if (!write && r > 0 && sys_safecopy_to(m->source, m->fs.grant, done, io_buffer, (uint32_t)r) < 0)
			return done ? (int)done : -EFAULT;
		done += (uint32_t)r;
		if ((uint32_t)r < n)
			break;  /* end of file, or the disk is full */
	}
	return (int)done;
}

int do_read(message *m) { return transfer(m, false); }
int do_write(message *m) { return transfer(m, true); }

int do_truncate(message *m)
{
	return ext2_truncate(fs_of(m), m->fs.ino, m->fs.pos);
}

static int make(message *m, bool dir)
{
	char name[EXT2_NAME_MAX + 1];
	uint32_t ino;
	int r = take_name(m, name);
	if (r < 0)
		return r;
	r = dir ? ext2_mkdir(fs_of(m), m->fs.ino, name, (uint16_t)m->fs.mode, m->fs.uid, m->fs.gid, &ino)
		: ext2_create(fs_of(m), m->fs.ino, name, (uint16_t)m->fs.mode, m->fs.uid, m->fs.gid, 0, &ino);
	return r < 0 ? r : fill_stat(ino, m);
}

int do_create(message *m) { return make(m, false); }
int do_mkdir(message *m) { return make(m, true); }

static int remove_entry(message *m, bool dir)
{
	char name[EXT2_NAME_MAX + 1];
	int r = take_name(m, name);
	if (r < 0)
		return r;
	unsigned flags = (m->fs.flags & FS_DEFER_FREE) ? EXT2_DEFER_FREE : 0;
	return dir ? ext2_rmdir(fs_of(m), m->fs.ino, name, flags) : ext2_unlink(fs_of(m), m->fs.ino, name, flags);
}

int do_unlink(message *m) { return remove_entry(m, false); }
int do_rmdir(message *m) { return remove_entry(m, true); }

int do_rename(message *m)
{
	char buf[2 * (EXT2_NAME_MAX + 1)];
	const char *newname;
	int r = take_two(m, buf, sizeof(buf), &newname);
	if (r < 0 || strchr(buf, '/') || strchr(newname, '/'))
		return r < 0 ? r : -EINVAL;
	return ext2_rename(fs_of(m), m->fs.ino, buf, m->fs.ino2, newname, m->fs.flags & FS_DEFER_FREE ? EXT2_DEFER_FREE : 0);
}

int do_link(message *m)
{
	char name[EXT2_NAME_MAX + 1];
	int r = take_name(m, name);
	return r < 0 ? r : ext2_link(fs_of(m), m->fs.ino, m->fs.ino2, name);
}

int do_symlink(message *m)
{
	char buf[EXT2_NAME_MAX + 1 + 1024];
	const char *target;
	uint32_t ino;
	int r = take_two(m, buf, sizeof(buf), &target);
	if (r < 0 || strchr(buf, '/'))
		return r < 0 ? r : -EINVAL;
	r = ext2_symlink(fs_of(m), m->fs.ino, buf, target, m->fs.uid, m->fs.gid, &ino);
	return r < 0 ? r : fill_stat(ino, m);
}

int do_readlink(message *m)
{
	char target[1024];
	uint32_t len = m->fs.len < sizeof(target) ? m->fs.len : (uint32_t)sizeof(target);
	int r = ext2_readlink(fs_of(m), m->fs.ino, target, len);
	if (r < 0)
		return r;
	int c = sys_safecopy_to(m->source, m->fs.grant, 0, target, (uint32_t)r);
	return c < 0 ? c : r;
}

/* Packs directory entries into io_buffer for FS_GETDENTS. */
struct dirent_packer {
	uint32_t used, room;
};

static int pack_entry(void *arg, const char *name, size_t name_len, uint32_t ino, unsigned type)
{
	static const uint8_t types[8] = { DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR, DT_BLK, DT_FIFO, DT_UNKNOWN, DT_LNK };
	struct dirent_packer *p = arg;
	uint32_t reclen = (uint32_t)((sizeof(struct fs_dirent) + name_len + 1 + 3) & ~3u);
	if (p->used + reclen > p->room)
		return 1;  /* full: this entry comes first next time */
	struct fs_dirent *d = (struct fs_dirent *)(io_buffer + p->used);
	d->d_ino = ino;
	d->d_reclen = (uint16_t)reclen;
	d->d_type = types[type & 7];
	memcpy(d->d_name, name, name_len);
	d->d_name[name_len] = '\0';
	p->used += reclen;
	return 0;
}

int do_getdents(message *m)
{
	struct dirent_packer p = { 0, m->fs.len < IO_CHUNK ? m->fs.len : IO_CHUNK };
	uint64_t cookie = m->fs.pos;
	int r = ext2_readdir(fs_of(m), m->fs.ino, &cookie, pack_entry, &p);
	if (r < 0)
		return r;
	if (p.used && sys_safecopy_to(m->source, m->fs.grant, 0, io_buffer, p.used) < 0)
		return -EFAULT;
	if (p.used == 0 && cookie == m->fs.pos && r > 0)
		return -EINVAL;  /* the buffer cannot hold even one entry */
	m->fs.pos = cookie;
	return (int)p.used;
}

int do_setattr(message *m)
{
	struct ext2_attr attr = {
		.mask = m->fs.flags & (FS_ATTR_MODE | FS_ATTR_UID | FS_ATTR_GID | FS_ATTR_ATIME | FS_ATTR_MTIME),
		.mode = (uint16_t)m->fs.mode, .uid = m->fs.uid, .gid = m->fs.gid,
		.atime = m->fs.atime, .mtime = m->fs.mtime,
	};
	return ext2_setattr(fs_of(m), m->fs.ino, &attr);
}

int do_sync(message *m)
{
	struct ext2_volume *v = volume_of(m);
	int r = ext2_sync(&v->fs);
	int f = device_flush(v);
	return r < 0 ? r : f;
}

int do_statfs(message *m)
{
	struct ext2_statfs es;
	int r = ext2_statfs(fs_of(m), &es);
	if (r < 0)
		return r;
	struct fs_statfs st = { es.block_size, es.blocks, es.free_blocks, es.avail_blocks,
				es.inodes, es.free_inodes, es.name_max };
	return sys_safecopy_to(m->source, m->fs.grant, 0, &st, sizeof(st));
}

int do_release(message *m)
{
	return ext2_release(fs_of(m), m->fs.ino);
}
