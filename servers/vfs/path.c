/*
 * Path resolution. Until the root file system is mounted the name space is
 * "/" and the device directory "/dev", which VFS serves itself: console and
 * tty (the tty driver's minor 0), null and zero (the memory driver).
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

int path_lookup(struct fproc *p, const char *path, struct vnode **out)
{
	char abs[PATH_MAX];
	int r = canonical(p->cwd, path, abs);
	if (r < 0)
		return r;
	if (strcmp(abs, "/") == 0)
		return make_node(VN_ROOT, S_IFDIR | 0755, out);
	if (strcmp(abs, "/dev") == 0)
		return make_node(VN_DEVDIR, S_IFDIR | 0755, out);
	if (strncmp(abs, "/dev/", 5) != 0)
		return -ENOENT;  /* the root file system is not mounted yet */
	for (unsigned i = 0; i < sizeof(devices) / sizeof(devices[0]); i++) {
		if (strcmp(abs + 5, devices[i].name) != 0)
			continue;
		r = make_node(VN_CHR, S_IFCHR | 0666, out);
		if (r == 0) {
			strlcpy((*out)->driver, devices[i].driver, sizeof((*out)->driver));
			(*out)->minor = devices[i].minor;
		}
		return r;
	}
	return -ENOENT;
}

/* The canonical form of path relative to p's directory, for chdir and getcwd. */
int path_canonical(struct fproc *p, const char *path, char out[PATH_MAX])
{
	return canonical(p->cwd, path, out);
}
