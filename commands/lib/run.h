/*
 * Running another program and waiting for it, for xargs and find -exec.
 */
#pragma once

struct run_status {
	int exec_error;  /* errno when the program could not be started, else 0 */
	int signal;      /* the signal that ended it, else 0 */
	int code;        /* its exit status when it exited */
};

/*
 * Flushes standard output, runs argv[0] (searched in PATH) with argv and
 * waits for it. Returns 0, or -1 with errno set when fork or wait failed.
 */
int run_program(char *const argv[], struct run_status *status);
