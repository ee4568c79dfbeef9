/*
 * init: the first program (pid 1). It runs /etc/rc with the shell once,
 * then keeps a login shell on the console: when the shell exits, a new one
 * starts. As everyone's last parent it also collects orphaned processes.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <sys/wait.h>

#define SHELL "/bin/sh"

static char *const environment[] = { "PATH=/bin:/usr/bin", "HOME=/", "TERM=vt100", NULL };

/* Makes terminal (if any) descriptors 0, 1 and 2. */
static void use_terminal(const char *terminal)
{
	int fd = terminal ? open(terminal, O_RDWR) : -1;
	if (fd < 0)
		return;
	for (int i = 0; i < 3; i++)
		dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* Starts argv in a child of its own session and process group, on terminal
 * (NULL: init's own console) in the foreground if asked; returns its pid. */
static pid_t start(char *const argv[], const char *terminal, bool foreground)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	setsid();
	use_terminal(terminal);
	if (foreground)
		tcsetpgrp(0, getpid());
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	execve(argv[0], argv, environment);
	printf("init: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Waits for pid, collecting any orphans that end meanwhile. */
static int wait_for(pid_t pid)
{
	int status = 0;
	pid_t got;
	while ((got = wait(&status)) >= 0 && got != pid)
		;
	return got == pid ? status : -1;
}

int main(void)
{
	signal(SIGINT, SIG_IGN);   /* ^C at the console is for the shell's jobs, not init */
	signal(SIGQUIT, SIG_IGN);
	if (access(SHELL, X_OK) != 0) {
		printf("init: no shell at %s: %s\n", SHELL, strerror(errno));
		return 1;
	}
	if (access("/etc/rc", R_OK) == 0) {
		char *rc[] = { SHELL, "/etc/rc", NULL };
		wait_for(start(rc, NULL, false));
	}
	/* A shell on each terminal; one that ends is started again. */
	static const char *const terminals[] = { "/dev/tty0", "/dev/tty1" };
	char *login[] = { SHELL, "-i", NULL };
	pid_t shells[2];
	for (int i = 0; i < 2; i++)
		shells[i] = start(login, terminals[i], true);
	for (;;) {
		int status = 0;
		pid_t ended = wait(&status);
		for (int i = 0; i < 2; i++) {
			if (ended != shells[i])
				continue;
			printf("init: the shell on %s ended (status %d); starting a new one\n", terminals[i],
			       WEXITSTATUS(status));
			shells[i] = start(login, terminals[i], true);
		}
	}
}
