/*
 * run_program (run.h): fork, exec, wait. A pipe whose write end closes on a
 * successful exec tells the parent the errno of a failed one, so that the
 * caller words the error and picks the status (126 or 127), not the child.
 */
#include "run.h"
#include "cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* In the child: exec, or send errno through fd and leave. */
static __attribute__((noreturn)) void exec_child(char *const argv[], int fd)
{
	execvp(argv[0], argv);
	int error = errno;
	ssize_t written = write(fd, &error, sizeof(error));
	(void)written;
	_exit(127);
}

/* Reads the errno a failed exec sent, or 0 when the exec went through. */
static int read_exec_error(int fd)
{
	int error = 0;
	ssize_t n;
	while ((n = read(fd, &error, sizeof(error))) < 0 && errno == EINTR)
		continue;
	return n == (ssize_t)sizeof(error) ? error : 0;
}

int run_program(char *const argv[], struct run_status *status)
{
	int fds[2], wait_status;
	out_flush();
	if (pipe(fds) < 0)
		return -1;
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		exec_child(argv, fds[1]);
	}
	close(fds[1]);
	status->exec_error = read_exec_error(fds[0]);
	close(fds[0]);
	while (waitpid(pid, &wait_status, 0) < 0)
		if (errno != EINTR)
			return -1;
	status->signal = WIFSIGNALED(wait_status) ? WTERMSIG(wait_status) : 0;
	status->code = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 0;
	return 0;
}

int run_with_items(char *const command[], int command_count, char *const items[], int item_count,
	run_report_fn report, void *context)
{
	struct run_status status;
	char **argv = cmd_malloc((size_t)(command_count + item_count + 1) * sizeof(char *));
	for (int i = 0; i < command_count; i++)
		argv[i] = command[i];
	for (int i = 0; i < item_count; i++)
		argv[command_count + i] = items[i];
	argv[command_count + item_count] = NULL;
	int result = run_program(argv, &status);
	if (result == 0 && status.exec_error == E2BIG && item_count > 1) {
		int half = item_count / 2;
		result = run_with_items(command, command_count, items, half, report, context);
		if (result == 0)
			result = run_with_items(command, command_count, items + half, item_count - half,
				report, context);
	} else if (result == 0) {
		result = report(argv, &status, context);
	}
	free(argv);
	return result;
}
