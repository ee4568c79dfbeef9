/*
 * vfstest: proves VFS from a program's side, running as init would (pid 1,
 * with the console as descriptors 0, 1 and 2): console I/O through the tty
 * driver, device files, pipes between processes and SIGPIPE, descriptor
 * operations, close-on-exec, paths, and the errors for bad requests. TAP on
 * stdout.
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
#include <dirent.h>
#include <utime.h>
#include <signal.h>
#include <time.h>
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
	signal(SIGPIPE, SIG_IGN);
	CHECK_EQ(write(fds[1], "x", 1), -1, "writing to a pipe nobody reads fails");
	CHECK_EQ(errno, EPIPE, "... with EPIPE");
	signal(SIGPIPE, SIG_DFL);
	close(fds[1]);
	CHECK_EQ(lseek(0, 0, SEEK_SET), -1, "lseek on a terminal fails");
	CHECK_EQ(errno, ESPIPE, "... with ESPIPE");
}

/* A child writes into a pipe whose reader is gone: at once, or while it
 * waits on a full pipe when the reader goes. Returns its wait status. */
static int write_to_a_closed_pipe(bool fill_first)
{
	int fds[2];
	pipe(fds);
	pid_t child = fork();
	if (child == 0) {
		close(fds[0]);
		static char chunk[1024];
		for (int i = 0; i < 100; i++)
			write(fds[1], chunk, sizeof(chunk));
		_exit(write(fds[1], "x", 1) < 0 ? 1 : 2);  /* a write that got EPIPE without SIGPIPE */
	}
	close(fds[1]);
	if (fill_first) {
		struct timespec moment = { 0, 100 * 1000 * 1000 };
		nanosleep(&moment, NULL);  /* the child now waits for room */
	}
	close(fds[0]);
	int status = -1;
	waitpid(child, &status, 0);
	return status;
}

static void sigpipe(void)
{
	int status = write_to_a_closed_pipe(false);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "a writer to a pipe nobody reads dies of SIGPIPE",
	      "status=%x", status);
	status = write_to_a_closed_pipe(true);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	      "a writer waiting on a full pipe dies of SIGPIPE when the reader goes", "status=%x", status);
	message m = { .type = VFS_PM_TAKE_SIGNAL };
	char label[LABEL_MAX] = "vfs";
	ipc_sendrec(sys_info(KINFO_FIND_LABEL, 0, label), &m);
	CHECK_EQ(m.type, -EPERM, "only PM may take VFS's signals");
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

/* Reads the whole of path into buf (NUL-terminated); returns its length or -1. */
static int slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return (int)n;
}

static int spit(const char *path, const char *text, int flags)
{
	int fd = open(path, O_WRONLY | O_CREAT | flags, 0644);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, text, strlen(text));
	close(fd);
	return (int)n;
}

static bool listed(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	bool found = false;
	struct dirent *e;
	while (d && (e = readdir(d)))
		found = found || strcmp(e->d_name, name) == 0;
	if (d)
		closedir(d);
	return found;
}

