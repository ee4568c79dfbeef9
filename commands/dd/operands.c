/*
 * dd's operands, NAME=VALUE each: the files, the block sizes, the counts
 * (with size suffixes, see size.h) and the conv= and status= words.
 * Errors are worded as GNU words them.
 */
#include "../lib/cmd.h"
#include "../lib/size.h"
#include "dd.h"
#include <stddef.h>
#include <string.h>

static void invalid_number(const char *text)
{
	cmd_error("invalid number: '%s'", text);
	cmd_exit(1);
}

static unsigned long long block_size(const char *text)
{
	unsigned long long value;
	if (parse_size(text, &value) < 0 || value == 0 || value > 0x7fffffff)
		invalid_number(text);
	return value;
}

static struct dd_amount amount(const char *text)
{
	struct dd_amount result;
	if (parse_size(text, &result.value) < 0)
		invalid_number(text);
	result.bytes = strchr(text, 'B') != NULL;
	return result;
}

/* Sets the flag named by word; -1 for a word conv= does not know. */
static int conversion(struct dd_settings *s, const char *word, size_t len)
{
	static const struct { const char *name; size_t offset; } table[] = {
		{ "notrunc", offsetof(struct dd_settings, notrunc) },
		{ "sync", offsetof(struct dd_settings, sync) },
		{ "noerror", offsetof(struct dd_settings, noerror) },
		{ "excl", offsetof(struct dd_settings, excl) },
		{ "nocreat", offsetof(struct dd_settings, nocreat) },
	};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strlen(table[i].name) == len && strncmp(table[i].name, word, len) == 0) {
			*(int *)((char *)s + table[i].offset) = 1;
			return 0;
		}
	}
	return -1;
}

static void conversions(struct dd_settings *s, const char *list)
{
	for (const char *word = list;;) {
		size_t len = strcspn(word, ",");
		if (conversion(s, word, len) < 0) {
			cmd_error("invalid conversion: '%.*s'", (int)len, word);
			cmd_usage(1, DD_USAGE);
		}
		if (!word[len])
			break;
		word += len + 1;
	}
}

static void status_level(struct dd_settings *s, const char *word)
{
	if (strcmp(word, "none") == 0)
		s->status = STATUS_NONE;
	else if (strcmp(word, "noxfer") == 0)
		s->status = STATUS_NOXFER;
	else if (strcmp(word, "progress") == 0)
		s->status = STATUS_DEFAULT;
	else {
		cmd_error("invalid status level: '%s'", word);
		cmd_usage(1, DD_USAGE);
	}
}

/* One NAME=VALUE operand; -1 if NAME is not one of dd's. bs= goes to *both. */
static int operand(struct dd_settings *s, const char *name, size_t len, const char *value,
	unsigned long long *both)
{
#define IS(word) (len == sizeof(word) - 1 && strncmp(name, word, len) == 0)
	if (IS("if"))
		s->input = value;
	else if (IS("of"))
		s->output = value;
	else if (IS("bs"))
		*both = block_size(value);
	else if (IS("ibs"))
		s->input_block = block_size(value);
	else if (IS("obs"))
		s->output_block = block_size(value);
	else if (IS("count"))
		s->count = amount(value), s->count_set = 1;
	else if (IS("skip") || IS("iseek"))
		s->skip = amount(value);
	else if (IS("seek") || IS("oseek"))
		s->seek = amount(value);
	else if (IS("conv"))
		conversions(s, value);
	else if (IS("status"))
		status_level(s, value);
	else
		return -1;
	return 0;
#undef IS
}

void dd_parse_operands(int argc, char **argv, struct dd_settings *s)
{
	struct options opts;
	memset(s, 0, sizeof(*s));
	s->input_block = s->output_block = 512;
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, DD_USAGE);
	unsigned long long both = 0;
	for (int i = opts.index; i < argc; i++) {
		const char *equals = strchr(argv[i], '=');
		if (!equals || operand(s, argv[i], (size_t)(equals - argv[i]), equals + 1, &both) < 0) {
			cmd_error("unrecognized operand '%s'", argv[i]);
			cmd_usage(1, DD_USAGE);
		}
	}
	if (both) {  /* bs= wins over ibs= and obs=, wherever it stands */
		s->input_block = s->output_block = both;
		s->whole_blocks = 1;
	}
}
