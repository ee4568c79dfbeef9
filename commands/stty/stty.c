/*
 * stty: show or change the settings of the terminal on standard input.
 * With no operand, the speed and window size and the settings that differ
 * from "sane"; -a all of them; -g a form that stty reads back. Operands:
 * a flag (echo, icanon, isig, echoe, echok, echonl, iexten, icrnl, inlcr,
 * igncr, opost, onlcr), "-" before it to turn it off; raw, -raw or cooked,
 * sane; min N, time N; intr, quit, erase, kill, eof followed by a character
 * (^X for a control character, ^? for DEL, "undef" for none).
 */
#include "../lib/cmd.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>

#define USAGE "stty [-a | -g] [SETTING...]"

enum field { IFLAG, OFLAG, LFLAG };

static const struct flag {
	const char *name;
	enum field field;
	tcflag_t bit;
	int sane;                /* on in "sane" */
} flags[] = {
	{ "icrnl", IFLAG, ICRNL, 1 }, { "inlcr", IFLAG, INLCR, 0 }, { "igncr", IFLAG, IGNCR, 0 },
	{ "opost", OFLAG, OPOST, 1 }, { "onlcr", OFLAG, ONLCR, 1 },
	{ "isig", LFLAG, ISIG, 1 }, { "icanon", LFLAG, ICANON, 1 }, { "iexten", LFLAG, IEXTEN, 0 },
	{ "echo", LFLAG, ECHO, 1 }, { "echoe", LFLAG, ECHOE, 1 }, { "echok", LFLAG, ECHOK, 1 },
	{ "echonl", LFLAG, ECHONL, 0 },
};
#define NR_FLAGS (sizeof(flags) / sizeof(flags[0]))

static const struct control {
	const char *name;
	int index;
	cc_t sane;
} controls[] = {
	{ "intr", VINTR, 3 }, { "quit", VQUIT, 28 }, { "erase", VERASE, 127 }, { "kill", VKILL, 21 },
	{ "eof", VEOF, 4 },
};
#define NR_CONTROLS (sizeof(controls) / sizeof(controls[0]))

static tcflag_t *field_of(struct termios *t, enum field f)
{
	return f == IFLAG ? &t->c_iflag : f == OFLAG ? &t->c_oflag : &t->c_lflag;
}

static int flag_on(const struct termios *t, const struct flag *f)
{
	return (*field_of((struct termios *)t, f->field) & f->bit) != 0;
}

/* A control character as stty shows it: ^C, ^?, <undef>, or itself. */
static void show_char(cc_t c)
{
	if (c == 0)
		out_str("<undef>");
	else if (c == 127)
		out_str("^?");
	else if (c < 32)
		out_format("^%c", c + '@');
	else
		out_char(c);
}

static void show(const struct termios *t, int all)
{
	struct winsize ws = { 0 };
	out_format("speed 115200 baud;");
	if (ioctl(0, TIOCGWINSZ, &ws) == 0)
		out_format(" rows %u; columns %u;", ws.ws_row, ws.ws_col);
	out_char('\n');
	const char *sep = "";
	for (size_t i = 0; i < NR_CONTROLS; i++) {
		if (all || t->c_cc[controls[i].index] != controls[i].sane) {
			out_format("%s%s = ", sep, controls[i].name);
			show_char(t->c_cc[controls[i].index]);
			out_char(';');
			sep = " ";
		}
	}
	if (all || (t->c_lflag & ICANON) == 0)
		out_format("%smin = %u; time = %u;", sep, t->c_cc[VMIN], t->c_cc[VTIME]);
	else if (!*sep)
		sep = NULL;
	if (sep)
		out_char('\n');
	enum field last = IFLAG;
	sep = "";
	for (size_t i = 0; i < NR_FLAGS; i++) {
		const struct flag *f = &flags[i];
		if (!all && flag_on(t, f) == f->sane)
			continue;
		if (f->field != last && *sep && all) {
			out_char('\n');
			sep = "";
		}
		last = f->field;
		out_format("%s%s%s", sep, flag_on(t, f) ? "" : "-", f->name);
		sep = " ";
	}
	if (*sep)
		out_char('\n');
}

