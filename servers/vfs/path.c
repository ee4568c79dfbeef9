/*
 * Path resolution. "/dev" is the device directory, which VFS serves itself:
 * console and tty (the tty driver's minor 0), null and zero (the memory
 * driver). Everything else is on the root file system, walked one component
 * at a time with FS_LOOKUP, following up to 8 symbolic links. ".." is
 * resolved in the text of the path before the walk.
 */
#include <stdio.h>
#include <string.h>
#include "vfs.h"

struct device_name {
	const char *name;
	const char *driver;
	uint32_t minor;
};

static const struct device_name devices[] = {
	{ "console", "tty", 0 },
	{ "tty", "tty", 0 },
	{ "tty0", "tty", 0 },         /* the serial console */
	{ "tty1", "tty", 1 },         /* the VGA screen and the keyboard */
	{ "null", "memory", 0 },
	{ "zero", "memory", 1 },
};

int path_from_grant(const message *m, char path[PATH_MAX])
{
	uint32_t len = m->vfs.len;
	if (len == 0 || len >= PATH_MAX)
		return len ? -ENAMETOOLONG : -ENOENT;
	int r = sys_safecopy_from(m->source, m->vfs.grant, 0, path, len);
	if (r < 0)
		return r;
	path[len] = '\0';
	return strlen(path) == len ? 0 : -EINVAL;  /* no NUL inside */
}

/* Makes path absolute and canonical (no ".", "..", or repeated slashes) in out. */
static int canonical(const char *cwd, const char *path, char out[PATH_MAX])
{
	char joined[2 * PATH_MAX];
	snprintf(joined, sizeof(joined), "%s/%s", path[0] == '/' ? "" : cwd, path);
	size_t n = 0;
	out[n++] = '/';
	for (const char *s = joined; *s; ) {
		while (*s == '/')
			s++;
		const char *end = strchr(s, '/');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		if (len == 0 || (len == 1 && s[0] == '.')) {
			/* nothing */
		} else if (len == 2 && s[0] == '.' && s[1] == '.') {
			while (n > 1 && out[n - 1] != '/')  /* drop the last component */
				n--;
			if (n > 1)                           /* and the slash before it */
				n--;
		} else {
			if (n + len + 1 >= PATH_MAX)
				return -ENAMETOOLONG;
			if (n > 1)
				out[n++] = '/';
			memcpy(out + n, s, len);
			n += len;
		}
		s += len;
	}
	out[n] = '\0';
	return 0;
}

static int make_node(enum vnode_kind kind, uint32_t mode, struct vnode **out)
{
	struct vnode *v = vnode_new(kind);
	if (!v)
		return -ENFILE;
	v->mode = mode;
	*out = v;
	return 0;
}

/* A node of the device directory: "/dev" itself, or one of devices[]. */
static int devfs_lookup(const char *abs, struct vnode **out)
{
	if (strcmp(abs, "/dev") == 0)
		return make_node(VN_DEVDIR, S_IFDIR | 0755, out);
	for (unsigned i = 0; i < sizeof(devices) / sizeof(devices[0]); i++) {
		if (strcmp(abs + 5, devices[i].name) != 0)
			continue;
		int r = make_node(VN_CHR, S_IFCHR | 0666, out);
		if (r == 0) {
			strlcpy((*out)->driver, devices[i].driver, sizeof((*out)->driver));
			(*out)->minor = devices[i].minor;
		}
		return r;
	}
	return -ENOENT;
}

static bool in_devfs(const char *abs)
{
	return strcmp(abs, "/dev") == 0 || strncmp(abs, "/dev/", 5) == 0;
}

/* Builds the path to continue with after a symbolic link: target, then the rest. */
static int follow(const char *walked, const char *target, const char *rest, char out[PATH_MAX])
{
	int n = target[0] == '/' ? snprintf(out, PATH_MAX, "%s/%s", target, rest)
				 : snprintf(out, PATH_MAX, "%s/%s/%s", walked, target, rest);
	return n < PATH_MAX ? 0 : -ENAMETOOLONG;
}

#define MAX_SYMLINKS 8

