/*
 * dd: copy a file in blocks, converting as asked: skip= blocks of the
 * input, seek= blocks into the output (truncating there unless
 * conv=notrunc), count= blocks, ibs= and obs= reblocking (or bs=, which
 * writes each block as it was read), conv=sync padding and conv=noerror.
 * The "F+P records in/out" lines (full and partial blocks) go to standard
 * error at the end, also after an error.
 *
 * Differs from GNU: the last statistics line is only "N bytes copied",
 * without GNU's human-readable sizes, time and speed; no iflag=, oflag=,
 * cbs= or the conversions of ASCII, EBCDIC and case.
 */
#include "../lib/cmd.h"
#include "dd.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A file being copied: its descriptor and its name for messages. */
struct end {
	int fd;
	const char *name;
};

struct dd_counts {
	unsigned long long full_in, partial_in, full_out, partial_out, bytes_out;
};

static struct dd_settings settings;
static struct dd_counts counts;

static void put_statistics(void)
{
	if (settings.status == STATUS_NONE)
		return;
	cmd_message("%llu+%llu records in\n%llu+%llu records out\n", counts.full_in, counts.partial_in,
		counts.full_out, counts.partial_out);
	if (settings.status == STATUS_DEFAULT)
		cmd_message("%llu byte%s copied\n", counts.bytes_out, counts.bytes_out == 1 ? "" : "s");
}

/* Ends the program after an error, with the statistics so far. */
__attribute__((noreturn)) static void quit(int status)
{
	put_statistics();
	cmd_exit(status);
}

static struct end open_input(void)
{
	struct end in = { STDIN_FILENO, "standard input" };
	if (!settings.input)
		return in;
	in.name = settings.input;
	in.fd = open(settings.input, O_RDONLY);
	if (in.fd < 0) {
		cmd_error("failed to open '%s': %s", settings.input, strerror(errno));
		cmd_exit(1);
	}
	return in;
}

/* Truncates the output where seek= puts it, as GNU does unless conv=notrunc. */
static void truncate_output(const struct end *out, off_t size)
{
	struct stat st;
	if (ftruncate(out->fd, size) == 0 || fstat(out->fd, &st) < 0 || !S_ISREG(st.st_mode))
		return;
	cmd_error("failed to truncate to %lld bytes in output file '%s': %s", (long long)size, out->name,
		strerror(errno));
	cmd_exit(1);
}

static struct end open_output(void)
{
	struct end out = { STDOUT_FILENO, "standard output" };
	if (!settings.output)
		return out;
	unsigned long long seek_bytes = settings.seek.bytes ? settings.seek.value
		: settings.seek.value * settings.output_block;
	int flags = O_WRONLY | (settings.nocreat ? 0 : O_CREAT) | (settings.excl ? O_EXCL : 0) |
		(seek_bytes || settings.notrunc ? 0 : O_TRUNC);
	out.name = settings.output;
	out.fd = open(settings.output, flags, 0666);
	if (out.fd < 0) {
		cmd_error("failed to open '%s': %s", settings.output, strerror(errno));
		cmd_exit(1);
	}
	if (seek_bytes && !settings.notrunc)
		truncate_output(&out, (off_t)seek_bytes);
	return out;
}

/* Reads up to len bytes; the count, 0 at the end, -1 on an error (reported). */
static ssize_t read_block(const struct end *in, char *buf, size_t len)
{
	for (;;) {
		ssize_t n = read(in->fd, buf, len);
		if (n >= 0)
			return n;
		if (errno == EINTR)
			continue;
		cmd_error("error reading '%s': %s", in->name, strerror(errno));
		if (!settings.noerror)
			quit(1);
		return -1;
	}
}

/* Writes one output block of len bytes, whole or not at all (then quits). */
static void write_block(const struct end *out, const char *buf, size_t len)
{
	for (size_t done = 0; done < len;) {
		ssize_t n = write(out->fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			cmd_error("error writing '%s': %s", out->name, strerror(n < 0 ? errno : EIO));
			quit(1);
		}
		done += (size_t)n;
		counts.bytes_out += (unsigned long long)n;
	}
	if (len == settings.output_block)
		counts.full_out++;
	else
		counts.partial_out++;
}

