/*
 * exec.c - runs the syntax tree: lists, and-or lists, pipelines, compound
 * commands, and simple commands (built-ins, functions, programs found on
 * PATH); also the loop that reads, parses and runs a source of commands.
 *
 * Every node kind has a handler in node_handlers[]. Control flow that
 * crosses nodes (break, continue, return) is a flag in shell.jump that each
 * list and loop checks after running a command.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct function {
    char *name;
    struct node *body;  /* owned by a kept tree, see keep_tree() */
};

static struct function *functions;
static int function_count;

static struct node **kept_trees;  /* trees that define functions */
static int kept_count;

/* ---- functions ---- */

struct node *func_find(const char *name)
{
    for (int i = 0; i < function_count; i++)
        if (strcmp(functions[i].name, name) == 0)
            return functions[i].body;
    return NULL;
}

void func_unset(const char *name)
{
    for (int i = 0; i < function_count; i++) {
        if (strcmp(functions[i].name, name) == 0) {
            free(functions[i].name);
            functions[i] = functions[--function_count];
            return;
        }
    }
}

void func_define(const char *name, struct node *body)
{
    func_unset(name);
    functions = xrealloc(functions, (size_t)(function_count + 1) * sizeof *functions);
    functions[function_count].name = xstrdup(name);
    functions[function_count].body = body;
    function_count++;
}

/* A tree that defines functions lives as long as the shell: the function
 * bodies point into it. */
static void keep_tree(struct node *tree)
{
    kept_trees = xrealloc(kept_trees, (size_t)(kept_count + 1) * sizeof(struct node *));
    kept_trees[kept_count++] = tree;
}

int exec_function(struct node *body, int argc, char **argv)
{
    struct params mine = { .count = argc - 1, .values = xmalloc((size_t)argc * sizeof(char *)) };
    struct params outer;
    int status;

    for (int i = 1; i <= argc; i++)
        mine.values[i - 1] = i < argc ? xstrdup(argv[i]) : NULL;
    outer = params_swap(mine);
    shell.func_depth++;
    status = exec_node(body, 0);
    shell.func_depth--;
    if (shell.jump == JUMP_RETURN)
        shell.jump = JUMP_NONE;
    mine = params_swap(outer);
    params_free(&mine);
    return status;
}

/* ---- running programs ---- */

/* A file the kernel would not run: a #! line names its interpreter, and
 * without one it is a shell script that this process runs itself. */
static void exec_script(const char *path, char **argv, char **env)
{
    char head[256];
    ssize_t n = 0;
    int fd = open(path, O_RDONLY);

    if (fd >= 0) {
        n = read(fd, head, sizeof head - 1);
        close(fd);
    }
    if (n > 2 && head[0] == '#' && head[1] == '!') {
        struct strlist args = { 0 };
        char *p = head + 2, *end;

        head[n] = '\0';
        end = strchr(p, '\n');
        if (end)
            *end = '\0';
        while (*p == ' ' || *p == '\t')
            p++;
        end = p + strcspn(p, " \t");
        strlist_push(&args, xstrndup(p, (size_t)(end - p)));
        end += strspn(end, " \t");
        if (*end)
            strlist_push(&args, xstrndup(end, strcspn(end, " \t")));
        strlist_push(&args, xstrdup(path));
        for (int i = 1; argv[i]; i++)
            strlist_push(&args, xstrdup(argv[i]));
        execve(args.items[0], args.items, env);
        strlist_free(&args);
        return;
    }
    for (n = 0; argv[n + 1]; n++)
        ;
    params_set((int)n, argv + 1);
    param_zero_set(path);
    shell.script = path;
    sh_exit(run_file(path, 1));
}

static int try_exec(const char *path, char **argv, char **env)
{
    execve(path, argv, env);
    if (errno == ENOEXEC)
        exec_script(path, argv, env);
    return errno;
}

