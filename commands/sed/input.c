/*
 * sed's input: the lines of its files as one stream, read one line ahead
 * so that "$" knows the last line before it is run. Files that cannot be
 * opened are reported and skipped (status 2); a read error ends sed (4).
 */
#include "sed.h"
#include "../lib/cmd.h"
#include <errno.h>
#include <string.h>

/* Opens the next file that can be opened; 0 when there is none left. */
static int open_next(struct sed_input *input)
{
	while (input->next_file < input->file_count) {
		const char *name = input->files[input->next_file++];
		if (input_open(&input->in, name) == 0) {
			input->open = 1;
			input->name = name;
			return 1;
		}
		cmd_error("can't read %s: %s", name, strerror(errno));
		input->status = 2;
	}
	return 0;
}

/* Reads the line after the current one into input->ahead. */
static void fetch(struct sed_input *input)
{
	char *line;
	input->have_ahead = 0;
	while (input->open || open_next(input)) {
		ssize_t len = input_line(&input->in, &line);
		if (len > 0) {
			int newline = line[len - 1] == '\n';
			space_set(&input->ahead, line, (size_t)len - (size_t)newline);
			input->ahead.chomped = newline;
			input->have_ahead = 1;
			return;
		}
		if (len < 0) {
			cmd_error("read error on %s: %s", input->name, strerror(input->in.error));
			cmd_exit(4);
		}
		input_close(&input->in);
		input->open = 0;
	}
}

void sed_input_start(struct sed_input *input, char **files, size_t count)
{
	input->files = files;
	input->file_count = count;
	input->next_file = 0;
	input->open = 0;
	input->line_number = 0;
	fetch(input);
}

int sed_input_read(struct sed_input *input, struct space *space)
{
	if (!input->have_ahead)
		return 0;
	space_set(space, input->ahead.text, input->ahead.len);
	space->chomped = input->ahead.chomped;
	input->line_number++;
	fetch(input);
	return 1;
}

int sed_input_at_last(const struct sed_input *input)
{
	return !input->have_ahead;
}

void sed_input_stop(struct sed_input *input)
{
	if (input->open)
		input_close(&input->in);
	input->open = 0;
	input->have_ahead = 0;
}
