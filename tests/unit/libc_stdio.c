/*
 * Samsara's FILE streams on the host. The descriptors underneath are the
 * host's, through a __libc_stdio_io that logs every read and write, so the
 * tests see the buffering: how many writes, of what, and when. Random mixes
 * of reads, writes, seeks and ungetc run on the same file through Samsara's
 * stdio and through glibc's, and must give the same results and the same
 * file. Standard output and error do not reach the host's: their writes are
 * only logged.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "unit.h"
#include "libc_test.h"

/* --- the descriptors, logged --- */

#define LOG_MAX 512

struct event {
	char kind;              /* 'r' read, 'w' write */
	int fd;
	size_t len;
	char text[64];          /* the start of what was written */
};

static struct event events[LOG_MAX];
static int nevents;
static unsigned terminals;        /* bit fd: that descriptor says it is a terminal */
static int failing_writes;        /* errno for every write, or 0 */
static char standard_output[8192];  /* what went to fds 1 and 2 */
static size_t standard_used;

static void log_event(char kind, int fd, const void *data, size_t len)
{
	if (nevents == LOG_MAX)
		return;
	struct event *e = &events[nevents++];
	e->kind = kind;
	e->fd = fd;
	e->len = len;
	size_t keep = data ? (len < sizeof(e->text) - 1 ? len : sizeof(e->text) - 1) : 0;
	if (keep)
		memcpy(e->text, data, keep);
	e->text[keep] = '\0';
}

static void reset_log(void)
{
	nevents = 0;
}

static int count_writes(int fd)
{
	int n = 0;
	for (int i = 0; i < nevents; i++)
		n += events[i].kind == 'w' && events[i].fd == fd;
	return n;
}

static int host_result(int r)
{
	if (r < 0)
		samsara_errno = errno;
	return r;
}

static int host_open(const char *path, int flags, int mode)
{
	return host_result(open(path, flags, mode));
}

static int host_read(int fd, void *buf, size_t len)
{
	log_event('r', fd, NULL, len);
	return host_result((int)read(fd, buf, len));
}

static int host_write(int fd, const void *buf, size_t len)
{
	log_event('w', fd, buf, len);
	if (failing_writes) {
		samsara_errno = failing_writes;
		return -1;
	}
	if (fd == 1 || fd == 2) {
		size_t room = sizeof(standard_output) - standard_used;
		size_t keep = len < room ? len : room;
		memcpy(standard_output + standard_used, buf, keep);
		standard_used += keep;
		return (int)len;
	}
	return host_result((int)write(fd, buf, len));
}

static int64_t host_seek(int fd, int64_t offset, int whence)
{
	off_t at = lseek(fd, offset, whence);
	if (at < 0)
		samsara_errno = errno;
	return at;
}

static int host_close(int fd)
{
	return host_result(close(fd));
}

static int host_terminal(int fd)
{
	if (fd >= 0 && fd < 32 && (terminals & (1u << fd)))
		return 1;
	return fcntl(fd, F_GETFL) < 0 ? -1 : 0;
}

static int host_access_mode(int fd)
{
	int flags = host_result(fcntl(fd, F_GETFL));
	return flags < 0 ? -1 : flags & O_ACCMODE;
}

const struct __libc_stdio_ops samsara___libc_stdio_io = {
	.open = host_open,
	.read = host_read,
	.write = host_write,
	.seek = host_seek,
	.close = host_close,
	.terminal = host_terminal,
	.access_mode = host_access_mode,
};

/* Samsara's malloc (for buffers, FILEs, getline) takes its heap from here. */
void *samsara___libc_sbrk(intptr_t increment)
{
	static _Alignas(16) char arena[16 << 20];
	static size_t used;
	if (increment < 0 || (size_t)increment > sizeof(arena) - used) {
		samsara_errno = ENOMEM;
		return (void *)-1;
	}
	used += (size_t)increment;
	return arena + used - (size_t)increment;
}

/* --- files --- */

static char directory[] = "/tmp/samsara-stdio-XXXXXX";

static const char *path_of(const char *name)
{
	static char path[4][128];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, sizeof(path[0]), "%s/%s", directory, name);
	return p;
}

