/*
 * Copying files and directory trees, for cp and for mv across file
 * systems. Errors are reported as GNU cp words them; the functions return
 * 0 on success and 1 when anything failed (after copying what they could).
 */
#include "cmd.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COPY_CHUNK 65536

/* The directory a recursive copy created first: never copied into itself. */
struct copy_walk {
	const struct copy_options *co;
	struct stat top;
	int have_top;
	const char *src, *dst;  /* the operands, for messages */
};

static int copy_any(struct copy_walk *walk, const char *src, const char *dst);

/* Copies the bytes of descriptor in to descriptor out. */
static int copy_data(int in, int out, const char *src, const char *dst)
{
	char *buf = cmd_malloc(COPY_CHUNK);
	int status = 0;
	for (;;) {
		ssize_t n = read(in, buf, COPY_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cmd_error("error reading '%s': %s", src, strerror(errno));
			status = 1;
			break;
		}
		if (n == 0)
			break;
		for (ssize_t done = 0, w; done < n; done += w) {
			w = write(out, buf + done, (size_t)(n - done));
			if (w <= 0) {
				cmd_error("error writing '%s': %s", dst, strerror(w < 0 ? errno : EIO));
				free(buf);
				return 1;
			}
		}
	}
	free(buf);
	return status;
}

static void preserve_attributes(const struct copy_options *co, const char *dst, const struct stat *st)
{
	if (!co->preserve)
		return;
	if (chown(dst, st->st_uid, st->st_gid) < 0 && errno != EPERM)
		cmd_error("failed to preserve ownership for '%s': %s", dst, strerror(errno));
	if (chmod(dst, st->st_mode & 07777) < 0)
		cmd_error("failed to preserve permissions for '%s': %s", dst, strerror(errno));
}

static int copy_regular(struct copy_walk *walk, const char *src, const char *dst, const struct stat *st)
{
	int in = open(src, O_RDONLY);
	if (in < 0) {
		cmd_error("cannot open '%s' for reading: %s", src, strerror(errno));
		return 1;
	}
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, (int)(st->st_mode & 0777));
	if (out < 0) {
		cmd_error("cannot create regular file '%s': %s", dst, strerror(errno));
		close(in);
		return 1;
	}
	int status = copy_data(in, out, src, dst);
	close(in);
	if (close(out) < 0 && !status) {
		cmd_error("error writing '%s': %s", dst, strerror(errno));
		status = 1;
	}
	preserve_attributes(walk->co, dst, st);
	return status;
}

static int copy_symlink(const char *src, const char *dst, const struct stat *st)
{
	size_t size = (size_t)st->st_size + 1;
	char *target = cmd_malloc(size);
	ssize_t len = readlink(src, target, size);
	int status = 0;
	if (len < 0 || (size_t)len >= size) {
		cmd_error("cannot read symbolic link '%s': %s", src, strerror(len < 0 ? errno : ERANGE));
		status = 1;
	} else {
		target[len] = '\0';
		if (symlink(target, dst) < 0) {
			cmd_error("cannot create symbolic link '%s': %s", dst, strerror(errno));
			status = 1;
		}
	}
	free(target);
	return status;
}

struct copy_into {
	struct copy_walk *walk;
	const char *dst;
};

static int copy_entry(const char *from, const struct dirent *entry, void *ctx)
{
	const struct copy_into *into = ctx;
	char *to = path_join(into->dst, entry->d_name);
	int status = copy_any(into->walk, from, to);
	free(to);
	return status;
}

/* Copies each entry of directory src into the directory dst. */
static int copy_entries(struct copy_walk *walk, const char *src, const char *dst)
{
	struct copy_into into = { walk, dst };
	return for_each_entry(src, "access", copy_entry, &into);
}

static int copy_directory(struct copy_walk *walk, const char *src, const char *dst, const struct stat *st)
{
	struct stat existing;
	if (!walk->co->recursive) {
		cmd_error("-r not specified; omitting directory '%s'", src);
		return 1;
	}
	if (walk->have_top && st->st_ino == walk->top.st_ino && st->st_dev == walk->top.st_dev) {
		cmd_error("cannot copy a directory, '%s', into itself, '%s'", walk->src, walk->dst);
		return 1;
	}
	if (stat(dst, &existing) == 0) {
		if (!S_ISDIR(existing.st_mode)) {
			cmd_error("cannot overwrite non-directory '%s' with directory '%s'", dst, src);
			return 1;
		}
	} else if (mkdir(dst, (st->st_mode & 0777) | 0700) < 0) {
		cmd_error("cannot create directory '%s': %s", dst, strerror(errno));
		return 1;
	}
	if (!walk->have_top && stat(dst, &walk->top) == 0)
		walk->have_top = 1;
	int status = copy_entries(walk, src, dst);
	if (walk->co->preserve)
		preserve_attributes(walk->co, dst, st);
	else if (chmod(dst, st->st_mode & 0777) < 0)
		status = 1;
	return status;
}

static int copy_any(struct copy_walk *walk, const char *src, const char *dst)
{
	struct stat st, target;
	if (cmd_lstat(src, &st) < 0) {
		cmd_error("cannot stat '%s': %s", src, strerror(errno));
		return 1;
	}
	if (stat(dst, &target) == 0 && target.st_ino == st.st_ino && target.st_dev == st.st_dev) {
		cmd_error("'%s' and '%s' are the same file", src, dst);
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return copy_directory(walk, src, dst, &st);
	if (S_ISLNK(st.st_mode))
		return copy_symlink(src, dst, &st);
	return copy_regular(walk, src, dst, &st);
}

int copy_path(const struct copy_options *co, const char *src, const char *dst)
{
	struct copy_walk walk;
	memset(&walk, 0, sizeof(walk));
	walk.co = co;
	walk.src = src;
	walk.dst = dst;
	return copy_any(&walk, src, dst);
}