/* Replaces the shell with the program argv[0], searched on PATH. */
void exec_argv(char **argv)
{
    char **env = var_environ();
    const char *name = argv[0];
    int err = ENOENT;

    if (strchr(name, '/')) {
        err = try_exec(name, argv, env);
    } else {
        const char *path = var_get("PATH");

        for (const char *dir = path ? path : "/bin:/usr/bin"; dir; ) {
            const char *colon = strchr(dir, ':');
            size_t len = colon ? (size_t)(colon - dir) : strlen(dir);
            struct strbuf file = { 0 };
            int e;

            strbuf_putn(&file, len ? dir : ".", len ? len : 1);
            strbuf_putc(&file, '/');
            strbuf_puts(&file, name);
            e = try_exec(file.data, argv, env);
            strbuf_free(&file);
            if (e != ENOENT && e != ENOTDIR && err != EACCES)
                err = e;
            dir = colon ? colon + 1 : NULL;
        }
    }
    free_argv(env);
    if (err == ENOENT || err == ENOTDIR) {
        sh_error("%s: not found", name);
        sh_exit(127);
    }
    sh_error("%s: %s", name, strerror(err));
    sh_exit(126);
}

/* ---- simple commands ---- */

/* Expands and assigns "name=value"; export it if asked. */
static void assign_word(const char *word, int export)
{
    const char *eq = strchr(word, '=');
    char *value = expand_string(eq + 1);

    var_set_n(word, (size_t)(eq - word), value);
    if (export) {
        char *name = xstrndup(word, (size_t)(eq - word));

        var_export(name);
        free(name);
    }
    free(value);
}

static struct var_saved *assign_temporarily(struct strlist *assigns)
{
    struct var_saved *saved = NULL;

    for (int i = 0; i < assigns->count; i++) {
        const char *word = assigns->items[i];
        char *name = xstrndup(word, strcspn(word, "="));

        saved = var_save(name, saved);
        free(name);
        assign_word(word, 0);
    }
    return saved;
}

static void trace(struct node *n, struct strlist *argv)
{
    struct strbuf line = { 0 };

    if (!shell.opt_xtrace)
        return;
    strbuf_putc(&line, '+');
    for (int i = 0; i < n->assigns.count; i++) {
        strbuf_putc(&line, ' ');
        strbuf_puts(&line, n->assigns.items[i]);
    }
    for (int i = 0; i < argv->count; i++) {
        strbuf_putc(&line, ' ');
        strbuf_puts(&line, argv->items[i]);
    }
    strbuf_putc(&line, '\n');
    out_flush();
    write_all(2, line.data, line.len);
    strbuf_free(&line);
}

/* set -x for an assignment: "+ name=value", the value expanded. */
static void trace_assignment(const char *word)
{
    size_t len = strcspn(word, "=");
    char *name = xstrndup(word, len);
    const char *value = var_get(name);
    struct strbuf line = { 0 };

    strbuf_puts(&line, "+ ");
    strbuf_puts(&line, name);
    strbuf_putc(&line, '=');
    strbuf_puts(&line, value ? value : "");
    strbuf_putc(&line, '\n');
    out_flush();
    write_all(2, line.data, line.len);
    strbuf_free(&line);
    free(name);
}

/* A command of only assignments and redirections. */
static int exec_assignments(struct node *n)
{
    struct redir_save save = { 0 };
    int status;

    for (int i = 0; i < n->assigns.count; i++) {
        assign_word(n->assigns.items[i], 0);
        if (shell.opt_xtrace)
            trace_assignment(n->assigns.items[i]);
    }
    if (expand_check())
        return 1;
    status = shell.subst_status >= 0 ? shell.subst_status : 0;
    if (n->redirs) {
        if (redir_apply(n->redirs, &save) != 0)
            status = 1;
        redir_restore(&save);
    }
    return status;
}