static void make_file(const char *name, const char *text, size_t len)
{
	FILE *f = fopen(path_of(name), "w");
	fwrite(text, 1, len, f);
	fclose(f);
}

/* The whole of a file, NUL-terminated, in a static buffer; its length in *len. */
static const char *file_text(const char *name, size_t *len)
{
	static char text[2][65536];
	static int next;
	char *t = text[next++ % 2];
	FILE *f = fopen(path_of(name), "r");
	size_t n = f ? fread(t, 1, sizeof(text[0]) - 1, f) : 0;
	if (f)
		fclose(f);
	t[n] = '\0';
	if (len)
		*len = n;
	return t;
}

/* Some text of many lines, some longer than a buffer, and numbers. */
static size_t sample_text(char *text, size_t size)
{
	size_t n = 0;
	for (int line = 0; n + 6000 < size; line++) {
		int width = line % 7 == 3 ? 5000 : line % 5 * 13;
		n += (size_t)snprintf(text + n, size - n, "%d ", line * 37);
		for (int i = 0; i < width; i++)
			text[n++] = (char)('a' + (line + i) % 26);
		text[n++] = line % 4 == 1 ? ',' : '\n';
	}
	return n;
}

/* --- the same operations on both libraries --- */

struct pair {
	samsara_FILE *ours;
	FILE *host;
	unsigned random;
	int last_read;          /* the character the last fgetc gave, for ungetc; EOF if none */
	bool writing;           /* the last operation wrote: a read needs a seek first */
	bool reading;
};

static unsigned next_random(struct pair *p)
{
	p->random = p->random * 1103515245u + 12345u;
	return (p->random >> 16) & 0x7fff;
}

static bool same_reads(struct pair *p, unsigned op)
{
	char ours[9000], host[9000];
	switch (op) {
	case 0: {
		int a = samsara_fgetc(p->ours), b = fgetc(p->host);
		p->last_read = a;
		return a == b;
	}
	case 1: {
		int size = (int)(next_random(p) % 9000);
		char *a = samsara_fgets(ours, size, p->ours), *b = fgets(host, size, p->host);
		return (a == NULL) == (b == NULL) && (!a || strcmp(ours, host) == 0);
	}
	case 2: {
		size_t n = next_random(p) % 9000;
		size_t a = samsara_fread(ours, 1, n, p->ours), b = fread(host, 1, n, p->host);
		return a == b && memcmp(ours, host, a) == 0;
	}
	case 3: {
		char *la = NULL, *lb = NULL;
		size_t sa = 0, sb = 0;
		int delimiter = next_random(p) % 2 ? '\n' : ',';
		int a = (int)samsara_getdelim(&la, &sa, delimiter, p->ours);
		int b = (int)getdelim(&lb, &sb, delimiter, p->host);
		bool same = a == b && (a < 0 || memcmp(la, lb, (size_t)a + 1) == 0);
		samsara_free(la);
		free(lb);
		return same;
	}
	case 4: {
		int na = -1, nb = -1;
		int a = samsara_fscanf(p->ours, "%d", &na), b = fscanf(p->host, "%d", &nb);
		return a == b && na == nb;
	}
	default: {
		if (p->last_read == EOF)
			return true;
		int a = samsara_ungetc(p->last_read, p->ours), b = ungetc(p->last_read, p->host);
		p->last_read = EOF;
		return a == b;
	}
	}
}

static bool same_writes(struct pair *p, unsigned op)
{
	char text[6000];
	size_t n = next_random(p) % sizeof(text);
	for (size_t i = 0; i < n; i++)
		text[i] = (char)(i % 50 == 49 ? '\n' : 'A' + (i + n) % 26);
	switch (op) {
	case 0:
		return samsara_fputc(text[0], p->ours) == fputc(text[0], p->host);
	case 1:
		return samsara_fwrite(text, 1, n, p->ours) == fwrite(text, 1, n, p->host);
	case 2:
		text[n % 300] = '\0';
		return (samsara_fputs(text, p->ours) >= 0) == (fputs(text, p->host) >= 0);
	default:
		return samsara_fprintf(p->ours, "<%u>", (unsigned)n) == fprintf(p->host, "<%u>", (unsigned)n);
	}
}