static void sane(struct termios *t)
{
	for (size_t i = 0; i < NR_FLAGS; i++) {
		tcflag_t *field = field_of(t, flags[i].field);
		*field = flags[i].sane ? (*field | flags[i].bit) : (*field & ~flags[i].bit);
	}
	for (size_t i = 0; i < NR_CONTROLS; i++)
		t->c_cc[controls[i].index] = controls[i].sane;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

static void raw(struct termios *t, int on)
{
	tcflag_t local = ISIG | ICANON | IEXTEN, input = ICRNL | INLCR | IGNCR;
	if (on) {
		t->c_lflag &= ~local;
		t->c_iflag &= ~input;
		t->c_oflag &= ~(tcflag_t)OPOST;
		t->c_cc[VMIN] = 1;
		t->c_cc[VTIME] = 0;
	} else {
		t->c_lflag |= ISIG | ICANON;
		t->c_iflag |= ICRNL;
		t->c_oflag |= OPOST;
	}
}

/* Parses a number operand of min or time (0..255). */
static int count_operand(const char *name, const char *arg)
{
	char *end;
	errno = 0;
	long v = arg ? strtol(arg, &end, 10) : -1;
	if (!arg || *end || errno || v < 0 || v > 255) {
		cmd_error(arg ? "invalid integer argument '%s'" : "missing argument to '%s'", arg ? arg : name);
		cmd_exit(1);
	}
	return (int)v;
}

/* Parses a control character operand: ^X, ^?, ^-, undef, or one character. */
static cc_t parse_char(const char *name, const char *arg)
{
	if (!arg) {
		cmd_error("missing argument to '%s'", name);
		cmd_exit(1);
	}
	if (strcmp(arg, "undef") == 0 || strcmp(arg, "^-") == 0)
		return 0;
	if (arg[0] == '^' && arg[1] && !arg[2])
		return arg[1] == '?' ? 127 : (cc_t)(arg[1] & 0x1f);
	if (arg[0] && !arg[1])
		return (cc_t)arg[0];
	cmd_error("invalid integer argument '%s'", arg);
	cmd_exit(1);
}

/* -g's form: the four flag words and the control characters, in hex, colon-separated. */
static void show_saved(const struct termios *t)
{
	out_format("%lx:%lx:%lx:%lx", (unsigned long)t->c_iflag, (unsigned long)t->c_oflag,
		   (unsigned long)t->c_cflag, (unsigned long)t->c_lflag);
	for (int i = 0; i < NCCS; i++)
		out_format(":%x", t->c_cc[i]);
	out_char('\n');
}

static int parse_saved(const char *s, struct termios *t)
{
	unsigned long words[4 + NCCS] = { 0 };
	int n = 0;
	while (n < 4 + NCCS) {
		char *end;
		errno = 0;
		words[n++] = strtoul(s, &end, 16);
		if (end == s || errno || (*end != ':' && *end != '\0'))
			return -1;
		if (*end == '\0')
			break;
		s = end + 1;
	}
	if (n != 4 + NCCS)
		return -1;
	t->c_iflag = (tcflag_t)words[0];
	t->c_oflag = (tcflag_t)words[1];
	t->c_cflag = (tcflag_t)words[2];
	t->c_lflag = (tcflag_t)words[3];
	for (int i = 0; i < NCCS; i++) {
		if (words[4 + i] > 255)
			return -1;
		t->c_cc[i] = (cc_t)words[4 + i];
	}
	return 0;
}

/* Applies one setting (with its argument in *next if it takes one); 0 if unknown. */
static int apply(struct termios *t, const char *op, char **argv, int *i)
{
	int off = op[0] == '-';
	const char *name = op + off;
	for (size_t k = 0; k < NR_FLAGS; k++) {
		if (strcmp(name, flags[k].name) == 0) {
			tcflag_t *field = field_of(t, flags[k].field);
			*field = off ? (*field & ~flags[k].bit) : (*field | flags[k].bit);
			return 1;
		}
	}
	if (strcmp(name, "raw") == 0 || (!off && strcmp(name, "cooked") == 0)) {
		raw(t, strcmp(name, "raw") == 0 && !off);
		return 1;
	}
	if (off)
		return 0;
	if (strcmp(op, "sane") == 0) {
		sane(t);
		return 1;
	}
	if (strcmp(op, "min") == 0 || strcmp(op, "time") == 0) {
		t->c_cc[op[0] == 'm' ? VMIN : VTIME] = (cc_t)count_operand(op, argv[++*i]);
		return 1;
	}
	for (size_t k = 0; k < NR_CONTROLS; k++) {
		if (strcmp(op, controls[k].name) == 0) {
			t->c_cc[controls[k].index] = parse_char(op, argv[++*i]);
			return 1;
		}
	}
	return parse_saved(op, t) == 0;
}

int main(int argc, char **argv)
{
	struct termios t;
	int all = 0, saved = 0;
	cmd_init("stty");
	int i = 1;
	/* options first; "-echo" and friends are settings, not options */
	for (; i < argc && argv[i][0] == '-' && argv[i][1] && !argv[i][2] &&
	       (argv[i][1] == 'a' || argv[i][1] == 'g'); i++)
		*(argv[i][1] == 'a' ? &all : &saved) = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (all && saved) {
		cmd_error("the options for verbose and stty-readable output styles are mutually exclusive");
		cmd_usage(1, USAGE);
	}
	if (tcgetattr(0, &t) < 0) {
		cmd_error("'standard input': %s", strerror(errno));
		cmd_exit(1);
	}
	if (i == argc) {
		if (saved)
			show_saved(&t);
		else
			show(&t, all);
		cmd_exit(0);
	}
	if (all || saved) {
		cmd_error("when specifying an output style, modes may not be set");
		cmd_usage(1, USAGE);
	}
	for (; i < argc; i++) {
		if (!apply(&t, argv[i], argv, &i)) {
			cmd_error("invalid argument '%s'", argv[i]);
			cmd_usage(1, USAGE);
		}
	}
	if (tcsetattr(0, TCSADRAIN, &t) < 0) {
		cmd_error("'standard input': %s", strerror(errno));
		cmd_exit(1);
	}
	cmd_exit(0);
}
