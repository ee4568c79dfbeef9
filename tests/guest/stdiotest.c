/*
 * stdiotest: proves libc's FILE streams inside Samsara, running as init
 * would (pid 1, the console as descriptors 0, 1 and 2, the root file system
 * mounted): files written with fprintf and read back with fgets, getline,
 * fscanf, ungetc and fseek; buffered output and write() in the order the
 * buffering gives, through a pipe; exit flushing and _exit not; fork not
 * printing twice what was flushed; a prompt going out before input is read.
 * The console lines it prints for the Bats file show line buffering there.
 * TAP on stdout.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include "common/tap.h"

static void report_to_stdout(const char *s, size_t n)
{
	fflush(stdout);  /* what the tests printed comes first */
	write(STDOUT_FILENO, s, n);
}

/* Runs child with its standard output on a pipe; returns what it wrote
 * (NUL-terminated in out) and its wait status in *status. */
static int output_of(void (*child)(void), char *out, size_t size, int *status)
{
	int fds[2];
	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		child();
		_exit(99);  /* child() does not return */
	}
	close(fds[1]);
	size_t got = 0;
	ssize_t n;
	while (got < size - 1 && (n = read(fds[0], out + got, size - 1 - got)) > 0)
		got += (size_t)n;
	out[got] = '\0';
	close(fds[0]);
	waitpid(pid, status, 0);
	return (int)got;
}

static void files(void)
{
	FILE *f = fopen("/tmp/stdio", "w");
	check(f != NULL, "fopen creates a file for writing", "errno=%d", errno);
	for (int i = 1; i <= 3; i++)
		fprintf(f, "line %d of %s\n", i, "three");
	fputs("no newline at the end", f);
	CHECK_EQ(fclose(f), 0, "fclose writes what is buffered and closes");
	char buf[128] = { 0 };
	int fd = open("/tmp/stdio", O_RDONLY);
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	check(n == 69 && strncmp(buf, "line 1 of three\nline 2", 22) == 0, "the file holds what fprintf wrote",
	      "n=%d buf=%s", (int)n, buf);

	f = fopen("/tmp/stdio", "r");
	char line[64];
	int lines = 0;
	while (fgets(line, sizeof(line), f))
		lines++;
	check(lines == 4 && strcmp(line, "no newline at the end") == 0 && feof(f), "fgets reads line by line to the end",
	      "lines=%d last=%s", lines, line);
	rewind(f);
	int c = fgetc(f);
	check(c == 'l' && ungetc('L', f) == 'L' && fgetc(f) == 'L' && fgetc(f) == 'i', "ungetc pushes a character back",
	      "c=%c", c);
	check(fseek(f, 16, SEEK_SET) == 0 && ftell(f) == 16 && fgets(line, sizeof(line), f) &&
	      strcmp(line, "line 2 of three\n") == 0 && ftell(f) == 32, "fseek and ftell move through a file read with a buffer",
	      "line=%s", line);
	int number = 0;
	char word[16] = { 0 };
	check(fscanf(f, "line %d of %15s", &number, word) == 2 && number == 3 && strcmp(word, "three") == 0,
	      "fscanf reads from a stream", "number=%d word=%s", number, word);
	char *text = NULL;
	size_t size = 0;
	fseek(f, -8, SEEK_END);
	check(getline(&text, &size, f) == 8 && strcmp(text, " the end") == 0, "getline reads the last, unterminated line",
	      "text=%s", text);
	free(text);
	fclose(f);

	f = fopen("/tmp/stdio", "a+");
	fputs("\nappended\n", f);
	fseek(f, 0, SEEK_SET);
	fgets(line, sizeof(line), f);
	fclose(f);
	check(strcmp(line, "line 1 of three\n") == 0, "a+ appends and reads from the start", "line=%s", line);
	f = fopen("/tmp/no/such/dir", "w");
	check(f == NULL && errno == ENOENT, "fopen of a bad path fails with ENOENT", "errno=%d", errno);
	f = fopen("/tmp/stdio", "q");
	check(f == NULL && errno == EINVAL, "fopen of a bad mode fails with EINVAL", "errno=%d", errno);
	unlink("/tmp/stdio");
}

static void printf_then_write(void)
{
	printf("one\n");
	write(STDOUT_FILENO, "two\n", 4);
	fflush(stdout);
	printf("three\n");
	exit(0);
}

static void flush_then_write(void)
{
	printf("one\n");
	fflush(stdout);
	write(STDOUT_FILENO, "two\n", 4);
	exit(0);
}

