/*
 * du: the disk space files use, from st_blocks, in 1024-byte blocks
 * rounded up (or -h: 4.0K, 12M). Each directory's line comes after those
 * of its contents; -a adds files, -s keeps only the operands, -d N the
 * lines at most N levels down, -c adds a total, -x stays on the
 * operand's file system. A file with several links counts once, and with
 * several operands anything met twice counts once. Symbolic links are
 * not followed.
 *
 * Differs from GNU: no --apparent-size, -b, -L, --exclude or --time.
 */
#include "../lib/cmd.h"
#include "../lib/size.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define USAGE "du [-achksx] [-d depth] [file...]"

struct du_options {
	int all;           /* -a: a line for every file too */
	int human;         /* -h */
	int total;         /* -c */
	int one_file_system;  /* -x */
	long max_depth;    /* -d, -s (0); -1: no limit */
};

/* A file already counted: device and inode. */
struct file_id {
	dev_t dev;
	ino_t ino;
};

/* The files already counted, as an open-addressing hash set. */
struct seen_set {
	struct file_id *slots;
	unsigned char *used;
	size_t size, count;
};

/* The walk below one operand. */
struct du_walk {
	const struct du_options *options;
	struct seen_set *seen;
	int remember_all;     /* several operands: anything met twice counts once */
	dev_t device;         /* the operand's, for -x */
};

/* What a directory's entries add up to, passed through for_each_entry. */
struct du_sum {
	struct du_walk *walk;
	int depth;
	unsigned long long bytes;
};

static size_t slot_of(const struct seen_set *set, struct file_id id)
{
	unsigned long long hash = ((unsigned long long)id.dev * 0x9e3779b97f4a7c15ULL) ^ (unsigned long long)id.ino;
	return (size_t)(hash * 0x9e3779b97f4a7c15ULL >> 17) & (set->size - 1);
}

static void seen_grow(struct seen_set *set);

/* Adds id; 0 if it was new, 1 if it was there already. */
static int seen_add(struct seen_set *set, struct file_id id)
{
	if (set->count * 2 >= set->size)
		seen_grow(set);
	size_t i = slot_of(set, id);
	for (; set->used[i]; i = (i + 1) & (set->size - 1))
		if (set->slots[i].dev == id.dev && set->slots[i].ino == id.ino)
			return 1;
	set->used[i] = 1;
	set->slots[i] = id;
	set->count++;
	return 0;
}

static void seen_grow(struct seen_set *set)
{
	struct seen_set bigger = { NULL, NULL, set->size ? set->size * 2 : 256, 0 };
	bigger.slots = cmd_malloc(bigger.size * sizeof(*bigger.slots));
	bigger.used = calloc(bigger.size, 1);
	if (!bigger.used)
		cmd_exit(1);
	for (size_t i = 0; i < set->size; i++)
		if (set->used[i])
			seen_add(&bigger, set->slots[i]);
	free(set->slots);
	free(set->used);
	*set = bigger;
}

static void put_line(const struct du_options *o, unsigned long long bytes, const char *path)
{
	char text[HUMAN_SIZE];
	if (o->human)
		out_str(human_size(bytes, text));
	else
		out_format("%llu", divide_up(bytes, 1024));
	out_format("\t%s\n", path);
}

static unsigned long long du_path(struct du_walk *walk, const char *path, int depth, int *status);

static int du_entry(const char *child, const struct dirent *entry, void *context)
{
	struct du_sum *sum = context;
	int status = 0;
	(void)entry;
	sum->bytes += du_path(sum->walk, child, sum->depth + 1, &status);
	return status;
}

/* Counts path and what is below it, printing the lines it should; its bytes. */
static unsigned long long du_path(struct du_walk *walk, const char *path, int depth, int *status)
{
	const struct du_options *o = walk->options;
	struct stat st;
	if (cmd_lstat(path, &st) < 0) {
		cmd_error("cannot access '%s': %s", path, strerror(errno));
		*status = 1;
		return 0;
	}
	if (depth > 0 && o->one_file_system && st.st_dev != walk->device)
		return 0;
	int remember = walk->remember_all || (!S_ISDIR(st.st_mode) && st.st_nlink > 1);
	if (remember && seen_add(walk->seen, (struct file_id){ st.st_dev, st.st_ino }))
		return 0;
	struct du_sum sum = { walk, depth, (unsigned long long)st.st_blocks * 512 };
	if (S_ISDIR(st.st_mode))
		*status |= for_each_entry(path, "read directory", du_entry, &sum);
	int shown = S_ISDIR(st.st_mode) || o->all || depth == 0;
	if (shown && (o->max_depth < 0 || depth <= o->max_depth))
		put_line(o, sum.bytes, path);
	return sum.bytes;
}

static long parse_depth(const char *text)
{
	long long value;
	if (parse_count(text, &value) < 0 || value > 0x7fffffff) {
		cmd_error("invalid maximum depth '%s'", text);
		cmd_usage(1, USAGE);
	}
	return (long)value;
}

static int parse_options(int argc, char **argv, struct du_options *o)
{
	struct options opts;
	int option, summarize = 0;
	memset(o, 0, sizeof(*o));
	o->max_depth = -1;
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "acd:hksx")) != -1) {
		switch (option) {
		case 'a': o->all = 1; break;
		case 'c': o->total = 1; break;
		case 'd': o->max_depth = parse_depth(opts.arg); break;
		case 'h': o->human = 1; break;
		case 'k': o->human = 0; break;
		case 's': summarize = 1; break;
		case 'x': o->one_file_system = 1; break;
		default: cmd_usage(1, USAGE);
		}
	}
	if (summarize && o->all) {
		cmd_error("cannot both summarize and show all entries");
		cmd_usage(1, USAGE);
	}
	if (summarize && o->max_depth > 0) {
		cmd_error("warning: summarizing conflicts with --max-depth=%ld", o->max_depth);
		cmd_usage(1, USAGE);
	}
	if (summarize)
		o->max_depth = 0;
	return opts.index;
}

int main(int argc, char **argv)
{
	struct du_options o;
	struct seen_set seen = { 0 };
	cmd_init("du");
	int first = parse_options(argc, argv, &o);
	char *here[] = { "." };
	char **operands = first < argc ? argv + first : here;
	int count = first < argc ? argc - first : 1, status = 0;
	unsigned long long total = 0;
	for (int i = 0; i < count; i++) {
		struct du_walk walk = { &o, &seen, count > 1, 0 };
		struct stat st;
		if (stat(operands[i], &st) == 0)
			walk.device = st.st_dev;
		total += du_path(&walk, operands[i], 0, &status);
	}
	if (o.total)
		put_line(&o, total, "total");
	free(seen.slots);
	free(seen.used);
	cmd_exit(status);
}