static bool same_position(struct pair *p, unsigned op)
{
	long offset = (long)(next_random(p) % 20000);  /* never before the start: a failed seek is left alone */
	int whence = op % 3 == 0 ? SEEK_SET : op % 3 == 1 ? SEEK_CUR : SEEK_END;
	switch (op) {
	case 0: case 1: case 2: {
		int a = samsara_fseek(p->ours, offset, whence), b = fseek(p->host, offset, whence);
		return a == b;
	}
	case 3:
		return samsara_ftell(p->ours) == ftell(p->host);
	case 4:
		samsara_rewind(p->ours);
		rewind(p->host);
		return true;
	default:
		return samsara_feof(p->ours) == (feof(p->host) != 0) && samsara_ferror(p->ours) == (ferror(p->host) != 0);
	}
}

/* Runs steps random operations; between reading and writing, as C requires, a seek. */
static bool same_random_mix(struct pair *p, int steps, bool reads, bool writes)
{
	for (int step = 0; step < steps; step++) {
		unsigned kind = next_random(p) % 3, op = next_random(p) % 6;
		bool ok = true;
		if ((kind == 0 && !reads) || (kind == 1 && !writes))
			kind = 2;
		if ((kind == 0 && p->writing) || (kind == 1 && p->reading)) {
			ok = samsara_fseek(p->ours, 0, SEEK_CUR) == fseek(p->host, 0, SEEK_CUR);
			p->writing = p->reading = false;
		}
		if (kind == 0) {
			ok = ok && same_reads(p, op);
			p->reading = true;
		} else if (kind == 1) {
			ok = ok && same_writes(p, op);
			p->last_read = EOF;
			p->writing = true;
		} else {
			ok = ok && same_position(p, op);
			p->last_read = EOF;
			if (op != 3 && op != 5)  /* a seek, not ftell or feof */
				p->writing = p->reading = false;
		}
		if (!ok) {
			printf("# step %d: kind %u op %u differs\n", step, kind, op);
			return false;
		}
	}
	return true;
}

/* Runs the mix on two copies of the sample, one per library, in mode. */
static void random_mix_matches_the_host(const char *mode, bool reads, bool writes)
{
	static char sample[60000];
	size_t n = sample_text(sample, sizeof(sample));
	for (unsigned seed = 1; seed <= 20; seed++) {
		make_file("ours", sample, n);
		make_file("host", sample, n);
		struct pair p = { samsara_fopen(path_of("ours"), mode), fopen(path_of("host"), mode), seed, EOF, false, false };
		CHECK(p.ours && p.host);
		if (!p.ours || !p.host)
			return;
		bool same = same_random_mix(&p, 300, reads, writes);
		CHECK(same);
		CHECK(samsara_fclose(p.ours) == 0 && fclose(p.host) == 0);
		size_t la, lb;
		const char *a = file_text("ours", &la), *b = file_text("host", &lb);
		CHECK(la == lb && memcmp(a, b, la) == 0);
		if (!same)
			printf("# mode %s seed %u\n", mode, seed);
	}
}

static void reading_matches_the_host(void)
{
	random_mix_matches_the_host("r", true, false);
}

static void reading_and_writing_match_the_host(void)
{
	random_mix_matches_the_host("r+", true, true);
	random_mix_matches_the_host("w+", true, true);
}

static void appending_matches_the_host(void)
{
	random_mix_matches_the_host("a", false, true);
	random_mix_matches_the_host("a+", true, true);
}