static int exec_builtin(const struct builtin *b, struct node *n, struct strlist *argv)
{
    struct redir_save save = { 0 };
    struct var_saved *saved = NULL;
    int status = 1;

    if (b->special) {
        for (int i = 0; i < n->assigns.count; i++)
            assign_word(n->assigns.items[i], b->keep_redirs);
    } else {
        saved = assign_temporarily(&n->assigns);
    }
    if (redir_apply(n->redirs, b->keep_redirs ? NULL : &save) == 0)
        status = b->run(argv->count, argv->items);
    out_flush();
    redir_restore(&save);
    var_restore(saved);
    return status;
}

static int exec_function_call(struct node *body, struct node *n, struct strlist *argv)
{
    struct redir_save save = { 0 };
    struct var_saved *saved = assign_temporarily(&n->assigns);
    int status = 1;

    if (redir_apply(n->redirs, &save) == 0)
        status = exec_function(body, argv->count, argv->items);
    redir_restore(&save);
    var_restore(saved);
    return status;
}

/* In the child (or in a subshell about to end): set up and exec. */
static void exec_program_here(struct node *n, struct strlist *argv)
{
    if (redir_apply(n->redirs, NULL) != 0)
        sh_exit(1);
    for (int i = 0; i < n->assigns.count; i++)
        assign_word(n->assigns.items[i], 1);
    expand_check();
    exec_argv(argv->items);
}

static int exec_program(struct node *n, struct strlist *argv, int flags)
{
    pid_t pid;

    if (flags & EXEC_FORKED)
        exec_program_here(n, argv);
    pid = sh_fork(FORK_FOREGROUND, 0);
    if (pid == 0)
        exec_program_here(n, argv);
    if (pid < 0)
        return 2;
    return wait_foreground(&pid, 1);
}

static int exec_command(struct node *n, int flags)
{
    struct strlist argv = { 0 };
    const struct builtin *b;
    struct node *body;
    int status;

    shell.lineno = n->line;
    shell.subst_status = -1;
    for (int i = 0; i < n->words.count; i++)
        expand_fields(n->words.items[i], &argv);
    if (expand_check()) {
        strlist_free(&argv);
        return 1;
    }
    if (argv.count == 0) {
        strlist_free(&argv);
        return exec_assignments(n);
    }
    trace(n, &argv);
    b = builtin_find(argv.items[0]);
    body = func_find(argv.items[0]);
    if (b && (b->special || !body))
        status = exec_builtin(b, n, &argv);
    else if (body)
        status = exec_function_call(body, n, &argv);
    else
        status = exec_program(n, &argv, flags);
    strlist_free(&argv);
    return status;
}

/* ---- lists, pipelines, compound commands ---- */

static int exec_async(struct node *n)
{
    int job_control = shell.job_control;
    pid_t pid = sh_fork(FORK_BACKGROUND, 0);

    if (pid == 0) {
        if (!job_control) {
            int fd = open("/dev/null", O_RDONLY);

            if (fd > 0) {
                dup2(fd, 0);
                close(fd);
            }
        }
        sh_exit(exec_node(n, EXEC_FORKED));
    }
    if (pid > 0)
        jobs_add(pid);
    return pid > 0 ? 0 : 2;
}

static int exec_list(struct node *n, int flags)
{
    int status = 0;

    for (struct node *item = n->child; item; item = item->next) {
        if (item->async)
            status = exec_async(item);
        else
            status = exec_node(item, item->next ? 0 : flags);
        shell.last_status = status;
        if (shell.jump != JUMP_NONE)
            break;
    }
    return status;
}

static int exec_and_or(struct node *n, int flags)
{
    int status;

    shell.errexit_off++;
    status = exec_node(n->child, 0);
    shell.errexit_off--;
    if (shell.jump != JUMP_NONE)
        return status;
    if ((n->kind == N_AND) == (status == 0))
        status = exec_node(n->then, flags);
    return status;
}

static int exec_not(struct node *n, int flags)
{
    int status;

    (void)flags;
    shell.errexit_off++;
    status = exec_node(n->child, 0);
    shell.errexit_off--;
    return !status;
}

