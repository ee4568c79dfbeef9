/*
 * diff: compare two files line by line. analyze.c finds a shortest edit
 * script (Myers' O(ND) algorithm, linear space, as GNU diff does, with its
 * discarding of lines that match nothing and its sliding of changes to the
 * same boundaries) and output.c prints it in normal or unified format.
 */
#pragma once
#include <stddef.h>
#include <sys/stat.h>

struct diff_line {
	const char *text;
	size_t len;            /* with its '\n', which the last line may lack */
};

struct diff_file {
	const char *name;      /* as the operand named it */
	struct stat st;
	char *data;
	size_t size;
	struct diff_line *lines;
	long count;
	long *equivs;          /* the class of each line: equal lines, equal class */
	char *changed;         /* per line, set when it is not in the common part
	                          (analyze.c; [-2], [-1], [count], [count+1] stay 0) */
};

/* One group of changed lines: deleted from file 0, inserted in file 1. */
struct change {
	long line0, line1;     /* first line (0-based) in each file */
	long deleted, inserted;
	struct change *next;
};

/* --- analyze.c --- */
/*
 * Returns the changes in order. horizon: how many identical lines around
 * the changes may take part (the context of the output).
 */
struct change *diff_analyze(struct diff_file files[2], long horizon);

/* --- output.c --- */
void print_normal(const struct diff_file files[2], const struct change *script);
void print_unified(const struct diff_file files[2], const struct change *script, long context);
