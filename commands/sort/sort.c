/*
 * sort: sort lines of text files (all held in memory). -n compares
 * numbers, -r reverses, -u prints one line of each run of equal keys, -f
 * folds case, -b ignores leading blanks, -t C separates fields, -k POS1[,POS2]
 * selects keys (repeatable, with their own n r f b letters), -s keeps
 * lines with equal keys in input order (otherwise, as in GNU, whole lines
 * break ties), -o FILE writes the result there (may be an input), -c checks.
 */
#include "../lib/cmd.h"
#include "sort.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "sort [-bcfnrsu] [-k pos1[,pos2]]... [-t char] [-o file] [file...]"

struct line_array {
	struct line *lines;
	size_t count, cap;
};

static struct sort_config config;

static void add_line(struct line_array *array, const char *text, size_t len)
{
	if (array->count == array->cap) {
		array->cap = array->cap ? array->cap * 2 : 1024;
		array->lines = cmd_realloc(array->lines, array->cap * sizeof(*array->lines));
	}
	array->lines[array->count].text = text;
	array->lines[array->count].len = len;
	array->count++;
}

/* Reads a file and splits it into lines; the data stays allocated. */
static int read_lines(const char *name, struct line_array *array)
{
	char *data;
	size_t len;
	int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
	if (fd < 0 || read_all(fd, &data, &len) < 0) {
		cmd_error("cannot read: %s: %s", name, strerror(errno));
		if (fd > STDIN_FILENO)
			close(fd);
		return -1;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	for (size_t start = 0; start < len;) {
		const char *newline = memchr(data + start, '\n', len - start);
		size_t end = newline ? (size_t)(newline - data) : len;
		add_line(array, data + start, end - start);
		start = end + 1;
	}
	return 0;
}

static int line_order(const struct line *a, const struct line *b)
{
	return compare_lines(&config, a, b, 1);
}

/* A stable merge sort of lines[0..n) using scratch of the same size. */
static void merge_sort(struct line *lines, struct line *scratch, size_t n)
{
	if (n < 2)
		return;
	size_t half = n / 2;
	merge_sort(lines, scratch, half);
	merge_sort(lines + half, scratch, n - half);
	if (line_order(&lines[half - 1], &lines[half]) <= 0)
		return;
	size_t i = 0, j = half, k = 0;
	while (i < half && j < n)
		scratch[k++] = line_order(&lines[j], &lines[i]) < 0 ? lines[j++] : lines[i++];
	while (i < half)
		scratch[k++] = lines[i++];
	memcpy(lines, scratch, k * sizeof(*lines));
}

static void put_lines(const struct line_array *array)
{
	for (size_t i = 0; i < array->count; i++) {
		const struct line *l = &array->lines[i];
		if (config.unique && i > 0 && compare_lines(&config, &array->lines[i - 1], l, 0) == 0)
			continue;
		out_write(l->text, l->len);
		out_char('\n');
	}
}

/* -c: reports the first line out of order; status 1 if there is one. */
static int check_order(const struct line_array *array, const char *name)
{
	for (size_t i = 1; i < array->count; i++) {
		int c = compare_lines(&config, &array->lines[i - 1], &array->lines[i], 1);
		if (c > 0 || (c == 0 && config.unique)) {
			const struct line *l = &array->lines[i];
			cmd_error("%s:%zu: disorder: %.*s", name, i + 1, (int)l->len, l->text);
			return 1;
		}
	}
	return 0;
}

static void add_key(const char *text)
{
	config.keys = cmd_realloc(config.keys, (config.key_count + 1) * sizeof(*config.keys));
	if (parse_key(text, &config.keys[config.key_count]) < 0) {
		cmd_error("invalid key specification '%s'", text);
		cmd_usage(2, USAGE);
	}
	config.key_count++;
}

/* Keys without ordering letters of their own take the global ones. */
static void inherit_global_options(void)
{
	for (size_t i = 0; i < config.key_count; i++) {
		struct key *k = &config.keys[i];
		if (k->numeric || k->reverse || k->fold || k->skip_start_blanks || k->skip_end_blanks)
			continue;
		k->numeric = config.global.numeric;
		k->reverse = config.global.reverse;
		k->fold = config.global.fold;
		k->skip_start_blanks = k->skip_end_blanks = config.global.skip_start_blanks;
	}
}

static void set_tab(const char *arg)
{
	if (strlen(arg) != 1) {
		cmd_error("multi-character tab '%s'", arg);
		cmd_exit(2);
	}
	config.tab = (unsigned char)arg[0];
}

static int parse_options(int argc, char **argv, const char **output, int *check)
{
	struct options opts;
	int option;
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "bcfk:no:rst:u")) != -1) {
		switch (option) {
		case 'b': config.global.skip_start_blanks = 1; break;
		case 'c': *check = 1; break;
		case 'f': config.global.fold = 1; break;
		case 'k': add_key(opts.arg); break;
		case 'n': config.global.numeric = 1; break;
		case 'o': *output = opts.arg; break;
		case 'r': config.global.reverse = 1; break;
		case 's': config.stable = 1; break;
		case 't': set_tab(opts.arg); break;
		case 'u': config.unique = 1; break;
		default: cmd_usage(2, USAGE);
		}
	}
	return opts.index;
}

static void redirect_output(const char *name)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		cmd_error("open failed: %s: %s", name, strerror(errno));
		cmd_exit(2);
	}
	close(fd);
}

int main(int argc, char **argv)
{
	struct line_array array = { NULL, 0, 0 };
	const char *output = NULL;
	int check = 0;
	cmd_init("sort");
	config.tab = -1;
	config.global.start_field = config.global.start_char = 1;
	int index = parse_options(argc, argv, &output, &check);
	inherit_global_options();
	if (index == argc && read_lines("-", &array) < 0)
		cmd_exit(2);
	for (int i = index; i < argc; i++)
		if (read_lines(argv[i], &array) < 0)
			cmd_exit(2);
	if (check)
		cmd_exit(check_order(&array, index < argc ? argv[index] : "-"));
	struct line *scratch = cmd_malloc(array.count * sizeof(*scratch));
	merge_sort(array.lines, scratch, array.count);
	free(scratch);
	if (output)
		redirect_output(output);
	put_lines(&array);
	cmd_exit(0);
}
