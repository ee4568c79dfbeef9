/* Parsing of head's and tail's counts: -n N, -c N and the old -N form. */
#pragma once

struct count_option {
	long long value;
	int bytes;       /* -c rather than -n */
	int from_start;  /* tail: "+N" counts from the start */
	int negative;    /* head: "-N" means all but the last N */
	int follow;      /* tail -f */
};

/*
 * Parses the options of head or tail ("cnqv", and "f" if allow_follow);
 * returns the index of the first operand. quiet/verbose report -q and -v.
 */
int parse_count_options(int argc, char **argv, struct count_option *count,
	int *quiet, int *verbose, int allow_follow, const char *usage);