/*
 * Walks abs on the root file system. With last != NULL it stops before the
 * last component, returning its directory and copying the name to last.
 * A symbolic link met on the way ends the walk with 1 and the path to
 * continue with in next.
 */
static int walk(const char *abs, struct vnode **out, char *last, char next[PATH_MAX])
{
	char walked[PATH_MAX] = "";
	uint32_t dir = fs_root_ino();
	const char *s = abs + 1;
	for (;;) {
		const char *slash = strchr(s, '/');
		size_t len = slash ? (size_t)(slash - s) : strlen(s);
		char name[256];
		if (len >= sizeof(name))
			return -ENAMETOOLONG;
		memcpy(name, s, len);
		name[len] = '\0';
		if (!slash && last) {
			memcpy(last, name, len + 1);
			return fs_lookup(dir, ".", out);
		}
		struct vnode *v;
		int r = len ? fs_lookup(dir, name, &v) : fs_lookup(dir, ".", &v);
		if (r < 0)
			return r;
		if (S_ISLNK(v->mode) && (slash || !last)) {
			char target[PATH_MAX];
			r = fs_readlink(v->ino, target, sizeof(target));
			vnode_release(v);
			if (r < 0)
				return r;
			r = follow(walked[0] ? walked : "/", target, slash ? slash + 1 : "", next);
			return r < 0 ? r : 1;
		}
		if (!slash) {
			*out = v;
			return 0;
		}
		bool is_dir = S_ISDIR(v->mode);
		dir = v->ino;
		vnode_release(v);
		if (!is_dir)
			return -ENOTDIR;
		snprintf(walked + strlen(walked), sizeof(walked) - strlen(walked), "/%s", name);
		s = slash + 1;
	}
}

static int resolve(struct fproc *p, const char *path, struct vnode **out, char *last)
{
	char abs[PATH_MAX], next[PATH_MAX];
	int r = canonical(p->cwd, path, abs);
	for (int links = 0; r == 0; links++) {
		if (in_devfs(abs))
			return last ? -EROFS : devfs_lookup(abs, out);
		if (!fs_mounted()) {
			if (strcmp(abs, "/") != 0)
				return -ENOENT;
			return last ? -EROFS : make_node(VN_ROOT, S_IFDIR | 0755, out);
		}
		if (last && strcmp(abs, "/") == 0)
			return -EEXIST;
		r = walk(abs, out, last, next);
		if (r != 1)
			return r;
		if (links == MAX_SYMLINKS)
			return -ELOOP;
		r = canonical("/", next, abs);
	}
	return r;
}

int path_lookup(struct fproc *p, const char *path, struct vnode **out)
{
	return resolve(p, path, out, NULL);
}

int path_parent(struct fproc *p, const char *path, struct vnode **dir, char last[256])
{
	int r = resolve(p, path, dir, last);
	if (r == 0 && !S_ISDIR((*dir)->mode)) {
		vnode_release(*dir);
		return -ENOTDIR;
	}
	if (r == 0 && (last[0] == '\0' || strcmp(last, ".") == 0 || strcmp(last, "..") == 0)) {
		vnode_release(*dir);
		return -EINVAL;
	}
	return r;
}

/* path_parent for a request that adds or removes a name: p must be allowed
 * to write in the directory and search it. */
int path_parent_to_change(struct fproc *p, const char *path, struct vnode **dir, char last[256])
{
	int r = path_parent(p, path, dir, last);
	if (r == 0 && (r = may_access(p, *dir, 3)) < 0)
		vnode_release(*dir);
	return r;
}

/* The canonical form of path relative to p's directory, for chdir and getcwd. */
int path_canonical(struct fproc *p, const char *path, char out[PATH_MAX])
{
	return canonical(p->cwd, path, out);
}

int path_of_request(struct fproc *p, const message *m, struct vnode **out)
{
	char path[PATH_MAX];
	*out = NULL;
	int r = path_from_grant(m, path);
	if (r == 0)
		r = path_lookup(p, path, out);
	return r == 0 && !*out ? -ENOENT : r;
}
