/*
 * The body of md5sum and sha256sum: hashing with any 64-byte-block
 * algorithm, the "DIGEST  NAME" lines (with GNU's escaping of awkward
 * names and the BSD "--tag" form), and "-c", which reads such lines back
 * and says "NAME: OK" or "NAME: FAILED", with GNU's warnings and statuses.
 */
#include "cmd.h"
#include "checksum.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK 65536
#define USAGE_TAIL "[-bctwz] [--tag] [--quiet] [--status] [--strict] [file...]"

struct checksum_options {
	int binary;      /* -b: mark names with '*' */
	int check;       /* -c: the files are lists to check */
	int tag;         /* --tag: "MD5 (name) = digest" */
	int zero;        /* -z: end lines with NUL, never escape names */
	int quiet;       /* --quiet: no "OK" lines */
	int status;      /* --status: nothing at all, only the exit status */
	int strict;      /* --strict: a malformed line fails the check */
	int warn;        /* -w: name each malformed line */
};

/* A hash being computed: the state and the part of a block not yet taken. */
struct hash {
	const struct digest_algorithm *algorithm;
	uint32_t state[DIGEST_MAX_WORDS];
	unsigned char block[DIGEST_BLOCK];
	size_t used;          /* bytes in block */
	uint64_t length;      /* bytes hashed in all */
};

/* What a list line names: the digest it expects and the file. */
struct listed {
	const char *digest;   /* hexadecimal, of the algorithm's length */
	char *name;
};

static const struct digest_algorithm *algorithm;
static struct checksum_options options;
static unsigned char *read_buffer;

static void hash_start(struct hash *h)
{
	memset(h, 0, sizeof(*h));
	h->algorithm = algorithm;
	memcpy(h->state, algorithm->initial, (size_t)algorithm->words * sizeof(uint32_t));
}

static void hash_add(struct hash *h, const unsigned char *data, size_t len)
{
	h->length += len;
	while (len > 0) {
		size_t take = DIGEST_BLOCK - h->used < len ? DIGEST_BLOCK - h->used : len;
		memcpy(h->block + h->used, data, take);
		h->used += take;
		data += take;
		len -= take;
		if (h->used == DIGEST_BLOCK) {
			h->algorithm->compress(h->state, h->block);
			h->used = 0;
		}
	}
}

/* Pads (0x80, zeros, the length in bits) and writes the digest's bytes. */
static void hash_finish(struct hash *h, unsigned char *digest)
{
	int big = h->algorithm->big_endian;
	uint64_t bits = h->length * 8;
	unsigned char tail[DIGEST_BLOCK + 8] = { 0x80 };
	size_t pad = (h->used < 56 ? 56 : 120) - h->used;
	for (int i = 0; i < 8; i++)
		tail[pad + (size_t)i] = (unsigned char)(bits >> (big ? 56 - 8 * i : 8 * i));
	hash_add(h, tail, pad + 8);
	for (int w = 0; w < h->algorithm->words; w++)
		for (int i = 0; i < 4; i++)
			*digest++ = (unsigned char)(h->state[w] >> (big ? 24 - 8 * i : 8 * i));
}

/* Hashes the file name ("-": standard input) into digest; 0, or errno. */
static int hash_file(const char *name, unsigned char *digest)
{
	int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
	int error = 0;
	struct hash h;
	if (fd < 0)
		return errno;
	hash_start(&h);
	for (;;) {
		ssize_t n = read(fd, read_buffer, READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			error = n < 0 ? errno : 0;
			break;
		}
		hash_add(&h, read_buffer, (size_t)n);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (!error)
		hash_finish(&h, digest);
	return error;
}

static void put_hex(const unsigned char *digest)
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < algorithm->words * 4; i++) {
		out_char(hex[digest[i] >> 4]);
		out_char(hex[digest[i] & 15]);
	}
}

/* A name as GNU writes it after a '\\' that starts the line: \\ \n \r. */
static void put_escaped(const char *name)
{
	for (; *name; name++) {
		if (*name == '\\')
			out_str("\\\\");
		else if (*name == '\n')
			out_str("\\n");
		else if (*name == '\r')
			out_str("\\r");
		else
			out_char(*name);
	}
}

