/*
 * ls: list directory contents, sorted by name in byte order (the C
 * locale), one name per line. -a shows names starting with '.', -A all but
 * "." and "..", -d lists directories themselves, -R recurses, -1 is the
 * default already, -l gives the long format (mode, links, owner, group,
 * size, "Mon DD HH:MM", name) with "total N" 1 KiB blocks per directory,
 * and -n shows owner and group as numbers. Owner names come from
 * /etc/passwd and /etc/group when they exist.
 *
 * Differs from GNU: without a clock (no time() yet) dates are always
 * written "Mon DD HH:MM", never with the year for old files; no columns.
 */
#include "../lib/cmd.h"
#include "owners.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define USAGE "ls [-1AadlnR] [file...]"

struct ls_options {
	int long_format, all, almost_all, directory, recursive, numeric;
};

struct entry {
	char *name;   /* as shown */
	char *path;   /* to stat and open */
	struct stat st;
};

struct widths {
	int links, owner, group, size;
};

static struct ls_options lo;
static int exit_status;

static void list_directory(const char *path, int header, int *first_section);

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void free_entries(struct entry *entries, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(entries[i].name);
		free(entries[i].path);
	}
	free(entries);
}

static int digits(long long value)
{
	int count = 1;
	while (value >= 10) {
		value /= 10;
		count++;
	}
	return count;
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static void owner_text(char *buf, size_t size, unsigned id, int group)
{
	const char *name = lo.numeric ? NULL : owner_name(id, group);
	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "%u", id);
}

static void measure(const struct entry *entries, size_t count, struct widths *w)
{
	char text[64];
	memset(w, 0, sizeof(*w));
	for (size_t i = 0; i < count; i++) {
		const struct stat *st = &entries[i].st;
		w->links = max_int(w->links, digits(st->st_nlink));
		w->size = max_int(w->size, digits(st->st_size));
		owner_text(text, sizeof(text), st->st_uid, 0);
		w->owner = max_int(w->owner, (int)strlen(text));
		owner_text(text, sizeof(text), st->st_gid, 1);
		w->group = max_int(w->group, (int)strlen(text));
	}
}

static void put_link_target(const struct entry *e)
{
	size_t size = (size_t)e->st.st_size + 1;
	char *target = cmd_malloc(size);
	ssize_t len = readlink(e->path, target, size);
	if (len >= 0 && (size_t)len < size) {
		out_str(" -> ");
		out_write(target, (size_t)len);
	}
	free(target);
}

static void put_long(const struct entry *e, const struct widths *w)
{
	char mode[11], owner[64], group[64], date[32];
	time_t mtime = (time_t)e->st.st_mtime;
	struct tm *tm = localtime(&mtime);
	mode_string(e->st.st_mode, mode);
	owner_text(owner, sizeof(owner), e->st.st_uid, 0);
	owner_text(group, sizeof(group), e->st.st_gid, 1);
	if (!tm || strftime(date, sizeof(date), "%b %e %H:%M", tm) == 0)
		snprintf(date, sizeof(date), "%lld", (long long)mtime);
	out_format("%s %*lu %-*s %-*s %*lld %s ", mode, w->links, (unsigned long)e->st.st_nlink,
		w->owner, owner, w->group, group, w->size, (long long)e->st.st_size, date);
	out_str(e->name);
	if (S_ISLNK(e->st.st_mode))
		put_link_target(e);
	out_char('\n');
}

static void put_entries(const struct entry *entries, size_t count, int total)
{
	struct widths w;
	if (lo.long_format) {
		measure(entries, count, &w);
		if (total) {
			long long blocks = 0;
			for (size_t i = 0; i < count; i++)
				blocks += (entries[i].st.st_blocks + 1) / 2;
			out_format("total %lld\n", blocks);
		}
	}
	for (size_t i = 0; i < count; i++) {
		if (lo.long_format) {
			put_long(&entries[i], &w);
		} else {
			out_str(entries[i].name);
			out_char('\n');
		}
	}
}

