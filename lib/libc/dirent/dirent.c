/* Directory streams over getdents: opendir, readdir, rewinddir, closedir. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>

struct dir_stream {
	int fd;
	size_t used, next;           /* bytes in buf, and where the next record starts */
	struct dirent entry;
	char buf[2048];
};

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	DIR *d = calloc(1, sizeof(*d));
	if (!d) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	d->fd = fd;
	return d;
}

struct dirent *readdir(DIR *d)
{
	if (d->next >= d->used) {
		int n = getdents(d->fd, d->buf, sizeof(d->buf));
		if (n <= 0)
			return NULL;
		d->used = (size_t)n;
		d->next = 0;
	}
	const struct fs_dirent *r = (const struct fs_dirent *)(d->buf + d->next);
	if (r->d_reclen < sizeof(*r) + 1 || d->next + r->d_reclen > d->used)
		return NULL;  /* a malformed record ends the listing */
	d->next += r->d_reclen;
	d->entry.d_ino = r->d_ino;
	d->entry.d_type = r->d_type;
	strlcpy(d->entry.d_name, r->d_name, sizeof(d->entry.d_name));
	return &d->entry;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->used = d->next = 0;
}

int closedir(DIR *d)
{
	int r = close(d->fd);
	free(d);
	return r;
}

int dirfd(DIR *d)
{
	return d->fd;
}
