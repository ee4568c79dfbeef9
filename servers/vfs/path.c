/*
 * Path resolution. "/dev" and "/proc" are VFS's own (devfs.c). Everything
 * else is on the mounted file systems, walked one component at a time with
 * FS_LOOKUP from the root's root, continuing at a mount's root wherever it
 * covers a directory, and following up to 8 symbolic links. ".." is
 * resolved in the text of the path before the walk, so ".." from a mount's
 * root leads to the parent of the directory it covers. An ordinary user
 * must have search permission on every directory the walk passes.
 */
#include <stdio.h>
#include <string.h>
#include "vfs.h"

/* Copies a path of len bytes from the caller's grant g; refuses NULs inside. */
static int path_copy(const message *m, grant_id_t g, uint32_t len, char path[PATH_MAX])
{
	if (len == 0 || len >= PATH_MAX)
		return len ? -ENAMETOOLONG : -ENOENT;
	int r = sys_safecopy_from(m->source, g, 0, path, len);
	if (r < 0)
		return r;
	path[len] = '\0';
	return strlen(path) == len ? 0 : -EINVAL;
}

int path_from_grant(const message *m, char path[PATH_MAX])
{
	return path_copy(m, m->vfs.grant, m->vfs.len, path);
}

int path_second(const message *m, char path[PATH_MAX])
{
	return path_copy(m, m->vfs.grant2, (uint32_t)m->vfs.fd2, path);
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

/* Builds the path to continue with after a symbolic link: target, then the rest. */
static int follow(const char *walked, const char *target, const char *rest, char out[PATH_MAX])
{
	int n = target[0] == '/' ? snprintf(out, PATH_MAX, "%s/%s", target, rest)
				 : snprintf(out, PATH_MAX, "%s/%s/%s", walked, target, rest);
	return n < PATH_MAX ? 0 : -ENAMETOOLONG;
}

#define MAX_SYMLINKS 8

/* If a mount covers the directory *v, *v becomes that mount's root (held). */
void path_cross_mount(struct vnode **v)
{
	const struct vfs_mount *mt = mount_covering(*v);
	if (!mt)
		return;
	vnode_release(*v);
	*v = mt->root;
	vnode_hold(*v);
}

/* The next component of the walk at s, into name; its length. */
static int next_component(const char *s, char name[256], const char **slash)
{
	*slash = strchr(s, '/');
	size_t len = *slash ? (size_t)(*slash - s) : strlen(s);
	if (len >= 256)
		return -ENAMETOOLONG;
	memcpy(name, s, len);
	name[len] = '\0';
	return 0;
}

/* The symbolic link v met at walked, with rest to go: the path to walk instead, in next. */
static int take_link(struct vnode *v, const char *walked, const char *rest, char next[PATH_MAX])
{
	char target[PATH_MAX];
	int r = fs_readlink(v, target, sizeof(target));
	vnode_release(v);
	if (r < 0)
		return r;
	r = follow(walked[0] ? walked : "/", target, rest, next);
	return r < 0 ? r : 1;
}

/*
 * Walks abs for p. With last != NULL it stops before the last component,
 * returning its directory (held) and copying the name to last. A symbolic
 * link met on the way ends the walk with 1 and the path to continue with
 * in next.
 */
static int walk(struct fproc *p, const char *abs, struct vnode **out, char *last, char next[PATH_MAX])
{
	char walked[PATH_MAX] = "", name[256];
	struct vnode *dir = mounts[0].root, *v = NULL;
	const char *s = abs + 1, *slash;
	vnode_hold(dir);
	for (;;) {
		int r = next_component(s, name, &slash);
		if (r == 0)
			r = may_access(p, dir, 1);
		if (r == 0 && !slash && last) {
			memcpy(last, name, strlen(name) + 1);
			*out = dir;
			return 0;
		}
		if (r == 0)
			r = fs_lookup(dir, name[0] ? name : ".", &v);
		vnode_release(dir);
		if (r < 0 || !v)
			return r < 0 ? r : -EIO;
		path_cross_mount(&v);
		if (S_ISLNK(v->mode) && (slash || !last))
			return take_link(v, walked, slash ? slash + 1 : "", next);
		if (!slash) {
			*out = v;
			return 0;
		}
		if (!S_ISDIR(v->mode)) {
			vnode_release(v);
			return -ENOTDIR;
		}
		dir = v;
		snprintf(walked + strlen(walked), sizeof(walked) - strlen(walked), "/%s", name);
		s = slash + 1;
	}
}

static int resolve(struct fproc *p, const char *path, struct vnode **out, char *last)
{
	char abs[PATH_MAX], next[PATH_MAX];
	int r = canonical(p->cwd, path, abs);
	for (int links = 0; r == 0; links++) {
		if (devfs_contains(abs))
			return last ? -EROFS : devfs_lookup(abs, out);
		if (!fs_mounted()) {
			if (strcmp(abs, "/") != 0)
				return -ENOENT;
			struct vnode *v = last ? NULL : vnode_new(VN_ROOT);
			if (!v)
				return last ? -EROFS : -ENFILE;
			v->mode = S_IFDIR | 0755;
			*out = v;
			return 0;
		}
		if (last && strcmp(abs, "/") == 0)
			return -EEXIST;
		r = walk(p, abs, out, last, next);
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
