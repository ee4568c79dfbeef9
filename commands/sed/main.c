/*
 * sed: a stream editor (see sed.h for the parts). Options: -n (no
 * automatic printing), -e SCRIPT and -f FILE (several, in order), -E or -r
 * (extended regular expressions), -s (files as separate streams), -i[SUFFIX]
 * (edit files in place, keeping a backup with SUFFIX). Commands: s y d D p
 * P n N g G h H x l = a i c r w q Q b t T z F v : { } and "#" comments, with
 * addresses N, $, /re/, \cREc, first~step, ranges addr1,addr2 (addr2 also
 * +N or ~N, addr1 also 0 before /re/) and "!". Exit status 0, 1 for a bad
 * script, 2 when an input file could not be read, 4 on an I/O error, or the
 * status given to q or Q.
 */
#include "sed.h"
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "sed [-nErs] [-i[suffix]] {script | -e script... | -f file...} [file...]"

static struct script_source *sources;
static size_t source_count;
static int expressions;

static void add_source(const char *text, size_t len, const char *file)
{
	sources = cmd_realloc(sources, (source_count + 1) * sizeof(*sources));
	struct script_source *s = &sources[source_count++];
	s->text = text;
	s->len = len;
	s->file = file;
	s->expression = file ? 0 : ++expressions;
}

static void add_script_file(const char *path)
{
	char *data;
	size_t len;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0 || read_all(fd, &data, &len) < 0) {
		cmd_error("couldn't open file %s: %s", path, strerror(errno));
		cmd_exit(4);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (len > 0 && data[len - 1] == '\n')
		len--;  /* the last line's newline ends nothing but the file */
	add_source(data, len, path);
}

/* -i's suffix is the rest of its word: "-i.bak", not "-i .bak". */
static const char *take_suffix(struct options *opts, char **argv)
{
	if (opts->position == 0)
		return NULL;
	const char *suffix = argv[opts->index] + opts->position;
	opts->index++;
	opts->position = 0;
	return suffix;
}

static void parse_options(int argc, char **argv, struct options *opts, struct sed_settings *settings)
{
	int option;
	options_init(opts);
	while ((option = options_next(opts, argc, argv, "nEre:f:si")) != -1) {
		switch (option) {
		case 'n': settings->quiet = 1; break;
		case 'E': case 'r': settings->extended = 1; break;
		case 'e': add_source(opts->arg, strlen(opts->arg), NULL); break;
		case 'f': add_script_file(opts->arg); break;
		case 's': settings->separate = 1; break;
		case 'i':
			settings->in_place = settings->separate = 1;
			settings->suffix = take_suffix(opts, argv);
			break;
		default: cmd_usage(1, USAGE);
		}
	}
}

int main(int argc, char **argv)
{
	struct sed_settings settings = { 0 };
	struct script script = { 0 };
	struct options opts;
	cmd_init("sed");
	parse_options(argc, argv, &opts, &settings);
	if (source_count == 0) {
		if (opts.index == argc)
			cmd_usage(1, USAGE);
		const char *text = argv[opts.index++];
		add_source(text, strlen(text), NULL);
	}
	script.extended = settings.extended;
	for (size_t i = 0; i < source_count; i++)
		sed_compile(&script, &sources[i]);
	sed_compile_finish(&script);
	settings.quiet |= script.quiet_hint;
	if (settings.in_place && opts.index == argc) {
		cmd_error("no input files");
		cmd_exit(1);
	}
	cmd_exit(sed_run(&script, &settings, argv + opts.index));
}
