/*
 * more: page through files (or standard input) on a terminal. It shows a
 * screen of 24 lines of 80 columns less one line for the "--More--"
 * prompt, then reads a key from the terminal in raw mode: space shows the
 * next page, Enter the next line, q quits. Several files are separated by
 * a "::::::::::::::" header, as util-linux does. When standard output is
 * not a terminal, more copies its input like cat (with a header before
 * each named file, as util-linux). Unlike util-linux, a file that cannot be
 * read makes the exit status 1.
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define USAGE "more [file...]"
#define SCREEN_ROWS 24
#define SCREEN_COLUMNS 80
#define PROMPT "--More--"

/* The terminal the keys come from, and its settings to put back. */
static struct {
	int fd;
	struct termios saved;
	int raw;
} terminal = { -1, { 0 }, 0 };

static void restore_terminal(void)
{
	if (terminal.raw)
		tcsetattr(terminal.fd, TCSANOW, &terminal.saved);
	terminal.raw = 0;
}

static void on_signal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Raw mode: keys arrive one at a time, unechoed. 0, or -1 if it is no terminal. */
static int enter_raw_mode(void)
{
	struct termios raw;
	terminal.fd = open("/dev/tty", O_RDONLY);
	if (terminal.fd < 0)
		terminal.fd = STDERR_FILENO;
	if (tcgetattr(terminal.fd, &terminal.saved) < 0)
		return -1;
	raw = terminal.saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (tcsetattr(terminal.fd, TCSANOW, &raw) < 0)
		return -1;
	terminal.raw = 1;
	return 0;
}

/* What the reader asked for at a prompt. */
enum request { REQUEST_PAGE, REQUEST_LINE, REQUEST_QUIT };

/* Shows the prompt, waits for a known key, takes the prompt away. */
static enum request ask(void)
{
	char key;
	enum request request = REQUEST_QUIT;
	out_str(PROMPT);
	out_flush();
	for (;;) {
		ssize_t n = read(terminal.fd, &key, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || key == 'q' || key == 'Q')
			break;
		if (key == ' ') {
			request = REQUEST_PAGE;
			break;
		}
		if (key == '\n' || key == '\r') {
			request = REQUEST_LINE;
			break;
		}
	}
	out_str("\r        \r");
	return request;
}

/* How many screen rows a line of len bytes takes (it wraps at the last column). */
static long rows_of(size_t len)
{
	return len == 0 ? 1 : (long)((len + SCREEN_COLUMNS - 1) / SCREEN_COLUMNS);
}

/* The paging state across files. */
struct pager {
	int interactive;           /* stdout is a terminal */
	long rows_left;            /* before the next prompt */
	int quit;
};

/* Writes one line; at a full screen, asks for more. */
static void page_line(struct pager *p, const char *line, size_t len)
{
	size_t text = len - (len > 0 && line[len - 1] == '\n');
	long rows = rows_of(text);
	if (p->interactive && p->rows_left < rows) {
		enum request request = ask();
		if (request == REQUEST_QUIT) {
			p->quit = 1;
			return;
		}
		p->rows_left = request == REQUEST_PAGE ? SCREEN_ROWS - 1 : rows;
	}
	out_write(line, len);
	p->rows_left -= rows;
}

/*
 * Pages one file. util-linux puts a header before every named file when it
 * only copies, and between several files on a terminal.
 */
static int page_file(struct pager *p, const char *name, int header)
{
	struct input in;
	char *line;
	ssize_t len;
	if (input_open(&in, name) < 0) {
		cmd_error("cannot open %s: %s", name, strerror(errno));
		return 1;
	}
	if (header) {
		page_line(p, "::::::::::::::\n", 15);
		page_line(p, name, strlen(name));
		page_line(p, "\n", 1);
		page_line(p, "::::::::::::::\n", 15);
	}
	while (!p->quit && (len = input_line(&in, &line)) > 0)
		page_line(p, line, (size_t)len);
	int status = 0;
	if (len < 0) {
		cmd_error("%s: %s", name, strerror(in.error));
		status = 1;
	}
	input_close(&in);
	return status;
}

int main(int argc, char **argv)
{
	static char *standard_input[] = { "-", NULL };
	struct options opts;
	int status = 0;
	cmd_init("more");
	options_init(&opts);
	if (options_next(&opts, argc, argv, "") != -1)
		cmd_usage(1, USAGE);
	int files = argc - opts.index;
	char **names = files ? argv + opts.index : standard_input;
	struct pager p = { isatty(STDOUT_FILENO), SCREEN_ROWS - 1, 0 };
	if (p.interactive && enter_raw_mode() < 0)
		p.interactive = 0;  /* no terminal to read keys from: just copy */
	int headers = files > 1 || (files == 1 && !p.interactive);
	for (int i = 0; i < (files ? files : 1) && !p.quit; i++)
		status |= page_file(&p, names[i], headers);
	restore_terminal();
	cmd_exit(status);
}
