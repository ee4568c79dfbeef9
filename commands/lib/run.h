/*
 * Running another program and waiting for it, for xargs and find -exec.
 */
#pragma once

/* How many bytes of arguments (each with its NUL) GNU puts on one command line. */
#define RUN_LINE_MAX 131072

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

/*
 * Called after each run of run_with_items with the command line it ran;
 * a nonzero return stops the remaining runs (and is returned).
 */
typedef int (*run_report_fn)(char *const argv[], const struct run_status *status, void *context);

/*
 * Runs command[0..command_count) followed by items[0..item_count) and
 * reports the run. When the system finds the line too long (E2BIG, as
 * Samsara does past 16 KiB) the items are split in halves, each run on
 * its own. Returns 0, the first nonzero report, or -1 if fork failed.
 */
int run_with_items(char *const command[], int command_count, char *const items[], int item_count,
	run_report_fn report, void *context);