static int exec_pipeline(struct node *n, int flags)
{
    int count = 0, i = 0, in_fd = -1, status;
    pid_t *pids, pgid = 0;

    (void)flags;
    for (struct node *m = n->child; m; m = m->next)
        count++;
    pids = xmalloc((size_t)count * sizeof *pids);
    for (struct node *m = n->child; m; m = m->next, i++) {
        int fds[2] = { -1, -1 };

        if (m->next && pipe(fds) != 0) {
            sh_error("pipe: %s", strerror(errno));
            fds[0] = fds[1] = -1;
        }
        pids[i] = sh_fork(FORK_FOREGROUND, pgid);
        if (pids[i] == 0) {
            if (in_fd >= 0) {
                dup2(in_fd, 0);
                close(in_fd);
            }
            if (fds[1] >= 0) {
                close(fds[0]);
                dup2(fds[1], 1);
                close(fds[1]);
            }
            sh_exit(exec_node(m, EXEC_FORKED));
        }
        if (!pgid && pids[i] > 0)
            pgid = pids[i];
        if (in_fd >= 0)
            close(in_fd);
        if (fds[1] >= 0)
            close(fds[1]);
        in_fd = fds[0];
    }
    status = wait_foreground(pids, count);
    free(pids);
    return status;
}

static int exec_subshell(struct node *n, int flags)
{
    pid_t pid;

    if (flags & EXEC_FORKED)
        return exec_node(n->child, EXEC_FORKED);
    pid = sh_fork(FORK_FOREGROUND, 0);
    if (pid == 0)
        sh_exit(exec_node(n->child, EXEC_FORKED));
    if (pid < 0)
        return 2;
    return wait_foreground(&pid, 1);
}

static int exec_group(struct node *n, int flags)
{
    return exec_node(n->child, flags);
}

static int exec_condition(struct node *n)
{
    int status;

    shell.errexit_off++;
    status = exec_node(n, 0);
    shell.errexit_off--;
    return status;
}

static int exec_if(struct node *n, int flags)
{
    int status = exec_condition(n->child);

    if (shell.jump != JUMP_NONE)
        return status;
    if (status == 0)
        return exec_node(n->then, flags);
    return n->otherwise ? exec_node(n->otherwise, flags) : 0;
}

/* After a break/continue/return inside a loop body: 1 if the loop ends. */
static int loop_stops(void)
{
    if (shell.jump == JUMP_CONTINUE) {
        if (--shell.jump_count > 0)
            return 1;
        shell.jump = JUMP_NONE;
        return 0;
    }
    if (shell.jump == JUMP_BREAK && --shell.jump_count == 0)
        shell.jump = JUMP_NONE;
    return 1;
}

static int exec_loop(struct node *n, int flags)
{
    int status = 0;

    (void)flags;
    shell.loop_depth++;
    for (;;) {
        int condition = exec_condition(n->child);

        if (shell.jump != JUMP_NONE && loop_stops())
            break;
        if ((condition == 0) != (n->kind == N_WHILE))
            break;
        status = exec_node(n->then, 0);
        if (shell.jump != JUMP_NONE && loop_stops())
            break;
    }
    shell.loop_depth--;
    return status;
}

static int exec_for(struct node *n, int flags)
{
    struct strlist items = { 0 };
    int status = 0;

    (void)flags;
    for (int i = 0; i < n->words.count; i++)
        expand_fields(n->words.items[i], &items);
    if (!n->for_in)
        for (int i = 1; i <= params_count(); i++)
            strlist_push(&items, xstrdup(params_get(i)));
    if (expand_check()) {
        strlist_free(&items);
        return 1;
    }
    shell.loop_depth++;
    for (int i = 0; i < items.count; i++) {
        var_set(n->name, items.items[i]);
        status = exec_node(n->then, 0);
        if (shell.jump != JUMP_NONE && loop_stops())
            break;
    }
    shell.loop_depth--;
    strlist_free(&items);
    return status;
}