/* Skips bytes of the input: by seeking if it can, else by reading. */
static void skip_input(const struct end *in, unsigned long long bytes, char *buf)
{
	struct stat st;
	off_t here = lseek(in->fd, 0, SEEK_CUR);
	if (here >= 0 && fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode)) {
		int beyond = (unsigned long long)here + bytes > (unsigned long long)st.st_size;
		lseek(in->fd, beyond ? st.st_size : here + (off_t)bytes, SEEK_SET);
		if (beyond)
			cmd_error("%s: cannot skip to specified offset", quoted(in->name));
		return;
	}
	while (bytes > 0) {
		size_t want = bytes < settings.input_block ? (size_t)bytes : (size_t)settings.input_block;
		ssize_t n = read_block(in, buf, want);
		if (n == 0) {
			cmd_error("%s: cannot skip to specified offset", quoted(in->name));
			return;
		}
		bytes -= n > 0 ? (unsigned long long)n : 0;
	}
}

/* Moves bytes into the output: by seeking if it can, else by writing NULs. */
static void seek_output(const struct end *out, unsigned long long bytes)
{
	if (lseek(out->fd, (off_t)bytes, SEEK_CUR) >= 0)
		return;
	char *zeros = calloc(1, (size_t)settings.output_block);
	if (!zeros)
		cmd_exit(1);
	for (; bytes > 0; bytes -= bytes < settings.output_block ? bytes : settings.output_block) {
		size_t len = bytes < settings.output_block ? (size_t)bytes : (size_t)settings.output_block;
		ssize_t n = write(out->fd, zeros, len);
		if (n != (ssize_t)len) {
			cmd_error("error writing '%s': %s", out->name, strerror(n < 0 ? errno : EIO));
			quit(1);
		}
	}
	free(zeros);
}

/* How many bytes the next read may take, given count=; 0 when it is reached. */
static size_t next_read_size(unsigned long long bytes_in)
{
	if (!settings.count_set)
		return (size_t)settings.input_block;
	if (settings.count.bytes) {
		unsigned long long left = settings.count.value - bytes_in;
		return left < settings.input_block ? (size_t)left : (size_t)settings.input_block;
	}
	return counts.full_in + counts.partial_in < settings.count.value ? (size_t)settings.input_block : 0;
}

/* Reads the next input block into buf: its length, 0 at the end. */
static size_t next_block(const struct end *in, char *buf, unsigned long long *bytes_in)
{
	for (;;) {
		size_t want = next_read_size(*bytes_in);
		if (want == 0)
			return 0;
		ssize_t n = read_block(in, buf, want);
		if (n == 0)
			return 0;
		if (n < 0 && !settings.sync)
			continue;  /* conv=noerror without sync: the block is lost */
		n = n < 0 ? 0 : n;
		if ((size_t)n == settings.input_block)
			counts.full_in++;
		else
			counts.partial_in++;
		*bytes_in += (unsigned long long)n;
		if (settings.sync && (size_t)n < settings.input_block) {
			memset(buf + n, 0, (size_t)settings.input_block - (size_t)n);
			n = (ssize_t)settings.input_block;
		}
		return (size_t)n;
	}
}

/* The copy: each block as read (bs=), or gathered into obs-sized blocks. */
static void copy(const struct end *in, const struct end *out, char *input, char *output)
{
	unsigned long long bytes_in = 0;
	size_t gathered = 0, len;
	while ((len = next_block(in, input, &bytes_in)) > 0) {
		if (settings.whole_blocks) {
			write_block(out, input, len);
			continue;
		}
		for (size_t taken = 0; taken < len;) {
			size_t room = (size_t)settings.output_block - gathered;
			size_t take = len - taken < room ? len - taken : room;
			memcpy(output + gathered, input + taken, take);
			gathered += take;
			taken += take;
			if (gathered == settings.output_block) {
				write_block(out, output, gathered);
				gathered = 0;
			}
		}
	}
	if (gathered > 0)
		write_block(out, output, gathered);
}

int main(int argc, char **argv)
{
	cmd_init("dd");
	dd_parse_operands(argc, argv, &settings);
	struct end in = open_input();
	struct end out = open_output();
	char *input = cmd_malloc((size_t)settings.input_block);
	char *output = settings.whole_blocks ? NULL : cmd_malloc((size_t)settings.output_block);
	if (settings.skip.value)
		skip_input(&in, settings.skip.bytes ? settings.skip.value
			: settings.skip.value * settings.input_block, input);
	if (settings.seek.value)
		seek_output(&out, settings.seek.bytes ? settings.seek.value
			: settings.seek.value * settings.output_block);
	copy(&in, &out, input, output);
	if (out.fd != STDOUT_FILENO && close(out.fd) < 0) {
		cmd_error("closing output file '%s': %s", out.name, strerror(errno));
		quit(1);
	}
	free(input);
	free(output);
	put_statistics();
	cmd_exit(0);
}