static void modes_open_create_and_truncate_as_on_the_host(void)
{
	static const char *const modes[] = { "r", "r+", "w", "w+", "a", "a+", "rb", "r+b", "wb+", "ab" };
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		make_file("ours", "old text\n", 9);
		make_file("host", "old text\n", 9);
		samsara_FILE *a = samsara_fopen(path_of("ours"), modes[i]);
		FILE *b = fopen(path_of("host"), modes[i]);
		CHECK(a && b);
		char ours[32] = { 0 }, host[32] = { 0 };
		CHECK((samsara_fputs("new", a) >= 0) == (fputs("new", b) >= 0));
		samsara_fseek(a, 0, SEEK_SET);
		fseek(b, 0, SEEK_SET);
		CHECK(samsara_fread(ours, 1, sizeof(ours) - 1, a) == fread(host, 1, sizeof(host) - 1, b));
		CHECK(strcmp(ours, host) == 0);
		samsara_fclose(a);
		fclose(b);
		CHECK(strcmp(file_text("ours", NULL), file_text("host", NULL)) == 0);
	}
	unlink(path_of("missing"));
	samsara_errno = 0;
	CHECK(samsara_fopen(path_of("missing"), "r") == NULL && samsara_errno == ENOENT);
	CHECK(samsara_fopen(path_of("ours"), "z") == NULL && samsara_errno == EINVAL);
	CHECK(samsara_fopen(path_of("ours"), "rw") == NULL && samsara_errno == EINVAL);
	CHECK(samsara_fopen(path_of("ours"), "wx") == NULL && samsara_errno == EEXIST);
}

static void a_file_is_fully_buffered_and_written_a_buffer_at_a_time(void)
{
	samsara_FILE *f = samsara_fopen(path_of("full"), "w");
	int fd = samsara_fileno(f);
	reset_log();
	for (int i = 0; i < SAMSARA_BUFSIZ + 10; i++)
		samsara_fputc(i % 10 == 9 ? '\n' : 'x', f);
	CHECK(count_writes(fd) == 1 && events[0].len == SAMSARA_BUFSIZ);
	samsara_fprintf(f, "%d lines\n", 3);
	CHECK(count_writes(fd) == 1);
	CHECK(samsara_fclose(f) == 0);
	CHECK(count_writes(fd) == 2 && events[1].len == 10 + 8);
	size_t n;
	file_text("full", &n);
	CHECK(n == SAMSARA_BUFSIZ + 18);
	f = samsara_fopen(path_of("full"), "w");
	reset_log();
	static char big[3 * 4096];
	memset(big, 'b', sizeof(big));
	CHECK(samsara_fwrite(big, 1, sizeof(big), f) == sizeof(big));
	CHECK(count_writes(samsara_fileno(f)) == 1 && events[0].len == sizeof(big));  /* straight through */
	samsara_fclose(f);
}

static void a_terminal_is_line_buffered(void)
{
	samsara_FILE *f = samsara_fopen(path_of("tty"), "w");
	int fd = samsara_fileno(f);
	terminals |= 1u << fd;
	reset_log();
	samsara_fputs("abc", f);
	CHECK(count_writes(fd) == 0);
	samsara_fputs("def\n", f);
	CHECK(count_writes(fd) == 1 && strcmp(events[0].text, "abcdef\n") == 0);
	samsara_fprintf(f, "%s\n%s\n", "two", "lines");
	CHECK(count_writes(fd) == 2 && strcmp(events[1].text, "two\nlines\n") == 0);
	samsara_fclose(f);
	terminals &= ~(1u << fd);
}

static void an_unbuffered_stream_writes_each_call_at_once(void)
{
	samsara_FILE *f = samsara_fopen(path_of("unbuffered"), "w");
	int fd = samsara_fileno(f);
	CHECK(samsara_setvbuf(f, NULL, _IONBF, 0) == 0);
	reset_log();
	samsara_fprintf(f, "%s: %d%c", "one write", 42, '\n');
	CHECK(count_writes(fd) == 1 && strcmp(events[0].text, "one write: 42\n") == 0);
	samsara_fputc('x', f);
	samsara_fputs("yz", f);
	CHECK(count_writes(fd) == 3);
	samsara_fclose(f);
	CHECK(strcmp(file_text("unbuffered", NULL), "one write: 42\nxyz") == 0);
}