static void exit_flushes(void)
{
	printf("no newline, flushed by exit");
	exit(3);
}

static void underscore_exit_does_not(void)
{
	printf("lost");
	_exit(4);
}

/* Prints line, flushed before the fork or not; both processes then exit. */
static void print_fork_and_exit(const char *line, bool flush_first)
{
	printf("%s", line);
	if (flush_first)
		fflush(stdout);
	pid_t child = fork();
	if (child == 0)
		exit(0);
	waitpid(child, NULL, 0);
	exit(0);
}

static void fork_after_fflush(void)
{
	print_fork_and_exit("before fork\n", true);
}

static void fork_without_fflush(void)
{
	print_fork_and_exit("copied\n", false);
}

static void write_to_a_closed_pipe(void)
{
	signal(SIGPIPE, SIG_IGN);
	close(STDOUT_FILENO);  /* the test's end is the only reader: gone once it closes too */
	int fds[2];
	pipe(fds);
	close(fds[0]);
	FILE *f = fdopen(fds[1], "w");
	fputs("nobody reads this", f);
	int r = fflush(f);
	exit(r == EOF && ferror(f) && errno == EPIPE ? 0 : 1);
}

static void buffering_and_exit(void)
{
	char out[256];
	int status;
	output_of(printf_then_write, out, sizeof(out), &status);
	check(strcmp(out, "two\none\nthree\n") == 0, "a pipe is fully buffered: write() overtakes printf until fflush",
	      "out=%s", out);
	output_of(flush_then_write, out, sizeof(out), &status);
	check(strcmp(out, "one\ntwo\n") == 0, "after fflush, printf and write() come in program order", "out=%s", out);
	output_of(exit_flushes, out, sizeof(out), &status);
	check(strcmp(out, "no newline, flushed by exit") == 0 && WEXITSTATUS(status) == 3, "exit flushes stdout",
	      "out=%s status=%x", out, status);
	output_of(underscore_exit_does_not, out, sizeof(out), &status);
	check(out[0] == '\0' && WEXITSTATUS(status) == 4, "_exit does not flush", "out=%s", out);
	output_of(fork_after_fflush, out, sizeof(out), &status);
	check(strcmp(out, "before fork\n") == 0, "what was flushed before fork is printed once", "out=%s", out);
	output_of(fork_without_fflush, out, sizeof(out), &status);
	check(strcmp(out, "copied\ncopied\n") == 0, "what was not flushed is copied by fork, as on every Unix",
	      "out=%s", out);
	output_of(write_to_a_closed_pipe, out, sizeof(out), &status);
	CHECK_EQ(status, 0, "with SIGPIPE ignored, fflush to a pipe nobody reads fails with EPIPE");
}

static void atexit_first(void)
{
	printf("atexit functions run last first, ");
}

static void atexit_second(void)
{
	printf("then the streams are flushed: ");
}

static void exit_with_atexit(void)
{
	atexit(atexit_first);
	atexit(atexit_second);
	printf("main ends; ");
	exit(0);
}

static void atexit_order(void)
{
	char out[256];
	int status;
	output_of(exit_with_atexit, out, sizeof(out), &status);
	check(strcmp(out, "main ends; then the streams are flushed: atexit functions run last first, ") == 0,
	      "exit runs the atexit functions in reverse order, then flushes", "out=%s", out);
}

/* For the Bats file: the console is a terminal, so stdout is line-buffered there. */
static void console(void)
{
	printf("stdiotest: stdout waits ");
	write(STDOUT_FILENO, "stdiotest: (write goes first)\n", 30);
	printf("for its newline\n");
	fprintf(stderr, "stdiotest: stderr is ");
	write(STDERR_FILENO, "unbuffered\n", 11);
	errno = ENOENT;
	perror("stdiotest: perror");
	printf("stdiotest: type a number and a word: ");
	int number = 0;
	char word[16] = { 0 };
	int r = scanf("%d %15s", &number, word);
	check(r == 2 && number == 42 && strcmp(word, "answer") == 0,
	      "scanf reads typed input after the prompt went out", "r=%d number=%d word=%s", r, number, word);
	int c = getchar();
	CHECK_EQ(c, '\n', "getchar gives what scanf left");
}

int main(void)
{
	tap_set_writer(report_to_stdout);
	/* stdout chooses its buffering at its first transfer, and a child
	 * inherits the choice: the children that print into pipes go first,
	 * while stdout here is still undecided. */
	buffering_and_exit();
	atexit_order();
	printf("# stdiotest: stdio tests, pid %d\n", getpid());
	console();
	files();
	tap_finish("stdiotest");
}
