/*
 * Reading input over read(2): a line reader whose buffer grows to fit the
 * longest line (no line is ever truncated), and whole-file reading for the
 * commands that need everything in memory (sort).
 */
#include "cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define INPUT_CHUNK 8192

void input_from_fd(struct input *in, int fd)
{
	in->fd = fd;
	in->buf = NULL;
	in->cap = in->start = in->end = 0;
	in->eof = 0;
	in->error = 0;
}

int input_open(struct input *in, const char *path)
{
	int fd = STDIN_FILENO;
	if (strcmp(path, "-") != 0) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return -1;
	}
	input_from_fd(in, fd);
	return 0;
}

void input_close(struct input *in)
{
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->buf);
	in->buf = NULL;
}

/* Moves the unread part to the front and makes room for another chunk. */
static void make_room(struct input *in)
{
	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	if (in->cap - in->end < INPUT_CHUNK) {
		in->cap = in->cap ? in->cap * 2 : INPUT_CHUNK * 2;
		in->buf = cmd_realloc(in->buf, in->cap);
	}
}

/* Reads one more chunk; 0 at end of input, -1 on error. */
static ssize_t fill(struct input *in)
{
	make_room(in);
	for (;;) {
		ssize_t n = read(in->fd, in->buf + in->end, in->cap - in->end);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			in->error = errno;
			return -1;
		}
		if (n == 0)
			in->eof = 1;
		in->end += (size_t)n;
		return n;
	}
}

ssize_t input_line(struct input *in, char **line)
{
	size_t scanned = 0;
	for (;;) {
		char *data = in->buf + in->start;
		size_t avail = in->end - in->start;
		char *newline = avail > scanned ? memchr(data + scanned, '\n', avail - scanned) : NULL;
		if (newline || (in->eof && avail > 0)) {
			size_t len = newline ? (size_t)(newline - data) + 1 : avail;
			*line = data;
			in->start += len;
			return (ssize_t)len;
		}
		if (in->eof)
			return 0;
		scanned = avail;
		if (fill(in) < 0)
			return -1;
	}
}

int read_all(int fd, char **data, size_t *len)
{
	size_t cap = INPUT_CHUNK, used = 0;
	char *buf = cmd_malloc(cap);
	for (;;) {
		if (cap - used < INPUT_CHUNK) {
			cap *= 2;
			buf = cmd_realloc(buf, cap);
		}
		ssize_t n = read(fd, buf + used, cap - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;
			free(buf);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		used += (size_t)n;
	}
	*data = buf;
	*len = used;
	return 0;
}