static void a_buffer_given_to_setvbuf_is_used(void)
{
	static char buffer[16];
	samsara_FILE *f = samsara_fopen(path_of("small"), "w");
	int fd = samsara_fileno(f);
	CHECK(samsara_setvbuf(f, buffer, _IOFBF, sizeof(buffer)) == 0);
	reset_log();
	for (int i = 0; i < 40; i++)
		samsara_fputc('a' + i % 26, f);
	CHECK(count_writes(fd) == 2 && events[0].len == 16 && events[1].len == 16);
	CHECK(memcmp(buffer, "ghijklmn", 8) == 0);
	samsara_fclose(f);
	CHECK(count_writes(fd) == 3 && events[2].len == 8);
	CHECK(samsara_setvbuf(samsara_stdout, NULL, 7, 0) == EOF && samsara_errno == EINVAL);
}

static void standard_streams_line_buffer_a_terminal_and_never_buffer_errors(void)
{
	terminals |= 1u << 1;
	standard_used = 0;
	reset_log();
	samsara_printf("partial ");
	CHECK(count_writes(1) == 0);
	samsara_puts("line");
	CHECK(count_writes(1) == 1 && strcmp(events[0].text, "partial line\n") == 0);
	samsara_fprintf(samsara_stderr, "%s: %s\n", "prog", "message");
	CHECK(count_writes(2) == 1 && strcmp(events[1].text, "prog: message\n") == 0);
	samsara_errno = ENOENT;
	samsara_perror("ctx");
	CHECK(count_writes(2) == 2 && strcmp(events[2].text, "ctx: No such file or directory\n") == 0);
	samsara_putchar('z');
	CHECK(count_writes(1) == 1);
	samsara___libc_stdio_exit();  /* what exit does last */
	CHECK(count_writes(1) == 2 && strcmp(events[3].text, "z") == 0);
	samsara___libc_error_message("getopt: say\n");
	CHECK(count_writes(2) == 3);
	CHECK(standard_used == 13 + 14 + 31 + 1 + 12);
	terminals &= ~(1u << 1);
}

static void reading_a_terminal_first_sends_the_prompt(void)
{
	make_file("input", "answer\n", 7);
	samsara_FILE *out = samsara_fopen(path_of("prompt"), "w");
	samsara_FILE *in = samsara_fopen(path_of("input"), "r");
	terminals |= 1u << samsara_fileno(out) | 1u << samsara_fileno(in);
	reset_log();
	samsara_fputs("name? ", out);
	char line[16];
	CHECK(samsara_fgets(line, sizeof(line), in) && strcmp(line, "answer\n") == 0);
	CHECK(nevents == 2 && events[0].kind == 'w' && events[0].fd == samsara_fileno(out) && events[1].kind == 'r');
	terminals = 0;
	samsara_fclose(out);
	samsara_fclose(in);
}

static void fflush_null_writes_every_stream(void)
{
	samsara_FILE *a = samsara_fopen(path_of("a"), "w"), *b = samsara_fopen(path_of("b"), "w");
	samsara_fputs("to a", a);
	samsara_fputs("to b", b);
	CHECK(samsara_fflush(NULL) == 0);
	CHECK(strcmp(file_text("a", NULL), "to a") == 0 && strcmp(file_text("b", NULL), "to b") == 0);
	samsara_fputs(" again", a);
	samsara___libc_stdio_exit();
	CHECK(strcmp(file_text("a", NULL), "to a again") == 0);
	samsara_fclose(a);
	samsara_fclose(b);
}

static void indicators_and_errors(void)
{
	make_file("short", "ab", 2);
	samsara_FILE *f = samsara_fopen(path_of("short"), "r");
	CHECK(samsara_fgetc(f) == 'a' && samsara_fgetc(f) == 'b' && !samsara_feof(f));
	reset_log();
	CHECK(samsara_fgetc(f) == EOF && samsara_feof(f) && !samsara_ferror(f));
	CHECK(samsara_fgetc(f) == EOF && nevents == 1);  /* end of file sticks */
	CHECK(samsara_ungetc('q', f) == 'q' && !samsara_feof(f) && samsara_fgetc(f) == 'q');
	samsara_clearerr(f);
	CHECK(!samsara_feof(f));
	CHECK(samsara_fputc('x', f) == EOF && samsara_ferror(f) && samsara_errno == EBADF);
	CHECK(samsara_ungetc(EOF, f) == EOF);
	samsara_fclose(f);
	f = samsara_fopen(path_of("short"), "w");
	CHECK(samsara_fgetc(f) == EOF && samsara_ferror(f) && samsara_errno == EBADF);
	samsara_clearerr(f);
	failing_writes = EPIPE;
	reset_log();
	samsara_fputs("lost", f);
	CHECK(samsara_fflush(f) == EOF && samsara_ferror(f) && samsara_errno == EPIPE);
	CHECK(samsara_fflush(f) == 0 && nevents == 1);  /* dropped, not retried */
	failing_writes = 0;
	CHECK(samsara_fclose(f) == 0);
}