static int print_checksum(const char *name)
{
	unsigned char digest[DIGEST_MAX_WORDS * 4];
	int error = hash_file(name, digest);
	if (error) {
		cmd_error_errno(quoted(name), error);
		return 1;
	}
	int escape = !options.zero && strpbrk(name, "\\\n\r") != NULL;
	if (escape)
		out_char('\\');
	if (options.tag) {
		out_format("%s (", algorithm->name);
		escape ? put_escaped(name) : out_str(name);
		out_str(") = ");
		put_hex(digest);
	} else {
		put_hex(digest);
		out_str(options.binary ? " *" : "  ");
		escape ? put_escaped(name) : out_str(name);
	}
	out_char(options.zero ? '\0' : '\n');
	return 0;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Whether text starts with exactly the digest's number of hex digits. */
static int is_digest_text(const char *text)
{
	int digits = algorithm->words * 8;
	for (int i = 0; i < digits; i++)
		if (!is_hex(text[i]))
			return 0;
	return !is_hex(text[digits]);
}

/* Undoes put_escaped in place; -1 on an escape it never writes. */
static int unescape(char *name)
{
	char *to = name;
	for (const char *from = name; *from; from++) {
		if (*from != '\\') {
			*to++ = *from;
			continue;
		}
		from++;
		if (*from == '\\')
			*to++ = '\\';
		else if (*from == 'n')
			*to++ = '\n';
		else if (*from == 'r')
			*to++ = '\r';
		else
			return -1;
	}
	*to = '\0';
	return 0;
}

/* "MD5 (name) = digest", the name running to the last ')'. */
static int parse_tagged(char *text, struct listed *out)
{
	size_t name_len = strlen(algorithm->name);
	if (strncmp(text, algorithm->name, name_len) != 0 || strncmp(text + name_len, " (", 2) != 0)
		return -1;
	char *name = text + name_len + 2;
	char *close = strrchr(name, ')');
	if (!close)
		return -1;
	*close = '\0';
	char *rest = close + 1;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest++ != '=')
		return -1;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (!is_digest_text(rest) || rest[algorithm->words * 8] != '\0')
		return -1;
	out->digest = rest;
	out->name = name;
	return 0;
}

/* How the lines of a list put the name after the digest: GNU does not let them mix. */
enum layout { LAYOUT_UNKNOWN, LAYOUT_MARKED, LAYOUT_ONE_SPACE };

/*
 * "digest  name" or "digest *name" (a marker after the space), or "digest
 * name" (just one space); text is one line without '\n'.
 */
static int parse_line(char *text, enum layout *layout, struct listed *out)
{
	while (*text == ' ' || *text == '\t')
		text++;
	int escaped = *text == '\\';
	text += escaped;
	if (parse_tagged(text, out) < 0) {
		int digits = algorithm->words * 8;
		if (!is_digest_text(text) || (text[digits] != ' ' && text[digits] != '\t'))
			return -1;
		text[digits] = '\0';
		out->digest = text;
		out->name = text + digits + 1;
		int marked = (out->name[0] == ' ' || out->name[0] == '*') && out->name[1] != '\0';
		if (!marked && *layout == LAYOUT_MARKED)
			return -1;
		if (!marked)
			*layout = LAYOUT_ONE_SPACE;
		else if (*layout != LAYOUT_ONE_SPACE)
			*layout = LAYOUT_MARKED, out->name++;
	}
	return escaped ? unescape(out->name) : 0;
}

static int same_digest(const unsigned char *digest, const char *text)
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < algorithm->words * 4; i++) {
		char high = text[2 * i] | 0x20, low = text[2 * i + 1] | 0x20;  /* lower case */
		if (high != hex[digest[i] >> 4] || low != hex[digest[i] & 15])
			return 0;
	}
	return 1;
}

/* The counts of one list, for the warnings at its end, and its layout. */
struct check_counts {
	long lines, formatted, misformatted, unreadable, mismatched;
	enum layout layout;
};

static void put_check_result(const char *name, const char *result)
{
	if (strchr(name, '\n')) {
		out_char('\\');
		put_escaped(name);
	} else {
		out_str(name);
	}
	out_format(": %s\n", result);
}

/* Checks one listed file against its digest and counts the outcome. */
static void check_one(const struct listed *entry, struct check_counts *counts)
{
	unsigned char digest[DIGEST_MAX_WORDS * 4];
	int error = hash_file(entry->name, digest);
	counts->formatted++;
	if (error) {
		counts->unreadable++;
		cmd_error_errno(quoted(entry->name), error);
		if (!options.status)
			put_check_result(entry->name, "FAILED open or read");
	} else if (!same_digest(digest, entry->digest)) {
		counts->mismatched++;
		if (!options.status)
			put_check_result(entry->name, "FAILED");
	} else if (!options.status && !options.quiet) {
		put_check_result(entry->name, "OK");
	}
}

/* "WARNING: 1 line is ..." or "WARNING: 2 lines are ...", unless count is 0. */
static void put_warning(long count, const char *one, const char *many)
{
	if (count)
		cmd_error("WARNING: %ld %s", count, count == 1 ? one : many);
}

/* The list's name in messages. */
static const char *shown_list_name(const char *list)
{
	return quoted(strcmp(list, "-") == 0 ? "standard input" : list);
}

