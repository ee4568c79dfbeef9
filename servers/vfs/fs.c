/*
 * The mounted file systems, through the FS protocol (<samsara/fs.h>). One
 * ext2 server serves them all; every request names its mount by the index
 * it has in VFS's mount table (mount.c), which is also its index at the
 * server. Names and data pass through VFS's own buffers, lent to the server
 * with grants.
 */
#include <string.h>
#include <ds.h>
#include "vfs.h"

#define FS_IO_SIZE (64 * 1024)

static endpoint_t fs_server = NONE;
static char fs_io_buffer[FS_IO_SIZE];

bool fs_mounted(void) { return mounts[0].used; }

#define MAX_RECOVERIES 3

/* One exchange with the current file-system server, lending it [buf, buf+len). */
static int fs_exchange(int type, message *m, const void *buf, size_t len, uint32_t access)
{
	grant_id_t g = buf ? sys_grant(fs_server, buf, len ? len : 1, access) : -1;
	if (buf && g < 0)
		return g;
	m->type = type;
	m->fs.grant = g;
	m->fs.len = (uint32_t)len;
	int r = ipc_sendrec(fs_server, m);
	if (g >= 0)
		sys_revoke(g);
	return r < 0 ? r : m->type;
}

/* FS_MOUNT of mounts[index]'s device (whose label goes in the grant) under the same index. */
static message mount_request(uint32_t index)
{
	message m = { 0 };
	m.fs.mount = index;
	m.fs.ino2 = mounts[index].minor;
	m.fs.flags = mounts[index].read_only ? FS_MOUNT_RDONLY : 0;
	return m;
}

static int mount_at_server(uint32_t index)
{
	struct vfs_mount *mt = &mounts[index];
	message m = mount_request(index);
	int r = fs_exchange(FS_MOUNT, &m, mt->driver, strlen(mt->driver), GRANT_READ);
	if (r == 0)
		mt->root_ino = m.fs.ino;
	return r;
}

/* The new server instance gets every mount of the table, under the same indexes. */
static int mount_all_again(void)
{
	int count = 0;
	for (uint32_t i = 0; i < VFS_MOUNTS; i++) {
		if (!mounts[i].used)
			continue;
		int r = mount_at_server(i);
		if (r < 0)
			return r;
		count++;
	}
	service_log("file-system server restarted: %d file system%s mounted again", count, count == 1 ? "" : "s");
	return 0;
}

/*
 * The file-system server died (RS restarts it and publishes the new one):
 * the new instance is given every mount again. ext2 writes through before
 * it answers a modifying request, so the disks hold everything it
 * acknowledged, and only the request in flight has to be sent again.
 */
static int fs_recover(void)
{
	for (int tries = 0; tries < 50; tries++) {
		endpoint_t ext2 = ds_lookup("ext2");
		if (ext2 != NONE && ext2 != fs_server) {
			fs_server = ext2;
			int r = mount_all_again();
			if (r != -EDEADSRCDST)
				return r;
		}
		message tick;
		sys_alarm(1);                    /* give RS a tick to start it */
		ipc_receive(CLOCK, &tick);
	}
	return -EIO;
}

/*
 * A request sent again to a new instance may find its own work done: a
 * name it created exists, one it removed is gone. That is success; a
 * create answers with what the name now is.
 */
static int replayed(int type, message *m, const message *request, int status, const void *buf, size_t len)
{
	if (status == -EEXIST && (type == FS_CREATE || type == FS_MKDIR)) {
		*m = *request;
		return fs_exchange(FS_LOOKUP, m, buf, len, GRANT_READ);
	}
	if (status == -ENOENT && (type == FS_UNLINK || type == FS_RMDIR || type == FS_RENAME))
		return 0;
	return status;
}

/* One request to the file-system server, sent again to a new instance if it dies. */
static int fs_request(int type, message *m, const void *buf, size_t len, uint32_t access)
{
	message request = *m;
	int r = fs_exchange(type, m, buf, len, access);
	for (int again = 0; r == -EDEADSRCDST && again < MAX_RECOVERIES; again++) {
		int s = fs_recover();
		if (s < 0)
			return s;
		*m = request;
		r = replayed(type, m, &request, fs_exchange(type, m, buf, len, access), buf, len);
	}
	return r;
}

static int fs_vnode(const message *m, uint32_t mount, struct vnode **out)
{
	struct vnode *v = vnode_find_fs(mount, m->fs.ino);
	if (v) {
		v->refs++;
	} else if (!(v = vnode_new(VN_FS))) {
		return -ENFILE;
	}
	v->mount = mount;
	v->ino = m->fs.ino;
	v->mode = m->fs.mode;
	v->uid = m->fs.uid;
	v->gid = m->fs.gid;
	*out = v;
	return 0;
}