static void files_on_the_root(void)
{
	char buf[256];
	int n = slurp("/etc/motd", buf, sizeof(buf));
	check(n > 0 && strncmp(buf, "Welcome to Samsara", 18) == 0, "a file of the root image is read",
	      "n=%d errno=%d", n, errno);
	CHECK_EQ(spit("/tmp/note", "first", O_TRUNC), 5, "a new file is created and written");
	check(slurp("/tmp/note", buf, sizeof(buf)) == 5 && strcmp(buf, "first") == 0, "... and reads back",
	      "buf=%s", buf);
	spit("/tmp/note", " second", O_APPEND);
	check(slurp("/tmp/note", buf, sizeof(buf)) == 12 && strcmp(buf, "first second") == 0,
	      "O_APPEND writes at the end", "buf=%s", buf);
	struct stat st;
	check(stat("/tmp/note", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 12 && (st.st_mode & 0777) == 0644,
	      "stat gives its type, size and mode", "size=%d mode=%o", (int)st.st_size, st.st_mode);
	CHECK_EQ(open("/tmp/note", O_WRONLY | O_CREAT | O_EXCL, 0644), -1, "O_EXCL refuses an existing file");
	CHECK_EQ(errno, EEXIST, "... with EEXIST");
	int fd = open("/tmp/note", O_RDWR);
	check(lseek(fd, 0, SEEK_END) == 12 && lseek(fd, 6, SEEK_SET) == 6 && read(fd, buf, 6) == 6 &&
	      strncmp(buf, "second", 6) == 0, "lseek moves the offset, SEEK_END from the size", "fd=%d", fd);
	close(fd);
	spit("/tmp/note", "", O_TRUNC);
	check(stat("/tmp/note", &st) == 0 && st.st_size == 0, "O_TRUNC empties the file", "size=%d", (int)st.st_size);
}

static void directories_and_names(void)
{
	char buf[64];
	CHECK_EQ(mkdir("/tmp/dir", 0755), 0, "mkdir makes a directory");
	check(listed("/tmp", "dir") && listed("/", "etc") && listed("/tmp/dir", "."),
	      "readdir lists what a directory holds", "errno=%d", errno);
	spit("/tmp/dir/a", "alpha", O_TRUNC);
	CHECK_EQ(rmdir("/tmp/dir"), -1, "rmdir refuses a directory that is not empty");
	CHECK_EQ(errno, ENOTEMPTY, "... with ENOTEMPTY");
	CHECK_EQ(rename("/tmp/dir/a", "/tmp/b"), 0, "rename moves a file to another directory");
	check(slurp("/tmp/b", buf, sizeof(buf)) == 5 && !listed("/tmp/dir", "a"), "the file is under its new name only",
	      "buf=%s", buf);
	CHECK_EQ(link("/tmp/b", "/tmp/dir/hard"), 0, "link adds a second name");
	struct stat st;
	check(stat("/tmp/b", &st) == 0 && st.st_nlink == 2, "the file now has two links", "nlink=%u", st.st_nlink);
	CHECK_EQ(symlink("/tmp/b", "/tmp/soft"), 0, "symlink makes a symbolic link");
	ssize_t n = readlink("/tmp/soft", buf, sizeof(buf));
	check(n == 6 && strncmp(buf, "/tmp/b", 6) == 0, "readlink gives its target", "n=%d", (int)n);
	check(slurp("/tmp/soft", buf, sizeof(buf)) == 5 && strcmp(buf, "alpha") == 0, "opening the link opens its target",
	      "buf=%s", buf);
	struct stat lst;
	check(lstat("/tmp/soft", &lst) == 0 && S_ISLNK(lst.st_mode) && lst.st_size == 6 &&
	      stat("/tmp/soft", &st) == 0 && S_ISREG(st.st_mode),
	      "lstat describes the link itself, stat what it names", "lmode=%o", lst.st_mode);
	struct utimbuf times = { 1000000, 2000000 };
	check(utime("/tmp/b", &times) == 0 && stat("/tmp/b", &st) == 0 && st.st_mtime == 2000000 &&
	      st.st_atime == 1000000, "utime sets the access and modification times", "mtime=%lld", st.st_mtime);
	CHECK_EQ(unlink("/tmp/b"), 0, "unlink removes a name");
	check(slurp("/tmp/dir/hard", buf, sizeof(buf)) == 5, "the other link still reaches the data", "errno=%d", errno);
	CHECK_EQ(slurp("/tmp/soft", buf, sizeof(buf)), -1, "a dangling symbolic link gives ENOENT");
	unlink("/tmp/soft");
	unlink("/tmp/dir/hard");
	CHECK_EQ(rmdir("/tmp/dir"), 0, "rmdir removes an empty directory");
	CHECK_EQ(stat("/tmp/dir", &st), -1, "... which is then gone");
	CHECK_EQ(mkdir("/dev/new", 0755), -1, "the device directory is read-only");
	CHECK_EQ(unlink("/tmp"), -1, "unlink refuses a directory");
	CHECK_EQ(errno, EISDIR, "... with EISDIR");
	CHECK_EQ(chdir("/home/user"), 0, "chdir into the root file system");
	spit("here", "relative", O_TRUNC);
	check(slurp("/home/user/here", buf, sizeof(buf)) == 8, "a relative name is created in the current directory",
	      "errno=%d", errno);
	unlink("here");
	chdir("/");
}

static void large_and_open_unlinked_files(void)
{
	static char data[200 * 1024], back[200 * 1024];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)(i * 13 + i / 1000);
	int fd = open("/tmp/big", O_RDWR | O_CREAT | O_TRUNC, 0600);
	ssize_t w = write(fd, data, sizeof(data));
	lseek(fd, 0, SEEK_SET);
	ssize_t r = read(fd, back, sizeof(back));
	check(w == (ssize_t)sizeof(data) && r == w && memcmp(data, back, sizeof(data)) == 0,
	      "200 KiB written through indirect blocks read back the same", "w=%d r=%d", (int)w, (int)r);
	CHECK_EQ(unlink("/tmp/big"), 0, "an open file can be unlinked");
	lseek(fd, 100000, SEEK_SET);
	check(read(fd, back, 10) == 10 && memcmp(back, data + 100000, 10) == 0,
	      "and stays readable through its descriptor", "errno=%d", errno);
	close(fd);
	struct stat st;
	CHECK_EQ(stat("/tmp/big", &st), -1, "after the last close it is gone");
	CHECK_EQ(ftruncate(0, 0), -1, "ftruncate of a terminal fails");
	sync();
}

int main(void)
{
	tap_set_writer(report_to_stdout);
	printf("# vfstest: VFS tests, pid %d\n", getpid());
	console();
	device_files();
	pipes();
	pipe_between_processes();
	sigpipe();
	descriptors();
	close_on_exec();
	paths();
	files_on_the_root();
	directories_and_names();
	large_and_open_unlinked_files();
	tap_finish("vfstest");
}