static int shown(const char *name)
{
	if (name[0] != '.' || lo.all)
		return 1;
	return lo.almost_all && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/* Reads the shown entries of a directory, sorted; NULL if unreadable. */
static struct entry *read_entries(const char *path, size_t *count)
{
	DIR *dir = opendir(path);
	if (!dir)
		return NULL;
	size_t cap = 16, n = 0;
	struct entry *entries = cmd_malloc(cap * sizeof(*entries));
	struct dirent *d;
	while ((d = readdir(dir)) != NULL) {
		if (!shown(d->d_name))
			continue;
		if (n == cap) {
			cap *= 2;
			entries = cmd_realloc(entries, cap * sizeof(*entries));
		}
		struct entry *e = &entries[n];
		e->name = cmd_strdup(d->d_name);
		e->path = path_join(path, d->d_name);
		if (cmd_lstat(e->path, &e->st) < 0) {
			cmd_error("cannot access '%s': %s", e->path, strerror(errno));
			exit_status = max_int(exit_status, 1);
			memset(&e->st, 0, sizeof(e->st));
		}
		n++;
	}
	closedir(dir);
	qsort(entries, n, sizeof(*entries), compare_entries);
	*count = n;
	return entries;
}

static void recurse(const struct entry *entries, size_t count, int *first_section)
{
	for (size_t i = 0; i < count; i++) {
		const struct entry *e = &entries[i];
		if (!S_ISDIR(e->st.st_mode) || strcmp(e->name, ".") == 0 || strcmp(e->name, "..") == 0)
			continue;
		list_directory(e->path, 1, first_section);
	}
}

static void list_directory(const char *path, int header, int *first_section)
{
	size_t count;
	if (!*first_section)
		out_char('\n');
	*first_section = 0;
	if (header)
		out_format("%s:\n", path);
	struct entry *entries = read_entries(path, &count);
	if (!entries) {
		cmd_error("cannot open directory '%s': %s", path, strerror(errno));
		exit_status = max_int(exit_status, header ? 1 : 2);
		return;
	}
	put_entries(entries, count, 1);
	if (lo.recursive)
		recurse(entries, count, first_section);
	free_entries(entries, count);
}

static void parse_options(int argc, char **argv, struct options *opts)
{
	int option;
	options_init(opts);
	while ((option = options_next(opts, argc, argv, "1AadlnR")) != -1) {
		switch (option) {
		case 'A': lo.almost_all = 1; break;
		case 'a': lo.all = 1; break;
		case 'd': lo.directory = 1; break;
		case 'l': lo.long_format = 1; break;
		case 'n': lo.long_format = lo.numeric = 1; break;
		case 'R': lo.recursive = 1; break;
		case '1': break;
		default: cmd_usage(2, USAGE);
		}
	}
}

/* Splits the operands into files (listed first) and directories. */
static void list_operands(char **names, size_t count)
{
	struct entry *files = cmd_malloc(count * sizeof(*files));
	struct entry *dirs = cmd_malloc(count * sizeof(*dirs));
	size_t file_count = 0, dir_count = 0;
	for (size_t i = 0; i < count; i++) {
		struct stat st;
		if (stat(names[i], &st) < 0 && cmd_lstat(names[i], &st) < 0) {
			cmd_error("cannot access '%s': %s", names[i], strerror(errno));
			exit_status = 2;
			continue;
		}
		int is_dir = S_ISDIR(st.st_mode) && !lo.directory;
		if (!is_dir && lo.long_format)
			cmd_lstat(names[i], &st);
		struct entry *e = is_dir ? &dirs[dir_count++] : &files[file_count++];
		e->name = cmd_strdup(names[i]);
		e->path = cmd_strdup(names[i]);
		e->st = st;
	}
	qsort(files, file_count, sizeof(*files), compare_entries);
	qsort(dirs, dir_count, sizeof(*dirs), compare_entries);
	put_entries(files, file_count, 0);
	int first_section = file_count == 0;
	int headers = count > 1 || lo.recursive;
	for (size_t i = 0; i < dir_count; i++)
		list_directory(dirs[i].path, headers, &first_section);
	free_entries(files, file_count);
	free_entries(dirs, dir_count);
}

int main(int argc, char **argv)
{
	struct options opts;
	cmd_init("ls");
	parse_options(argc, argv, &opts);
	if (opts.index == argc) {
		static char *dot[] = { ".", NULL };
		list_operands(dot, 1);
	} else {
		list_operands(argv + opts.index, (size_t)(argc - opts.index));
	}
	cmd_exit(exit_status);
}
