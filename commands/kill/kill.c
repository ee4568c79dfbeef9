/*
 * kill: send a signal (TERM unless -s NAME, -NAME or -N says otherwise) to
 * each process ID. "kill -l" lists the signal names; "kill -l N" prints
 * the name of signal N (or of the signal that ended a status N > 128) and
 * "kill -l NAME" its number. Names may carry a "SIG" prefix.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <signal.h>
#include <string.h>

#define USAGE "kill [-s name | -name | -number] pid... | kill -l [signal]"

struct signal_name {
	int number;
	const char *name;
};

static const struct signal_name signals[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
	{ SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" }, { SIGBUS, "BUS" }, { SIGFPE, "FPE" },
	{ SIGKILL, "KILL" }, { SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" }, { SIGUSR2, "USR2" },
	{ SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" }, { SIGCHLD, "CHLD" },
	{ SIGCONT, "CONT" }, { SIGSTOP, "STOP" }, { SIGTSTP, "TSTP" }, { SIGTTIN, "TTIN" },
	{ SIGTTOU, "TTOU" },
};
#define SIGNAL_COUNT (sizeof(signals) / sizeof(signals[0]))

static const char *signal_name(int number)
{
	for (size_t i = 0; i < SIGNAL_COUNT; i++)
		if (signals[i].number == number)
			return signals[i].name;
	return NULL;
}

/* A name ("TERM", "SIGTERM", any case) or a number; -1 if neither. */
static int signal_number(const char *text)
{
	long long number;
	if (text[0] >= '0' && text[0] <= '9')
		return parse_count(text, &number) == 0 && number < 0x10000 && signal_name((int)number)
			? (int)number : (text[0] == '0' && text[1] == '\0' ? 0 : -1);
	char upper[16];
	size_t len = strlen(text);
	if (len >= sizeof(upper))
		return -1;
	for (size_t i = 0; i <= len; i++)
		upper[i] = (char)(text[i] >= 'a' && text[i] <= 'z' ? text[i] - 'a' + 'A' : text[i]);
	const char *name = strncmp(upper, "SIG", 3) == 0 ? upper + 3 : upper;
	for (size_t i = 0; i < SIGNAL_COUNT; i++)
		if (strcmp(signals[i].name, name) == 0)
			return signals[i].number;
	return -1;
}

static int list_signals(int argc, char **argv, int first)
{
	int status = 0;
	if (first == argc) {
		for (size_t i = 0; i < SIGNAL_COUNT; i++)
			out_format("%s\n", signals[i].name);
		return 0;
	}
	for (int i = first; i < argc; i++) {
		long long number;
		if (parse_count(argv[i], &number) == 0) {
			if (number > 128 && number < 128 + 0x10000)
				number -= 128;
			const char *name = number < 0x10000 ? signal_name((int)number) : NULL;
			if (name) {
				out_format("%s\n", name);
				continue;
			}
		} else {
			int found = signal_number(argv[i]);
			if (found > 0) {
				out_format("%d\n", found);
				continue;
			}
		}
		cmd_error("'%s': invalid signal", argv[i]);
		status = 1;
	}
	return status;
}

static int parse_pid(const char *text, pid_t *pid)
{
	long long value;
	int negative = text[0] == '-';
	if (parse_count(text + negative, &value) < 0 || text[negative] == '+' || value > 0x7fffffffLL)
		return -1;
	*pid = (pid_t)(negative ? -value : value);
	return 0;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, first = 1;
	cmd_init("kill");
	if (argc > 1 && strcmp(argv[1], "-l") == 0)
		cmd_exit(list_signals(argc, argv, 2));
	if (argc > 1 && strcmp(argv[1], "-s") == 0) {
		if (argc < 3)
			cmd_usage(1, USAGE);
		sig = signal_number(argv[2]);
		first = 3;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		if (strcmp(argv[1], "--") == 0) {
			first = 2;
		} else {
			sig = signal_number(argv[1] + 1);
			first = 2;
			if (sig < 0 && strncmp(argv[1], "-s", 2) == 0)
				sig = signal_number(argv[1] + 2);
		}
	}
	if (sig < 0) {
		cmd_error("'%s': invalid signal", argv[first - 1][0] == '-' ? argv[first - 1] + 1 : argv[first - 1]);
		cmd_usage(1, USAGE);
	}
	if (first < argc && strcmp(argv[first], "--") == 0)
		first++;
	if (first == argc) {
		cmd_error("no process ID specified");
		cmd_usage(1, USAGE);
	}
	int status = 0;
	for (int i = first; i < argc; i++) {
		pid_t pid;
		if (parse_pid(argv[i], &pid) < 0) {
			cmd_error("'%s': invalid process id", argv[i]);
			status = 1;
		} else if (kill(pid, sig) < 0) {
			cmd_error_errno(argv[i], errno);
			status = 1;
		}
	}
	cmd_exit(status);
}