static void check_line(char *line, ssize_t len, const char *list, struct check_counts *counts)
{
	struct listed entry;
	counts->lines++;
	if (line[0] == '#')
		return;
	if (line[len - 1] == '\n')
		line[len - 1] = '\0';
	if (parse_line(line, &counts->layout, &entry) < 0 || (strcmp(list, "-") == 0 && strcmp(entry.name, "-") == 0)) {
		counts->misformatted++;
		if (options.warn)
			cmd_error("%s: %ld: improperly formatted %s checksum line",
				shown_list_name(list), counts->lines, algorithm->name);
		return;
	}
	check_one(&entry, counts);
}

/* Checks every line of the list file; 0 if all is well. */
static int check_list(const char *list)
{
	struct input in;
	struct check_counts counts = { 0 };
	char *line;
	ssize_t len;
	if (input_open(&in, list) < 0) {
		cmd_error_errno(quoted(list), errno);
		return 1;
	}
	while ((len = input_line(&in, &line)) > 0)
		check_line(line, len, list, &counts);
	if (len < 0)
		cmd_error_errno(quoted(list), in.error);
	input_close(&in);
	if (counts.formatted == 0) {
		cmd_error("%s: no properly formatted checksum lines found", shown_list_name(list));
		return 1;
	}
	if (!options.status) {
		put_warning(counts.misformatted, "line is improperly formatted", "lines are improperly formatted");
		put_warning(counts.unreadable, "listed file could not be read", "listed files could not be read");
		put_warning(counts.mismatched, "computed checksum did NOT match", "computed checksums did NOT match");
	}
	return len < 0 || counts.unreadable || counts.mismatched || (options.strict && counts.misformatted);
}

/* The long options: 0, or -1 for one we do not know. */
static int long_option(const char *word)
{
	static const struct { const char *name; int *flag; } table[] = {
		{ "--binary", &options.binary }, { "--check", &options.check }, { "--tag", &options.tag },
		{ "--zero", &options.zero }, { "--quiet", &options.quiet }, { "--status", &options.status },
		{ "--strict", &options.strict }, { "--warn", &options.warn },
	};
	if (strcmp(word, "--text") == 0) {
		options.binary = 0;
		return 0;
	}
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcmp(word, table[i].name) == 0) {
			*table[i].flag = 1;
			return 0;
		}
	}
	cmd_error("unrecognized option '%s'", word);
	return -1;
}

static void usage(void)
{
	char text[128];
	snprintf(text, sizeof(text), "%s %s", cmd_name, USAGE_TAIL);
	cmd_usage(1, text);
}

/* Parses short and long options; returns the index of the first file. */
static int parse_options(int argc, char **argv)
{
	struct options opts;
	options_init(&opts);
	for (;;) {
		const char *word = opts.index < argc ? argv[opts.index] : "";
		if (opts.position == 0 && word[0] == '-' && word[1] == '-' && word[2]) {
			if (long_option(word) < 0)
				usage();
			opts.index++;
			continue;
		}
		int option = options_next(&opts, argc, argv, "bctwz");
		switch (option) {
		case -1: return opts.index;
		case 'b': options.binary = 1; break;
		case 'c': options.check = 1; break;
		case 't': options.binary = 0; break;
		case 'w': options.warn = 1; break;
		case 'z': options.zero = 1; break;
		default: usage();
		}
	}
}

/* The combinations GNU refuses. */
static void check_combinations(void)
{
	const char *wrong = NULL;
	if (options.check && options.tag)
		wrong = "the --tag option is meaningless when verifying checksums";
	else if (options.check && options.zero)
		wrong = "the --zero option is not supported when verifying checksums";
	else if (!options.check && options.quiet)
		wrong = "the --quiet option is meaningful only when verifying checksums";
	else if (!options.check && options.status)
		wrong = "the --status option is meaningful only when verifying checksums";
	else if (!options.check && options.strict)
		wrong = "the --strict option is meaningful only when verifying checksums";
	else if (!options.check && options.warn)
		wrong = "the --warn option is meaningful only when verifying checksums";
	if (wrong) {
		cmd_error("%s", wrong);
		usage();
	}
}

int checksum_main(int argc, char **argv, const struct digest_algorithm *chosen)
{
	algorithm = chosen;
	int first = parse_options(argc, argv);
	check_combinations();
	read_buffer = cmd_malloc(READ_CHUNK);
	char *standard_input[] = { "-" };
	char **files = first < argc ? argv + first : standard_input;
	int count = first < argc ? argc - first : 1, status = 0;
	for (int i = 0; i < count; i++)
		status |= options.check ? check_list(files[i]) : print_checksum(files[i]);
	return status;
}
