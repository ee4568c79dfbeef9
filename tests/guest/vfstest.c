/*
 * vfstest: proves VFS from a program's side, running as init would (pid 1,
 * with the console as descriptors 0, 1 and 2): console I/O through the tty
 * driver, device files, pipes between processes, descriptor operations,
 * close-on-exec, paths, and the errors for bad requests. TAP on stdout.
 */
#include <libsys.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <termios.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "common/tap.h"

static void report_to_stdout(const char *s, size_t n)
{
	write(STDOUT_FILENO, s, n);
}

static void console(void)
{
	const char *hello = "vfstest: hello through VFS and the console driver\n";
	CHECK_EQ(write(1, hello, strlen(hello)), strlen(hello), "a program writes to its standard output");
	check(isatty(0) && isatty(1) && isatty(2), "descriptors 0, 1 and 2 are the terminal", "errno=%d", errno);
	char line[64] = { 0 };
	write(1, "vfstest: type a line\n", 21);
	ssize_t n = read(0, line, sizeof(line) - 1);
	check(n == 6 && strcmp(line, "typed\n") == 0, "a program reads a typed line from standard input",
	      "n=%d line=%s", (int)n, line);
}

static void device_files(void)
{
	int fd = open("/dev/null", O_RDWR);
	char buf[32];
	check(fd >= 3, "/dev/null opens on the lowest free descriptor", "fd=%d", fd);
	CHECK_EQ(write(fd, "gone", 4), 4, "writes to /dev/null succeed");
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0, "reads from /dev/null find end of file");
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	memset(buf, 'x', sizeof(buf));
	ssize_t n = read(fd, buf, sizeof(buf));
	bool zeros = n == (ssize_t)sizeof(buf);
	for (size_t i = 0; zeros && i < sizeof(buf); i++)
		zeros = buf[i] == 0;
	check(zeros, "reads from /dev/zero give zeros", "n=%d", (int)n);
	CHECK_EQ(write(fd, "x", 1), -1, "writing to a descriptor opened read-only fails");
	CHECK_EQ(errno, EBADF, "... with EBADF");
	close(fd);
	struct stat st;
	check(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode), "stat of /dev/null says character device",
	      "mode=%o", st.st_mode);
	check(stat("/", &st) == 0 && S_ISDIR(st.st_mode), "stat of / says directory", "mode=%o", st.st_mode);
}

static void pipes(void)
{
	int fds[2];
	char buf[16] = { 0 };
	CHECK_EQ(pipe(fds), 0, "pipe gives two descriptors");
	write(fds[1], "hello", 5);
	check(read(fds[0], buf, sizeof(buf)) == 5 && strcmp(buf, "hello") == 0, "what goes into a pipe comes out",
	      "buf=%s", buf);
	close(fds[1]);
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 0, "with the write end closed, a reader sees end of file");
	close(fds[0]);
	pipe(fds);
	close(fds[0]);
	CHECK_EQ(write(fds[1], "x", 1), -1, "writing to a pipe nobody reads fails");
	CHECK_EQ(errno, EPIPE, "... with EPIPE");
	close(fds[1]);
	CHECK_EQ(lseek(0, 0, SEEK_SET), -1, "lseek on a terminal fails");
	CHECK_EQ(errno, ESPIPE, "... with ESPIPE");
}

/* A child writes 64 KiB into a pipe in odd-sized pieces; the parent checks every byte. */
static void pipe_between_processes(void)
{
	int fds[2];
	pipe(fds);
	pid_t child = fork();
	if (child == 0) {
		close(fds[0]);
		static char chunk[1000];
		uint32_t sent = 0;
		while (sent < 65536) {
			uint32_t n = (uint32_t)sizeof(chunk);
			if (n > 65536 - sent)
				n = 65536 - sent;
			for (uint32_t i = 0; i < n; i++)
				chunk[i] = (char)((sent + i) * 7);
			if (write(fds[1], chunk, n) != (ssize_t)n)
				_exit(1);
			sent += n;
		}
		_exit(0);
	}
	close(fds[1]);
	static char buf[3000];
	uint32_t got = 0;
	bool same = true;
	ssize_t n;
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++)
			same = same && buf[i] == (char)((got + (uint32_t)i) * 7);
		got += (uint32_t)n;
	}
	close(fds[0]);
	int status = -1;
	waitpid(child, &status, 0);
	check(got == 65536 && same && status == 0, "64 KiB through a pipe between two processes arrive intact",
	      "got=%u same=%d status=%x", got, same, status);
}

