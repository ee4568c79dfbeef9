/*
 * VFS's tables and the functions its files share: processes (fproc.c), open
 * files (filp.c), nodes (vnode.c: the device directory, devices, pipes) and
 * the I/O paths (io.c, pipe.c, device.c).
 */
#pragma once

#include <service.h>
#include <samsara/vfs.h>
#include <samsara/stat.h>
#include <samsara/cdev.h>
#include <samsara/fs.h>

#define VFS_PROCS CONFIG_NR_PROCS
#define NR_FILPS 256
#define NR_VNODES 128
#define PIPE_SIZE 4096
#define BOUNCE_SIZE 4096

enum vnode_kind { VN_FREE = 0, VN_ROOT, VN_DEVDIR, VN_CHR, VN_BLK, VN_PIPE, VN_FS, VN_PROC };

struct vnode {
	enum vnode_kind kind;
	int refs;
	uint32_t mount;              /* VN_FS: the mount it is on (index in the mount table) */
	uint32_t ino;                /* VN_FS: the inode on that mount's file system */
	uint32_t mode;
	uint32_t uid, gid;           /* VN_FS: owner */
	bool unlinked;               /* VN_FS: its last name is gone; FS_RELEASE on last close */
	char driver[LABEL_MAX];      /* VN_CHR, VN_BLK: the driver's label */
	uint32_t minor;
	uint32_t rdev;               /* VN_CHR, VN_BLK: major << 8 | minor, as Linux numbers them */
	/* VN_PIPE */
	char *buffer;                /* PIPE_SIZE bytes */
	uint32_t head, count;
	int readers, writers;
};

struct filp {
	int refs;
	struct vnode *vnode;
	uint32_t flags;              /* O_ACCMODE bits, O_APPEND, O_NONBLOCK */
	int64_t offset;
};

/* What a process waits for while its reply is deferred. */
enum suspend_kind { SUSP_NONE = 0, SUSP_PIPE_READ, SUSP_PIPE_WRITE, SUSP_DEVICE };

struct fproc {
	bool used;
	endpoint_t endpoint;
	struct filp *fd[OPEN_MAX];
	uint32_t cloexec;            /* bit n: fd n closes on exec */
	char cwd[PATH_MAX];
	uint32_t umask;
	uint32_t uid, gid;           /* from PM: for permission checks */
	/* the suspended request */
	enum suspend_kind suspended;
	int susp_fd;
	grant_id_t susp_grant;       /* the caller's buffer */
	uint32_t susp_len, susp_done;
	uint32_t susp_id;            /* SUSP_DEVICE: the id given to the driver */
	int susp_type;               /* VFS_READ or VFS_WRITE */
	char *bounce;                /* SUSP_DEVICE: VFS's buffer lent to the driver */
	grant_id_t bounce_grant;     /* SUSP_DEVICE: the grant that lends it */
	endpoint_t susp_driver;      /* SUSP_DEVICE: the driver instance that has it */
	uint32_t signals;            /* bit n: PM is to send signal n (VFS_PM_TAKE_SIGNAL) */
};

extern struct fproc fproc[VFS_PROCS];

/* fproc.c */
struct fproc *fproc_of(endpoint_t ep);
struct fproc *fproc_new(endpoint_t ep);
struct filp *fd_get(struct fproc *p, int fd);
int fd_install(struct fproc *p, struct filp *f, int lowest);
void fd_close(struct fproc *p, int fd);
void fproc_reply(struct fproc *p, int status);
void device_restarted(const char *label);
/* Has PM send p signal sig (SIGPIPE) soon: before p's reply, if that comes after. */
void fproc_signal(struct fproc *p, int sig);
/* PM's endpoint, from the kernel: the only sender of VFS_PM_* requests. */
endpoint_t vfs_pm_endpoint(void);

/* filp.c and vnode.c */
struct filp *filp_new(struct vnode *v, uint32_t flags);
void filp_hold(struct filp *f);
void filp_release(struct filp *f);
struct vnode *vnode_new(enum vnode_kind kind);
void vnode_hold(struct vnode *v);
void vnode_release(struct vnode *v);
void vnode_stat(const struct vnode *v, struct stat *st);
/* Their places in VFS's tables (the mirror names them so). */
int filp_index(const struct filp *f);
int vnode_index(const struct vnode *v);

/*
 * mirror.c: the descriptor tables' copy in memory the kernel keeps for VFS
 * (KC_KEEP), from which a restarted VFS gives processes their files back.
 * A process looked up is marked; marked ones are copied out before any
 * reply leaves VFS.
 */
/* Maps the mirror; true if it holds a predecessor's tables (a restart). */
bool mirror_init(void);
/* Rebuilds the processes' descriptors from the mirror (the root is mounted). */
void mirror_recover(void);
void mirror_mark(const struct fproc *p);
void mirror_commit(void);
/* The mount table changed: the mirror takes it at the next commit. */
void mirror_mounts_changed(void);

/* The fproc of m's sender, or return EBADF from the handler: VFS knows only PM's processes. */
#define CALLER_OR_FAIL(m, p) \
	struct fproc *p = fproc_of((m)->source); \
	if (!p) \
		return -EBADF

/* path.c: resolves a path of the caller; returns a held vnode or an error.
 * path_parent resolves all but the last component, which it copies to last. */
int path_lookup(struct fproc *p, const char *path, struct vnode **out);
int path_parent_to_change(struct fproc *p, const char *path, struct vnode **dir, char last[256]);
int path_parent(struct fproc *p, const char *path, struct vnode **dir, char last[256]);

/*
 * mount.c: the mount table. Mount 0 is the root; every other mount covers a
 * directory of another one. The index of a mount is also its index at the
 * file-system server (msg_fs.mount).
 */
