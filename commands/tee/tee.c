/*
 * tee: copy standard input to standard output and to each file (truncated,
 * or appended to with -a). -i is accepted (interrupts are not ignored).
 * A file that cannot be opened or written is reported and dropped; the
 * copy goes on to the others.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

/* Writes all of data; -1 with errno on failure. */
static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, append = 0, status = 0;
	cmd_init("tee");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "ai")) != -1) {
		if (option == 'a')
			append = 1;
		else if (option == '?')
			cmd_usage(1, "tee [-ai] [file...]");
	}
	int count = argc - opts.index;
	int *fds = cmd_malloc(sizeof(int) * (size_t)(count > 0 ? count : 1));
	int flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
	for (int i = 0; i < count; i++) {
		fds[i] = open(argv[opts.index + i], flags, 0666);
		if (fds[i] < 0) {
			cmd_error_errno(argv[opts.index + i], errno);
			status = 1;
		}
	}
	char *buf = cmd_malloc(CHUNK);
	int stdout_ok = 1;
	for (;;) {
		ssize_t n = read(STDIN_FILENO, buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cmd_error("read error: %s", strerror(errno));
			status = 1;
			break;
		}
		if (n == 0)
			break;
		if (stdout_ok && write_all(STDOUT_FILENO, buf, (size_t)n) < 0) {
			cmd_error("standard output: %s", strerror(errno));
			stdout_ok = 0;
			status = 1;
		}
		for (int i = 0; i < count; i++) {
			if (fds[i] >= 0 && write_all(fds[i], buf, (size_t)n) < 0) {
				cmd_error_errno(argv[opts.index + i], errno);
				close(fds[i]);
				fds[i] = -1;
				status = 1;
			}
		}
	}
	for (int i = 0; i < count; i++) {
		if (fds[i] >= 0 && close(fds[i]) < 0) {
			cmd_error_errno(argv[opts.index + i], errno);
			status = 1;
		}
	}
	cmd_exit(status);
}
