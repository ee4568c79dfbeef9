/*
 * diff: compare two files line by line (see diff.h). Options: -u (unified
 * output with 3 lines of context), -U N (N lines), -q (only say whether
 * they differ). A directory operand beside a file stands for the file of
 * the same name in it; "-" is standard input. Exit status 0 when the files
 * are the same, 1 when they differ, 2 on trouble.
 */
#include "diff.h"
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "diff [-q] [-u | -U lines] file1 file2"

enum diff_format { FORMAT_NORMAL, FORMAT_UNIFIED, FORMAT_BRIEF };

struct diff_options {
	enum diff_format format;
	long context;
};

/* Reads a file whole; 0, or 2 after a message. */
static int load(struct diff_file *file)
{
	int fd = strcmp(file->name, "-") == 0 ? STDIN_FILENO : open(file->name, O_RDONLY);
	if (fd < 0 || fstat(fd, &file->st) < 0 || read_all(fd, &file->data, &file->size) < 0) {
		cmd_error_errno(file->name, errno);
		return 2;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
}

/* Splits the data into lines, each with its newline. */
static void split_lines(struct diff_file *file)
{
	long cap = 64;
	file->lines = cmd_malloc((size_t)cap * sizeof(*file->lines));
	file->count = 0;
	for (size_t pos = 0; pos < file->size; ) {
		const char *newline = memchr(file->data + pos, '\n', file->size - pos);
		size_t end = newline ? (size_t)(newline - file->data) + 1 : file->size;
		if (file->count == cap) {
			cap *= 2;
			file->lines = cmd_realloc(file->lines, (size_t)cap * sizeof(*file->lines));
		}
		file->lines[file->count++] = (struct diff_line){ file->data + pos, end - pos };
		pos = end;
	}
}

/* "diff file dir" compares file with dir/file (and the other way round). */
static char *resolve_operand(const char *name, const char *other)
{
	struct stat st, other_st;
	if (strcmp(name, "-") == 0 || stat(name, &st) < 0 || !S_ISDIR(st.st_mode))
		return cmd_strdup(name);
	if (strcmp(other, "-") == 0 || (stat(other, &other_st) == 0 && S_ISDIR(other_st.st_mode)))
		return cmd_strdup(name);
	char *base = path_base(other);
	char *joined = path_join(name, base);
	free(base);
	return joined;
}

static long parse_context(const char *text)
{
	long long value;
	if (parse_count(text, &value) < 0 || *text == '+') {
		cmd_error("invalid context length '%s'", text);
		cmd_usage(2, USAGE);
	}
	return (long)value;
}

static void parse_options(int argc, char **argv, struct options *opts, struct diff_options *d)
{
	int option;
	options_init(opts);
	while ((option = options_next(opts, argc, argv, "quU:")) != -1) {
		switch (option) {
		case 'q': d->format = FORMAT_BRIEF; break;
		case 'u': d->format = FORMAT_UNIFIED; break;
		case 'U': d->format = FORMAT_UNIFIED, d->context = parse_context(opts->arg); break;
		default: cmd_usage(2, USAGE);
		}
	}
	if (argc - opts->index != 2) {
		if (argc - opts->index < 2)
			cmd_error("missing operand after '%s'", argc == opts->index ? cmd_name : argv[argc - 1]);
		else
			cmd_error("extra operand '%s'", argv[opts->index + 2]);
		cmd_usage(2, USAGE);
	}
}

static int same_contents(const struct diff_file files[2])
{
	return files[0].size == files[1].size && memcmp(files[0].data, files[1].data, files[0].size) == 0;
}

static int is_binary(const struct diff_file *file)
{
	return memchr(file->data, '\0', file->size) != NULL;
}

int main(int argc, char **argv)
{
	struct diff_options d = { FORMAT_NORMAL, 3 };
	struct diff_file files[2];
	struct options opts;
	cmd_init("diff");
	parse_options(argc, argv, &opts, &d);
	memset(files, 0, sizeof(files));
	for (int f = 0; f < 2; f++)
		files[f].name = resolve_operand(argv[opts.index + f], argv[opts.index + 1 - f]);
	if (load(&files[0]) | load(&files[1]))
		cmd_exit(2);
	if (same_contents(files))
		cmd_exit(0);
	if (d.format == FORMAT_BRIEF || is_binary(&files[0]) || is_binary(&files[1])) {
		out_format("%s %s and %s differ\n", d.format == FORMAT_BRIEF ? "Files" : "Binary files",
			files[0].name, files[1].name);
		cmd_exit(1);
	}
	split_lines(&files[0]);
	split_lines(&files[1]);
	struct change *script = diff_analyze(files, d.format == FORMAT_UNIFIED ? d.context : 0);
	if (d.format == FORMAT_UNIFIED)
		print_unified(files, script, d.context);
	else
		print_normal(files, script);
	cmd_exit(1);
}
