/*
 * var.c - shell variables (with the export attribute that puts them in the
 * environment of commands) and the positional parameters $0, $1...
 *
 * Variables live in a small unsorted array: a shell has tens of them, and
 * a linear scan is simpler than a hash table at that size.
 */
#include "sh.h"

#include <stdlib.h>
#include <string.h>

struct var {
    char *name;
    char *value;    /* NULL: exported but not set ("export NAME") */
    int exported;
};

static struct var *vars;
static int var_count;
static int var_cap;

static struct params positional;
static char *arg_zero;

static struct var *var_lookup(const char *name, size_t len)
{
    for (int i = 0; i < var_count; i++)
        if (strlen(vars[i].name) == len && memcmp(vars[i].name, name, len) == 0)
            return &vars[i];
    return NULL;
}

static struct var *var_create(const char *name, size_t len)
{
    struct var *v = var_lookup(name, len);

    if (v)
        return v;
    if (var_count == var_cap) {
        var_cap = var_cap ? var_cap * 2 : 32;
        vars = xrealloc(vars, (size_t)var_cap * sizeof *vars);
    }
    v = &vars[var_count++];
    v->name = xstrndup(name, len);
    v->value = NULL;
    v->exported = 0;
    return v;
}

const char *var_get(const char *name)
{
    struct var *v = var_lookup(name, strlen(name));

    return v ? v->value : NULL;
}

void var_set_n(const char *name, size_t name_len, const char *value)
{
    struct var *v = var_create(name, name_len);
    char *copy = xstrdup(value);

    free(v->value);
    v->value = copy;
}

void var_set(const char *name, const char *value)
{
    var_set_n(name, strlen(name), value);
}

void var_unset(const char *name)
{
    struct var *v = var_lookup(name, strlen(name));

    if (!v)
        return;
    free(v->name);
    free(v->value);
    *v = vars[--var_count];
    memset(&vars[var_count], 0, sizeof vars[var_count]);
}

void var_export(const char *name)
{
    var_create(name, strlen(name))->exported = 1;
}

int var_assign(const char *word)
{
    const char *eq = strchr(word, '=');

    if (!eq || !is_valid_name(word, (size_t)(eq - word)))
        return -1;
    var_set_n(word, (size_t)(eq - word), eq + 1);
    return 0;
}

void var_import(char **env)
{
    for (; env && *env; env++) {
        const char *eq = strchr(*env, '=');

        if (!eq || !is_valid_name(*env, (size_t)(eq - *env)))
            continue;
        var_set_n(*env, (size_t)(eq - *env), eq + 1);
        var_create(*env, (size_t)(eq - *env))->exported = 1;
    }
}

char **var_environ(void)
{
    struct strlist env = { 0 };

    for (int i = 0; i < var_count; i++) {
        struct strbuf entry = { 0 };

        if (!vars[i].exported || !vars[i].value)
            continue;
        strbuf_puts(&entry, vars[i].name);
        strbuf_putc(&entry, '=');
        strbuf_puts(&entry, vars[i].value);
        strlist_push(&env, strbuf_take(&entry));
    }
    if (!env.items)
        strlist_push(&env, NULL);
    return env.items;
}

static int var_compare(const void *a, const void *b)
{
    return strcmp(((const struct var *)a)->name, ((const struct var *)b)->name);
}

/* Prints value in single quotes, as the shell would read it back. */
static void print_quoted(const char *value)
{
    out_char('\'');
    for (; *value; value++) {
        if (*value == '\'')
            out_str("'\\''");
        else
            out_char(*value);
    }
    out_char('\'');
}

void var_print(int exported_only)
{
    qsort(vars, (size_t)var_count, sizeof *vars, var_compare);
    for (int i = 0; i < var_count; i++) {
        if (exported_only && !vars[i].exported)
            continue;
        if (exported_only)
            out_str("export ");
        out_str(vars[i].name);
        if (vars[i].value) {
            out_char('=');
            print_quoted(vars[i].value);
        }
        out_char('\n');
    }
}

void var_free_all(void)
{
    for (int i = 0; i < var_count; i++) {
        free(vars[i].name);
        free(vars[i].value);
    }
    free(vars);
    vars = NULL;
    var_count = var_cap = 0;
    params_free(&positional);
    free(arg_zero);
    arg_zero = NULL;
}

/* A variable's state before a temporary assignment (VAR=x builtin). */
struct var_saved {
    char *name;
    char *value;      /* NULL if the variable was unset */
    int existed;
    int exported;
    struct var_saved *next;
};

struct var_saved *var_save(const char *name, struct var_saved *list)
{
    struct var_saved *s = xmalloc(sizeof *s);
    struct var *v = var_lookup(name, strlen(name));

    s->name = xstrdup(name);
    s->existed = v != NULL;
    s->value = v && v->value ? xstrdup(v->value) : NULL;
    s->exported = v ? v->exported : 0;
    s->next = list;
    return s;
}

void var_restore(struct var_saved *list)
{
    while (list) {
        struct var_saved *next = list->next;

        var_unset(list->name);
        if (list->existed) {
            struct var *v = var_create(list->name, strlen(list->name));

            v->value = list->value;
            v->exported = list->exported;
        } else {
            free(list->value);
        }
        free(list->name);
        free(list);
        list = next;
    }
}

void params_free(struct params *p)
{
    free_argv(p->values);
    p->values = NULL;
    p->count = 0;
}

void params_set(int count, char *const *values)
{
    params_free(&positional);
    positional.values = xmalloc(((size_t)count + 1) * sizeof(char *));
    for (int i = 0; i < count; i++)
        positional.values[i] = xstrdup(values[i]);
    positional.values[count] = NULL;
    positional.count = count;
}

struct params params_swap(struct params replacement)
{
    struct params old = positional;

    positional = replacement;
    return old;
}

int params_count(void)
{
    return positional.count;
}

const char *params_get(int n)
{
    return n >= 1 && n <= positional.count ? positional.values[n - 1] : NULL;
}

int params_shift(int n)
{
    if (n < 0 || n > positional.count)
        return -1;
    for (int i = 0; i < n; i++)
        free(positional.values[i]);
    memmove(positional.values, positional.values + n,
            ((size_t)(positional.count - n) + 1) * sizeof(char *));
    positional.count -= n;
    return 0;
}

const char *param_zero(void)
{
    return arg_zero ? arg_zero : "sh";
}

void param_zero_set(const char *name)
{
    free(arg_zero);
    arg_zero = xstrdup(name);
}
