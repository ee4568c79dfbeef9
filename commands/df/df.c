/*
 * df: the size, use and free space of file systems (from statvfs), in
 * 1024-byte blocks or with -h as 12G; the file systems that hold the
 * operands, or all mounted ones (without the pseudo and empty ones, or
 * the same one twice, unless -a). -T adds the type, -t TYPE and -x TYPE
 * pick by type. Columns are as wide as their widest cell, as GNU's.
 *
 * Differs from GNU: no -i, -P, -l, --output or --total; a file's mount is
 * found from its absolute path without resolving symbolic links.
 */
#include "../lib/cmd.h"
#include "../lib/size.h"
#include "mounts.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

#define USAGE "df [-ahkT] [-t type] [-x type] [file...]"
#define MAX_TYPES 16
#define COLUMNS 7

enum column { SOURCE, TYPE, SIZE, USED, AVAIL, PERCENT, TARGET };

struct df_options {
	int all, human, show_type;
	const char *only[MAX_TYPES], *except[MAX_TYPES];  /* -t and -x */
	int only_count, except_count;
};

/* The cells of the output, a row per file system, header first. */
struct table {
	char *(*rows)[COLUMNS];
	size_t count;
};

static struct df_options options;
static struct table table;

static void add_row(const char *cells[COLUMNS])
{
	table.rows = cmd_realloc(table.rows, (table.count + 1) * sizeof(*table.rows));
	for (int c = 0; c < COLUMNS; c++)
		table.rows[table.count][c] = cmd_strdup(cells[c]);
	table.count++;
}

/* Blocks of frsize bytes as a cell: 1K blocks rounded up, or -h. */
static void size_cell(unsigned long long blocks, unsigned long long frsize, char text[HUMAN_SIZE])
{
	unsigned long long bytes = blocks * frsize;
	if (options.human)
		human_size(bytes, text);
	else
		snprintf(text, HUMAN_SIZE, "%llu", divide_up(bytes, 1024));
}

static void add_file_system(const char *device, const char *dir, const char *type, const struct statvfs *fs)
{
	char size[HUMAN_SIZE], used[HUMAN_SIZE], avail[HUMAN_SIZE], percent[8] = "-";
	unsigned long long frsize = fs->f_frsize ? fs->f_frsize : fs->f_bsize;
	unsigned long long used_blocks = fs->f_blocks - fs->f_bfree;
	size_cell(fs->f_blocks, frsize, size);
	size_cell(used_blocks, frsize, used);
	size_cell(fs->f_bavail, frsize, avail);
	if (used_blocks + fs->f_bavail > 0)
		snprintf(percent, sizeof(percent), "%llu%%", divide_up(used_blocks * 100, used_blocks + fs->f_bavail));
	const char *cells[COLUMNS] = { device, type, size, used, avail, percent, dir };
	add_row(cells);
}

static void put_table(void)
{
	size_t widths[COLUMNS] = { 14, 4, 5, 5, 5, 4, 0 };  /* GNU's least widths */
	for (size_t r = 0; r < table.count; r++)
		for (int c = 0; c < COLUMNS; c++)
			if (strlen(table.rows[r][c]) > widths[c])
				widths[c] = strlen(table.rows[r][c]);
	for (size_t r = 0; r < table.count; r++) {
		for (int c = 0; c < COLUMNS; c++) {
			if (c == TYPE && !options.show_type)
				continue;
			const char *cell = table.rows[r][c];
			if (c != SOURCE)
				out_char(' ');
			if (c == TARGET)
				out_str(cell);
			else
				out_format(c == SOURCE || c == TYPE ? "%-*s" : "%*s", (int)widths[c], cell);
		}
		out_char('\n');
		for (int c = 0; c < COLUMNS; c++)
			free(table.rows[r][c]);
	}
	free(table.rows);
}

static int type_listed(const char *type, const char *const *types, int count)
{
	for (int i = 0; i < count; i++)
		if (strcmp(types[i], type) == 0)
			return 1;
	return 0;
}

static int type_wanted(const char *type)
{
	if (options.only_count && !type_listed(type, options.only, options.only_count))
		return 0;
	return !type_listed(type, options.except, options.except_count);
}

