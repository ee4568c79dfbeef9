/*
 * redir.c - applies the redirections of a command to the shell's own file
 * descriptors, optionally saving what they replaced so that a built-in or
 * compound command can have them undone afterwards.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Remembers fd before it is replaced (once per redirection). */
static int save_fd(struct redir_save *save, int fd)
{
    if (!save)
        return 0;
    if (save->count == (int)(sizeof save->fds / sizeof save->fds[0])) {
        sh_error("too many redirections");
        return -1;
    }
    save->fds[save->count] = fd;
    save->saved[save->count] = dup_high(fd);
    save->count++;
    return 0;
}

void redir_restore(struct redir_save *save)
{
    out_flush();
    while (save->count > 0) {
        int i = --save->count;

        if (save->saved[i] >= 0) {
            dup2(save->saved[i], save->fds[i]);
            close(save->saved[i]);
        } else {
            close(save->fds[i]);
        }
    }
}

/* Puts the descriptor `from` at `to` and closes `from`. */
static void move_fd(int from, int to)
{
    if (from != to) {
        dup2(from, to);
        close(from);
    }
}

static int open_file(struct redir *r, const char *path)
{
    static const int modes[] = {
        [R_IN] = O_RDONLY,
        [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
        [R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
        [R_INOUT] = O_RDWR | O_CREAT,
    };
    int fd = open(path, modes[r->kind], 0666);

    if (fd < 0)
        sh_error("cannot open %s: %s", path, strerror(errno));
    return fd;
}

/* A here-document arrives through a pipe; a writer process feeds bodies
 * larger than what a pipe is guaranteed to hold. */
static int heredoc_fd(struct redir *r)
{
    char *body = r->heredoc_literal ? xstrdup(r->heredoc) : expand_heredoc(r->heredoc);
    size_t len = strlen(body);
    int fds[2];

    if (pipe(fds) != 0) {
        sh_error("pipe: %s", strerror(errno));
        free(body);
        return -1;
    }
    if (len <= 4096) {
        write_all(fds[1], body, len);
    } else if (sh_fork(FORK_PLAIN, 0) == 0) {
        close(fds[0]);
        write_all(fds[1], body, len);
        _exit(0);
    }
    close(fds[1]);
    free(body);
    return fds[0];
}

/* n>&m, n<&m, n>&- : duplicate or close. */
static int redirect_dup(struct redir *r, const char *target)
{
    long from;

    if (strcmp(target, "-") == 0) {
        close(r->fd);
        return 0;
    }
    if (parse_number(target, &from) != 0 || from < 0 || from > 1000) {
        sh_error("%s: bad file descriptor", target);
        return -1;
    }
    if (from == r->fd)
        return 0;
    if (dup2((int)from, r->fd) < 0) {
        sh_error("%ld: %s", from, strerror(errno));
        return -1;
    }
    return 0;
}

static int redirect_one(struct redir *r)
{
    char *target;
    int fd, status = 0;

    if (r->kind == R_HEREDOC) {
        fd = heredoc_fd(r);
        if (fd < 0)
            return -1;
        move_fd(fd, r->fd);
        return 0;
    }
    target = expand_string(r->target);
    if (expand_check()) {
        free(target);
        return -1;
    }
    if (r->kind == R_DUP_IN || r->kind == R_DUP_OUT) {
        status = redirect_dup(r, target);
    } else if ((fd = open_file(r, target)) < 0) {
        status = -1;
    } else {
        move_fd(fd, r->fd);
    }
    free(target);
    return status;
}

int redir_apply(struct redir *list, struct redir_save *save)
{
    out_flush();
    for (struct redir *r = list; r; r = r->next) {
        if (save_fd(save, r->fd) != 0 || redirect_one(r) != 0)
            return -1;
    }
    return 0;
}