/* Mounts mounts[index] (its device filled in) and takes a hold on its root directory. */
int fs_mount(uint32_t index)
{
	if (fs_server == NONE)
		fs_server = ds_lookup("ext2");
	if (fs_server == NONE)
		return -ENODEV;
	struct vfs_mount *mt = &mounts[index];
	message m = mount_request(index);
	int r = fs_request(FS_MOUNT, &m, mt->driver, strlen(mt->driver), GRANT_READ);
	if (r < 0)
		return r;
	mt->root_ino = m.fs.ino;
	mt->used = true;        /* from here on, a recovery mounts it again */
	m.fs.mount = index;
	m.fs.ino = mt->root_ino;
	r = fs_request(FS_LOOKUP, &m, ".", 1, GRANT_READ);
	if (r == 0)
		r = fs_vnode(&m, index, &mt->root);
	if (r < 0) {
		fs_unmount(index);
		mt->used = false;
	}
	return r;
}

/* Unmounts mounts[index] at the server, so that its medium is clean. */
int fs_unmount(uint32_t index)
{
	message m = { 0 };
	m.fs.mount = index;
	return fs_request(FS_UNMOUNT, &m, NULL, 0, 0);
}

message fs_message(const struct vnode *v)
{
	message m = { 0 };
	m.fs.mount = v->mount;
	m.fs.ino = v->ino;
	return m;
}

int fs_call_buffer(int type, message *m, const void *buf, size_t len)
{
	return fs_request(type, m, buf, len, GRANT_READ);
}

int fs_call_name(int type, const struct vnode *dir, const char *name, message *m)
{
	m->fs.mount = dir->mount;
	m->fs.ino = dir->ino;
	return fs_request(type, m, name, strlen(name), GRANT_READ);
}

int fs_lookup(const struct vnode *dir, const char *name, struct vnode **out)
{
	message m = { 0 };
	int r = fs_call_name(FS_LOOKUP, dir, name, &m);
	return r < 0 ? r : fs_vnode(&m, dir->mount, out);
}

int fs_stat(const struct vnode *v, struct stat *st)
{
	message m = fs_message(v);
	int r = fs_request(FS_STAT, &m, st, sizeof(*st), GRANT_WRITE);
	return r < 0 ? r : 0;
}

/* Reads or writes through VFS's buffer, at the file offset (the end, for O_APPEND). */
int fs_io(struct fproc *p, message *m, struct filp *f, bool write)
{
	if (S_ISDIR(f->vnode->mode))
		return -EISDIR;
	if (write && (f->flags & O_APPEND)) {
		struct stat st = { 0 };
		int r = fs_stat(f->vnode, &st);
		if (r < 0)
			return r;
		f->offset = st.st_size;
	}
	uint32_t done = 0;
	while (done < m->vfs.len) {
		uint32_t n = FS_IO_SIZE;
		if (n > m->vfs.len - done)
			n = m->vfs.len - done;
		int r = write ? sys_safecopy_from(p->endpoint, m->vfs.grant, done, fs_io_buffer, n) : 0;
		message req = fs_message(f->vnode);
		req.fs.pos = (uint64_t)f->offset;
		if (r == 0)
			r = fs_request(write ? FS_WRITE : FS_READ, &req, fs_io_buffer, n, write ? GRANT_READ : GRANT_WRITE);
		if (r > 0 && !write)
			r = sys_safecopy_to(p->endpoint, m->vfs.grant, done, fs_io_buffer, (uint32_t)r) < 0 ? -EFAULT : r;
		if (r < 0)
			return done ? (int)done : r;
		f->offset += r;
		done += (uint32_t)r;
		if ((uint32_t)r < n)
			break;
	}
	return (int)done;
}

int fs_getdents(struct fproc *p, message *m, struct filp *f)
{
	uint32_t len = m->vfs.len < FS_IO_SIZE ? m->vfs.len : FS_IO_SIZE;
	message req = fs_message(f->vnode);
	req.fs.pos = (uint64_t)f->offset;
	int r = fs_request(FS_GETDENTS, &req, fs_io_buffer, len, GRANT_WRITE);
	if (r > 0 && sys_safecopy_to(p->endpoint, m->vfs.grant, 0, fs_io_buffer, (uint32_t)r) < 0)
		return -EFAULT;
	if (r >= 0)
		f->offset = (int64_t)req.fs.pos;
	return r;
}

/* A request with no buffer (truncate, setattr, sync, release...). */
int fs_simple(int type, message *m)
{
	return fs_request(type, m, NULL, 0, 0);
}

int fs_readlink(const struct vnode *v, char *buf, size_t size)
{
	message m = fs_message(v);
	int r = fs_request(FS_READLINK, &m, buf, size - 1, GRANT_WRITE);
	if (r >= 0)
		buf[r] = '\0';
	return r;
}

/* The last user of v is gone: an unlinked inode can now be freed. */
void fs_release(struct vnode *v)
{
	if (!v->unlinked)
		return;
	message m = fs_message(v);
	fs_simple(FS_RELEASE, &m);
}

int fs_statfs_into(message *m, struct fs_statfs *st)
{
	return fs_request(FS_STATFS, m, st, sizeof(*st), GRANT_WRITE);
}