#define VFS_MOUNTS FS_MOUNTS

struct vfs_mount {
	bool used;
	bool read_only;
	char driver[LABEL_MAX];      /* the block device: driver label and minor */
	uint32_t minor;
	char device[32];             /* its name for the mount table: "/dev/hd1p1" */
	char dir[PATH_MAX];          /* where it is mounted, as the path was then */
	uint32_t root_ino;
	struct vnode *root;          /* its root directory, held while mounted */
	struct vnode *covered;       /* the directory it covers, held; NULL for the root */
};

extern struct vfs_mount mounts[VFS_MOUNTS];

int mount_root(void);
/* The mount whose root covers v (a directory), or NULL. */
struct vfs_mount *mount_covering(const struct vnode *v);
/* A restarted VFS mounts again what its predecessor had mounted (mirror.c):
 * the device under the same index on the directory at path dir. */
int mount_restore(uint32_t index, const char *driver, uint32_t minor, bool read_only, const char *dir);
/* Whether v is the root directory of a mount. */
bool mount_is_root(const struct vnode *v);
bool mount_read_only(const struct vnode *v);
/* The mount table as /proc/mounts shows it, into buf; its length. */
size_t mount_table_text(char *buf, size_t size);
int do_mount(message *m);
int do_umount(message *m);

/* fs.c: the file systems of the mount table, through the FS protocol */
bool fs_mounted(void);
int fs_mount(uint32_t mount);
int fs_unmount(uint32_t mount);
int fs_lookup(const struct vnode *dir, const char *name, struct vnode **out);
int fs_call_name(int type, const struct vnode *dir, const char *name, message *m);
int fs_call_buffer(int type, message *m, const void *buf, size_t len);
int fs_io(struct fproc *p, message *m, struct filp *f, bool write);
int fs_stat(const struct vnode *v, struct stat *st);
int fs_simple(int type, message *m);
int fs_getdents(struct fproc *p, message *m, struct filp *f);
int fs_readlink(const struct vnode *v, char *buf, size_t size);
int fs_statfs_into(message *m, struct fs_statfs *st);
void fs_release(struct vnode *v);
/* A request message about node v (its mount and inode set). */
message fs_message(const struct vnode *v);
struct vnode *vnode_find_fs(uint32_t mount, uint32_t ino);
/* How many nodes of mount index are in use. */
int vnode_count_on(uint32_t mount);
int path_from_grant(const message *m, char path[PATH_MAX]);
int path_canonical(struct fproc *p, const char *path, char out[PATH_MAX]);
/* The node named by the path in m's grant, held; or an error. */
int path_of_request(struct fproc *p, const message *m, struct vnode **out);
/* devfs.c: VFS's own nodes: /dev (devices) and /proc (the mount table) */
bool devfs_contains(const char *abs);
int devfs_lookup(const char *abs, struct vnode **out);
/* The name of a block device in /dev ("/dev/hd0p1"), into buf. */
void devfs_name(const char *driver, uint32_t minor, char *buf, size_t size);
int devfs_getdents(struct fproc *p, message *m, struct filp *f);
int proc_read(struct fproc *p, message *m, struct filp *f);
/* If a mount covers the directory *v, *v becomes that mount's root (held). */
void path_cross_mount(struct vnode **v);
/* The second path of a request, from grant2 with its length in fd2. */
int path_second(const message *m, char path[PATH_MAX]);

/* device.c: character devices through the cdev protocol */
int device_open(struct vnode *v);
int device_io(struct fproc *p, message *m, struct filp *f, bool write);
int device_ioctl(struct fproc *p, message *m, struct filp *f);
void device_notify(endpoint_t driver);
int device_cancel(struct fproc *p);

/* pipe.c */
int pipe_create(struct fproc *p, message *m);
int pipe_io(struct fproc *p, message *m, struct filp *f, bool write);
void pipe_wake(struct vnode *v);

/* bounce buffers for data passing through VFS */
char *bounce_get(void);
void bounce_put(const char *b);

int do_open(message *m);
int do_close(message *m);
int do_read(message *m);
int do_write(message *m);
int do_lseek(message *m);
int do_dup(message *m);
int do_dup2(message *m);
int do_fcntl(message *m);
int do_pipe(message *m);
int do_ioctl(message *m);
int do_fstat(message *m);
int do_stat(message *m);
int do_chdir(message *m);
int do_getcwd(message *m);
int do_getdents(message *m);
int do_mkdir(message *m);
int do_unlink(message *m);
int do_rmdir(message *m);
int do_rename(message *m);
int do_link(message *m);
int do_symlink(message *m);
int do_readlink(message *m);
int do_chmod(message *m);
int do_chown(message *m);
int do_truncate(message *m);
int do_ftruncate(message *m);
int do_sync(message *m);
int do_statfs(message *m);
int do_lstat(message *m);
int do_utime(message *m);
int do_umask(message *m);
int do_access(message *m);
/* Copies v's status to the grant of m's sender. */
int copy_stat(const message *m, const struct vnode *v, grant_id_t grant);
int do_pm_fork(message *m);
int do_pm_exit(message *m);
int do_pm_exec(message *m);
int do_pm_init(message *m);
int do_pm_unpause(message *m);
int do_pm_shutdown(message *m);
int do_pm_take_signal(message *m);
int do_pm_setuid(message *m);
int do_pm_restore(message *m);
/* 0 if p may access v as want (4 read, 2 write, 1 search), else -EACCES. */
int may_access(const struct fproc *p, const struct vnode *v, uint32_t want);
/* Execute permission (search, for a directory); root needs an x bit on a file. */
int may_execute(const struct fproc *p, const struct vnode *v);