static void lines_of_any_length(void)
{
	static char text[40000];
	size_t n = 0;
	for (int i = 0; i < 3; i++) {
		memset(text + n, 'a' + i, 5000u * (size_t)(i + 1));
		n += 5000u * (size_t)(i + 1);
		text[n++] = '\n';
	}
	make_file("long", text, n - 1);  /* the last line has no newline */
	samsara_FILE *f = samsara_fopen(path_of("long"), "r");
	char *line = NULL;
	size_t size = 0;
	CHECK(samsara_getline(&line, &size, f) == 5001 && size >= 5002 && line[5000] == '\n' && line[5001] == '\0');
	CHECK(samsara_getline(&line, &size, f) == 10001 && line[9999] == 'b');
	CHECK((int)samsara_getline(&line, &size, f) == 15000 && line[15000] == '\0');
	CHECK((int)samsara_getline(&line, &size, f) == -1 && samsara_feof(f));
	CHECK((int)samsara_getline(NULL, &size, f) == -1 && samsara_errno == EINVAL);
	samsara_free(line);
	samsara_rewind(f);
	char small[4];
	CHECK(samsara_fgets(small, 1, f) == small && small[0] == '\0');
	CHECK(samsara_fgets(small, 0, f) == NULL);
	samsara_fclose(f);
}

static void fdopen_and_freopen(void)
{
	make_file("fd", "through a descriptor\n", 21);
	int fd = open(path_of("fd"), O_RDONLY);
	CHECK(samsara_fdopen(fd, "w") == NULL && samsara_errno == EINVAL);
	samsara_FILE *f = samsara_fdopen(fd, "r");
	char line[32];
	CHECK(f && samsara_fgets(line, sizeof(line), f) && strcmp(line, "through a descriptor\n") == 0);
	CHECK(samsara_fclose(f) == 0 && fcntl(fd, F_GETFL) < 0);  /* the descriptor went with it */
	CHECK(samsara_fdopen(fd, "r") == NULL && samsara_errno == EBADF);
	make_file("other", "other file\n", 11);
	f = samsara_fopen(path_of("fd"), "r");
	CHECK(samsara_freopen(path_of("other"), "r", f) == f);
	CHECK(samsara_fgets(line, sizeof(line), f) && strcmp(line, "other file\n") == 0);
	CHECK(samsara_freopen(path_of("missing"), "r", f) == NULL);
	CHECK(samsara_fgetc(f) == EOF && samsara_fclose(f) == 0);
}

static void remove_files(void)
{
	static const char *const names[] = { "ours", "host", "full", "tty", "unbuffered", "small", "input",
		"prompt", "a", "b", "short", "long", "fd", "other" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		unlink(path_of(names[i]));
	rmdir(directory);
}

int main(void)
{
	if (!mkdtemp(directory)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(modes_open_create_and_truncate_as_on_the_host);
	RUN(reading_matches_the_host);
	RUN(reading_and_writing_match_the_host);
	RUN(appending_matches_the_host);
	RUN(a_file_is_fully_buffered_and_written_a_buffer_at_a_time);
	RUN(a_terminal_is_line_buffered);
	RUN(an_unbuffered_stream_writes_each_call_at_once);
	RUN(a_buffer_given_to_setvbuf_is_used);
	RUN(standard_streams_line_buffer_a_terminal_and_never_buffer_errors);
	RUN(reading_a_terminal_first_sends_the_prompt);
	RUN(fflush_null_writes_every_stream);
	RUN(indicators_and_errors);
	RUN(lines_of_any_length);
	RUN(fdopen_and_freopen);
	remove_files();
	return unit_summary();
}