static void descriptors(void)
{
	int fds[2];
	pipe(fds);
	pid_t child = fork();
	if (child == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		printf("from the child's stdout\n");
		_exit(0);
	}
	close(fds[1]);
	char buf[64] = { 0 };
	ssize_t n = read(fds[0], buf, sizeof(buf) - 1);
	waitpid(child, NULL, 0);
	close(fds[0]);
	check(n == 24 && strcmp(buf, "from the child's stdout\n") == 0,
	      "dup2 onto descriptor 1 sends a child's printf into a pipe", "n=%d buf=%s", (int)n, buf);
	int fd = dup(1);
	check(fd >= 3 && isatty(fd), "dup gives a new descriptor for the same file", "fd=%d", fd);
	CHECK_EQ(fcntl(fd, F_GETFD), 0, "a new descriptor does not close on exec");
	close(fd);
	CHECK_EQ(close(fd), -1, "closing a closed descriptor fails");
	CHECK_EQ(errno, EBADF, "... with EBADF");
	CHECK_EQ(read(99, buf, 1), -1, "a descriptor beyond the table is refused");
}

static void close_on_exec(void)
{
	int fds[2];
	pipe(fds);
	int doomed = open("/dev/null", O_RDONLY);
	fcntl(doomed, F_SETFD, FD_CLOEXEC);
	pid_t child = fork();
	if (child == 0) {
		char a[8], b[8];
		snprintf(a, sizeof(a), "%d", doomed);
		snprintf(b, sizeof(b), "%d", fds[1]);
		char *argv[] = { "vfschild", a, b, NULL };
		char *envp[] = { NULL };
		execve_boot("vfschild", argv, envp);
		_exit(9);
	}
	close(fds[1]);
	char buf[32] = { 0 };
	ssize_t n = read(fds[0], buf, sizeof(buf) - 1);
	int status = -1;
	waitpid(child, &status, 0);
	check(status == 0 && n == 14 && strcmp(buf, "child was here") == 0,
	      "exec closes close-on-exec descriptors and keeps the others", "status=%x n=%d", status, (int)n);
	close(fds[0]);
	close(doomed);
}

static void paths(void)
{
	char cwd[64] = { 0 };
	CHECK_EQ(chdir("/dev"), 0, "chdir to a directory succeeds");
	check(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/dev") == 0, "getcwd names it", "cwd=%s", cwd);
	int fd = open("./null", O_WRONLY);
	check(fd >= 0, "a relative path is resolved from the current directory", "fd=%d errno=%d", fd, errno);
	close(fd);
	check(chdir("../dev/../") == 0 && getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/") == 0,
	      ". and .. are resolved", "cwd=%s", cwd);
	CHECK_EQ(chdir("/dev/null"), -1, "chdir to a file fails");
	CHECK_EQ(errno, ENOTDIR, "... with ENOTDIR");
	CHECK_EQ(open("/dev/nothing", O_RDONLY), -1, "opening a missing file fails");
	CHECK_EQ(errno, ENOENT, "... with ENOENT");
	CHECK_EQ(open("/dev", O_WRONLY), -1, "opening a directory for writing fails");
	CHECK_EQ(errno, EISDIR, "... with EISDIR");
	CHECK_EQ(getcwd(cwd, 1), NULL, "getcwd into a buffer too small fails");
}

int main(void)
{
	tap_set_writer(report_to_stdout);
	printf("# vfstest: VFS tests, pid %d\n", getpid());
	console();
	device_files();
	pipes();
	pipe_between_processes();
	descriptors();
	close_on_exec();
	paths();
	tap_finish("vfstest");
}
