/* POSIX <dirent.h>: reading directories. */
#pragma once

#include <sys/types.h>
#include <samsara/fs.h>

struct dirent {
	ino_t d_ino;
	unsigned char d_type;        /* DT_* */
	char d_name[256];
};

typedef struct dir_stream DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
void rewinddir(DIR *d);
int closedir(DIR *d);
int dirfd(DIR *d);
/* The system call under readdir: packed struct fs_dirent records. */
int getdents(int fd, void *buf, size_t len);