/* The file system of one operand; 0, or 1 after an error. */
static int show_operand(const struct mount_table *mounts, const char *path)
{
	struct stat st;
	struct statvfs fs;
	if (stat(path, &st) < 0 || statvfs(path, &fs) < 0) {
		cmd_error("%s: %s", quoted(path), strerror(errno));
		return 1;
	}
	const struct mount *m = mounts_find(mounts, path, &st);
	if (type_wanted(m ? m->type : "-"))
		add_file_system(m ? m->device : "-", m ? m->dir : "-", m ? m->type : "-", &fs);
	return 0;
}

/* One slot of the listing per file system: which mount entry it shows. */
struct listing {
	size_t *entry;      /* mount entry shown in each slot */
	dev_t *device;      /* of each slot */
	size_t count;
};

/*
 * Puts entry index in the listing unless an earlier slot has the same
 * device: then, as GNU, the entry with a real device name ('/') or the
 * one nearer the root takes that slot.
 */
static void list_entry(const struct mount_table *mounts, struct listing *l, size_t index, dev_t device)
{
	for (size_t i = 0; i < l->count && !options.all; i++) {
		if (l->device[i] != device)
			continue;
		const struct mount *old = &mounts->mounts[l->entry[i]], *new = &mounts->mounts[index];
		if ((strchr(new->device, '/') && !strchr(old->device, '/')) || strlen(old->dir) > strlen(new->dir))
			l->entry[i] = index;
		return;
	}
	l->entry[l->count] = index;
	l->device[l->count++] = device;
}

/* Every mounted file system but the pseudo, empty and repeated ones (unless -a). */
static void show_all(const struct mount_table *mounts)
{
	struct listing l = { cmd_malloc((mounts->count + 1) * sizeof(size_t)),
		cmd_malloc((mounts->count + 1) * sizeof(dev_t)), 0 };
	struct statvfs *stats = cmd_malloc((mounts->count + 1) * sizeof(*stats));
	for (size_t i = 0; i < mounts->count; i++) {
		const struct mount *m = &mounts->mounts[i];
		struct stat st;
		if (type_wanted(m->type) && (options.all || !mount_is_dummy(m)) &&
		    stat(m->dir, &st) == 0 && statvfs(m->dir, &stats[i]) == 0 &&
		    (options.all || stats[i].f_blocks > 0))
			list_entry(mounts, &l, i, st.st_dev);
	}
	for (size_t i = 0; i < l.count; i++) {
		const struct mount *m = &mounts->mounts[l.entry[i]];
		add_file_system(m->device, m->dir, m->type, &stats[l.entry[i]]);
	}
	free(l.entry);
	free(l.device);
	free(stats);
}

static void add_type(const char **types, int *count, const char *type)
{
	if (*count == MAX_TYPES) {
		cmd_error("too many types");
		cmd_exit(1);
	}
	types[(*count)++] = type;
}

static int parse_options(int argc, char **argv)
{
	struct options opts;
	int option;
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "ahkTt:x:")) != -1) {
		switch (option) {
		case 'a': options.all = 1; break;
		case 'h': options.human = 1; break;
		case 'k': options.human = 0; break;
		case 'T': options.show_type = 1; break;
		case 't': add_type(options.only, &options.only_count, opts.arg); break;
		case 'x': add_type(options.except, &options.except_count, opts.arg); break;
		default: cmd_usage(1, USAGE);
		}
	}
	for (int i = 0; i < options.only_count; i++) {
		if (type_listed(options.only[i], options.except, options.except_count)) {
			cmd_error("file system type '%s' both selected and excluded", options.only[i]);
			cmd_exit(1);
		}
	}
	return opts.index;
}

int main(int argc, char **argv)
{
	struct mount_table mounts;
	int status = 0;
	cmd_init("df");
	int first = parse_options(argc, argv);
	const char *header[COLUMNS] = { "Filesystem", "Type", options.human ? "Size" : "1K-blocks", "Used",
		options.human ? "Avail" : "Available", "Use%", "Mounted on" };
	add_row(header);
	mounts_read(&mounts);
	if (first == argc)
		show_all(&mounts);
	for (int i = first; i < argc; i++)
		status |= show_operand(&mounts, argv[i]);
	mounts_free(&mounts);
	if (table.count == 1) {  /* the header alone */
		if (!status)
			cmd_error("no file systems processed");
		cmd_exit(1);
	}
	put_table();
	cmd_exit(status);
}
