/*
 * Samsara's getopt against the host's in POSIX mode (a '+' before the
 * option string stops glibc from permuting argv): the sequence of return
 * values, optarg, optopt and optind, and the error messages, which this
 * test catches through the __libc_error_message hook.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "unit.h"
#include "libc_test.h"

static char last_message[256];
static int messages;

void samsara___libc_error_message(const char *text)
{
	snprintf(last_message, sizeof(last_message), "%s", text);
	messages++;
}

struct command {
	const char *optstring;
	const char *words[8];
};

static const struct command commands[] = {
	{ "ab", { "prog", "-a", "-b", "file", NULL } },
	{ "ab", { "prog", "-ab", "file", "-a", NULL } },
	{ "o:v", { "prog", "-o", "out", "-v", NULL } },
	{ "o:v", { "prog", "-oout", "-vo", "x", NULL } },
	{ "o:v", { "prog", "-v", "-o", NULL } },
	{ ":o:v", { "prog", "-v", "-o", NULL } },
	{ "ab", { "prog", "-x", "-a", NULL } },
	{ ":ab", { "prog", "-ax", "-b", NULL } },
	{ "ab", { "prog", "-a", "--", "-b", NULL } },
	{ "ab", { "prog", "-", "-a", NULL } },
	{ "ab", { "prog", NULL } },
	{ "ab", { "prog", "file", "-a", NULL } },
	{ "a:", { "prog", "-a", "--", NULL } },
	{ "a:", { "prog", "-a", "-b", NULL } },
	{ "ab", { "prog", "-:", "-a", NULL } },
	{ "n:", { "prog", "-n5", "-n", "6", "--", NULL } },
};

struct step {
	int result;
	const char *optarg;
	int optopt;
	int optind;
};

static int run_ours(const struct command *c, char **argv, int argc, struct step *steps)
{
	int n = 0;
	samsara_optind = 0;
	samsara_opterr = 0;
	do {
		steps[n].result = samsara_getopt(argc, argv, c->optstring);
		steps[n].optarg = samsara_optarg;
		steps[n].optopt = samsara_optopt;
		steps[n].optind = samsara_optind;
	} while (steps[n++].result != -1 && n < 16);
	return n;
}

static int run_host(const struct command *c, char **argv, int argc, struct step *steps)
{
	char optstring[16];
	snprintf(optstring, sizeof(optstring), "+%s", c->optstring);
	int n = 0;
	optind = 0;
	opterr = 0;
	do {
		steps[n].result = getopt(argc, argv, optstring);
		steps[n].optarg = optarg;
		steps[n].optopt = optopt;
		steps[n].optind = optind;
	} while (steps[n++].result != -1 && n < 16);
	return n;
}

static bool same_step(const struct step *a, const struct step *b)
{
	bool error = a->result == '?' || a->result == ':';
	return a->result == b->result && a->optarg == b->optarg && a->optind == b->optind &&
		(!error || a->optopt == b->optopt);
}

static void option_sequences_match_the_host(void)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		char *argv[8];
		int argc = 0;
		for (; commands[i].words[argc]; argc++)
			argv[argc] = (char *)commands[i].words[argc];
		argv[argc] = NULL;
		struct step ours[16], host[16];
		int our_steps = run_ours(&commands[i], argv, argc, ours);
		int host_steps = run_host(&commands[i], argv, argc, host);
		CHECK(our_steps == host_steps);
		for (int s = 0; s < our_steps && s < host_steps; s++) {
			CHECK(same_step(&ours[s], &host[s]));
			if (!same_step(&ours[s], &host[s]))
				printf("# command %zu step %d: ours %d/%d, host %d/%d\n", i, s,
					ours[s].result, ours[s].optind, host[s].result, host[s].optind);
		}
	}
}

static void errors_are_reported_in_glibc_words(void)
{
	char *argv[] = { "ls", "-z", "-o", NULL };
	samsara_optind = 1;
	samsara_opterr = 1;
	messages = 0;
	CHECK(samsara_getopt(3, argv, "o:") == '?' && samsara_optopt == 'z');
	CHECK(strcmp(last_message, "ls: invalid option -- 'z'\n") == 0);
	CHECK(samsara_getopt(3, argv, "o:") == '?' && samsara_optopt == 'o');
	CHECK(strcmp(last_message, "ls: option requires an argument -- 'o'\n") == 0);
	CHECK(samsara_getopt(3, argv, "o:") == -1 && messages == 2);
}

static void silence_comes_from_opterr_or_a_leading_colon(void)
{
	char *argv[] = { "ls", "-z", "-o", NULL };
	messages = 0;
	samsara_optind = 1;
	samsara_opterr = 0;
	CHECK(samsara_getopt(3, argv, "o:") == '?');
	CHECK(samsara_getopt(3, argv, "o:") == '?');
	samsara_optind = 1;
	samsara_opterr = 1;
	CHECK(samsara_getopt(3, argv, ":o:") == '?');
	CHECK(samsara_getopt(3, argv, ":o:") == ':');
	CHECK(messages == 0);
	samsara_opterr = 1;
}

static void optind_one_restarts_after_a_finished_scan(void)
{
	char *argv[] = { "prog", "-a", NULL };
	samsara_optind = 1;
	CHECK(samsara_getopt(2, argv, "a") == 'a' && samsara_getopt(2, argv, "a") == -1);
	samsara_optind = 1;
	CHECK(samsara_getopt(2, argv, "a") == 'a' && samsara_optind == 2);
}

int main(void)
{
	RUN(option_sequences_match_the_host);
	RUN(errors_are_reported_in_glibc_words);
	RUN(silence_comes_from_opterr_or_a_leading_colon);
	RUN(optind_one_restarts_after_a_finished_scan);
	return unit_summary();
}