static int exec_case(struct node *n, int flags)
{
    char *subject = expand_string(n->words.items[0]);

    if (expand_check()) {
        free(subject);
        return 1;
    }
    for (struct case_item *item = n->cases; item; item = item->next) {
        for (int i = 0; i < item->patterns.count; i++) {
            char *pattern = expand_pattern(item->patterns.items[i]);
            int match = pattern_match(pattern, subject);

            free(pattern);
            if (match) {
                free(subject);
                return exec_node(item->body, flags);
            }
        }
    }
    free(subject);
    return 0;
}

static int exec_funcdef(struct node *n, int flags)
{
    (void)flags;
    func_define(n->name, n->child);
    return 0;
}

static int (*const node_handlers[N_KIND_COUNT])(struct node *n, int flags) = {
    [N_COMMAND] = exec_command,   [N_PIPELINE] = exec_pipeline,
    [N_AND] = exec_and_or,        [N_OR] = exec_and_or,
    [N_NOT] = exec_not,           [N_LIST] = exec_list,
    [N_SUBSHELL] = exec_subshell, [N_GROUP] = exec_group,
    [N_IF] = exec_if,             [N_WHILE] = exec_loop,
    [N_UNTIL] = exec_loop,        [N_FOR] = exec_for,
    [N_CASE] = exec_case,         [N_FUNCDEF] = exec_funcdef,
};

/* set -e: a failed command (outside any condition) ends the shell. */
static void check_errexit(struct node *n, int status)
{
    int checked = n->kind == N_COMMAND || n->kind == N_PIPELINE || n->kind == N_SUBSHELL;

    if (status && checked && shell.opt_errexit && !shell.errexit_off && shell.jump == JUMP_NONE)
        sh_exit(status);
}

int exec_node(struct node *n, int flags)
{
    struct redir_save save = { 0 };
    int status;

    if (!n)
        return 0;
    if (n->kind != N_COMMAND && n->redirs) {
        if (redir_apply(n->redirs, &save) != 0)
            status = 1;
        else
            status = node_handlers[n->kind](n, flags & ~EXEC_FORKED);
        redir_restore(&save);
    } else {
        status = node_handlers[n->kind](n, flags);
    }
    shell.last_status = status;
    check_errexit(n, status);
    return status;
}

/* ---- reading and running a source of commands ---- */

static void run_tree(struct node *tree, int keep)
{
    exec_node(tree, 0);
    if (keep)
        keep_tree(tree);
    else
        node_free(tree);
}

int run_input(struct input *in)
{
    struct parser p;

    parser_init(&p, in);
    for (;;) {
        struct node *tree;
        enum parse_result r;

        in->continuation = 0;
        r = parse_line(&p, &tree);
        if (r == PARSE_EOF)
            break;
        if (r == PARSE_ERROR) {
            input_discard_line(in);
            if (in->interrupted) {
                in->interrupted = 0;
                continue;
            }
            shell.last_status = 2;
            if (!shell.interactive)
                sh_exit(2);
            if (!in->interactive)
                break; /* eval or . in an interactive shell: give up on it */
            continue;
        }
        run_tree(tree, p.has_funcdef);
        if (shell.jump == JUMP_RETURN)
            break;
    }
    parser_free(&p);
    return shell.last_status;
}

int run_string(const char *text)
{
    struct input in;
    int status;

    input_from_string(&in, text);
    status = run_input(&in);
    input_free(&in);
    return status;
}

/* Runs a script file; -1 (with errno set) if it cannot be opened. */
int run_file(const char *path, int report_missing)
{
    struct input in;
    int status, fd = open(path, O_RDONLY);

    if (fd >= 0) {
        int high = dup_high(fd);

        close(fd);
        fd = high;
    }
    if (fd < 0) {
        if (report_missing)
            sh_error("cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    input_from_fd(&in, fd, 0);
    in.one_byte_reads = 0;
    status = run_input(&in);
    input_free(&in);
    close(fd);
    return status;
}
