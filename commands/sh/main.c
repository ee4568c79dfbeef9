/*
 * main.c - the shell's entry point: options, then commands from -c, from
 * a script file, or from standard input (interactively on a terminal).
 *
 *   sh [-efux] [-c command [name [arg...]]]
 *   sh [-efux] [script [arg...]]
 *   sh [-efuxis] [arg...]
 */
#include "sh.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

struct shell shell;

void sh_exit(int status)
{
    out_flush();
    if (shell.is_child)
        _exit(status & 255);
    var_free_all();
    exit(status & 255);
}

/* An interactive shell ignores the terminal's signals (its foreground
 * jobs get them) and takes the terminal in a process group of its own. */
static void setup_interactive(void)
{
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    shell.interactive = 1;
    if (setpgid(0, 0) != 0 && getpgrp() != getpid())
        return;
    shell.shell_pgrp = getpgrp();
    if (tcsetpgrp(0, shell.shell_pgrp) == 0)
        shell.job_control = 1;
}

struct invocation {
    const char *command;   /* -c */
    int force_interactive; /* -i */
    int read_stdin;        /* -s */
    int first_operand;     /* argv index after the options */
};

/* Parses leading options; returns -1 on an unknown one. */
static int parse_options(int argc, char **argv, struct invocation *inv)
{
    int i = 1, want_command = 0;

    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'c')
                want_command = 1;
            else if (*p == 'i')
                inv->force_interactive = 1;
            else if (*p == 's')
                inv->read_stdin = 1;
            else if (option_set(*p, argv[i][0] == '-') != 0) {
                sh_error("-%c: bad option", *p);
                return -1;
            }
        }
    }
    if (want_command) {
        if (i >= argc) {
            sh_error("-c requires an argument");
            return -1;
        }
        inv->command = argv[i++];
    }
    inv->first_operand = i;
    return 0;
}

static int run_stdin(struct invocation *inv)
{
    struct input in;
    int status;

    if (inv->force_interactive || (isatty(0) && isatty(2)))
        setup_interactive();
    input_from_fd(&in, 0, shell.interactive);
    status = run_input(&in);
    input_free(&in);
    return status;
}

int main(int argc, char **argv)
{
    struct invocation inv = { 0 };
    int i, status;

    shell.pid = getpid();
    shell.subst_status = -1;
    var_import(environ);
    var_set("IFS", " \t\n");
    param_zero_set(argv[0] ? argv[0] : "sh");
    if (parse_options(argc, argv, &inv) != 0)
        sh_exit(2);
    i = inv.first_operand;
    if (inv.command) {
        if (i < argc)
            param_zero_set(argv[i++]);
        params_set(argc - i, argv + i);
        status = run_string(inv.command);
    } else if (i < argc && !inv.read_stdin) {
        param_zero_set(argv[i]);
        params_set(argc - i - 1, argv + i + 1);
        shell.script = argv[i];
        status = run_file(argv[i], 0);
        if (status < 0) {
            shell.script = NULL;
            sh_error("cannot open %s: %s", argv[i], strerror(errno));
            status = 127;
        }
    } else {
        params_set(argc - i, argv + i);
        status = run_stdin(&inv);
    }
    sh_exit(status);
}
