/*
 * pattern.c - shell pattern matching (* ? [...] and backslash escapes),
 * used by case, ${var#pattern} and pathname expansion, which walks the
 * directories named by a pattern one component at a time.
 */
#include "sh.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct char_class {
    const char *name;
    int (*test)(int c);
};

static const struct char_class classes[] = {
    { .name = "alnum", .test = isalnum }, { .name = "alpha", .test = isalpha },
    { .name = "blank", .test = isblank }, { .name = "cntrl", .test = iscntrl },
    { .name = "digit", .test = isdigit }, { .name = "graph", .test = isgraph },
    { .name = "lower", .test = islower }, { .name = "print", .test = isprint },
    { .name = "punct", .test = ispunct }, { .name = "space", .test = isspace },
    { .name = "upper", .test = isupper }, { .name = "xdigit", .test = isxdigit },
};

/* At "[:name:]" in a bracket: sets *match if c is in the class and returns
 * the length of the class expression, or 0 if it is not one. */
static size_t match_class(const char *p, unsigned char c, int *match)
{
    const char *end = strstr(p + 2, ":]");

    if (!end)
        return 0;
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        size_t n = strlen(classes[i].name);

        if ((size_t)(end - (p + 2)) == n && strncmp(p + 2, classes[i].name, n) == 0) {
            if (classes[i].test(c))
                *match = 1;
            return (size_t)(end - p) + 2;
        }
    }
    return 0;
}

/* Matches c against the bracket expression at *pp ('['); advances *pp
 * past it. Returns -1 if the bracket is not closed (then '[' is literal). */
static int match_bracket(const char **pp, char c)
{
    const char *p = *pp + 1;
    int negate = *p == '!' || *p == '^';
    int match = 0;

    if (negate)
        p++;
    for (int first = 1; *p && (first || *p != ']'); first = 0) {
        char lo = *p;
        size_t class_len;

        if (lo == '[' && p[1] == ':' && (class_len = match_class(p, (unsigned char)c, &match))) {
            p += class_len;
            continue;
        }
        if (lo == '\\' && p[1])
            lo = *++p;
        p++;
        if (*p == '-' && p[1] && p[1] != ']') {
            const char *upper = p + 1;
            char hi;

            if (*upper == '\\' && upper[1])
                upper++;
            hi = *upper;
            p = upper + 1;
            if ((unsigned char)c >= (unsigned char)lo && (unsigned char)c <= (unsigned char)hi)
                match = 1;
        } else if (c == lo) {
            match = 1;
        }
    }
    if (*p != ']')
        return -1;
    *pp = p + 1;
    return c != '\0' && match != negate;
}

int pattern_match(const char *p, const char *s)
{
    while (*p) {
        int r;

        switch (*p) {
        case '?':
            if (!*s)
                return 0;
            p++;
            s++;
            break;
        case '*':
            while (*p == '*')
                p++;
            if (!*p)
                return 1;
            for (; *s; s++)
                if (pattern_match(p, s))
                    return 1;
            return pattern_match(p, s);
        case '[':
            r = match_bracket(&p, *s);
            if (r == 0)
                return 0;
            if (r > 0) {
                s++;
                break;
            }
            if (*s != '[')
                return 0;
            p++;
            s++;
            break;
        default:
            if (*p == '\\' && p[1])
                p++;
            if (*p != *s)
                return 0;
            p++;
            s++;
        }
    }
    return *s == '\0';
}

int pattern_has_magic(const char *p)
{
    for (; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '*' || *p == '?' || *p == '[')
            return 1;
    }
    return 0;
}

char *pattern_unescape(const char *p)
{
    struct strbuf b = { 0 };

    for (; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        strbuf_putc(&b, *p);
    }
    return strbuf_take(&b);
}

static char *path_join(const char *prefix, const char *name, int more)
{
    struct strbuf b = { 0 };

    strbuf_puts(&b, prefix);
    strbuf_puts(&b, name);
    if (more)
        strbuf_putc(&b, '/');
    return strbuf_take(&b);
}

/* Expands components[index..count) below prefix ("" or ending in '/'). */
static void glob_walk(const char *prefix, char **components, int index, int count,
                      struct strlist *out)
{
    const char *component = components[index];
    int more = index + 1 < count;
    DIR *dir;
    struct dirent *entry;

    if (!pattern_has_magic(component)) {
        char *name = pattern_unescape(component);
        char *path = path_join(prefix, name, more);

        if (more)
            glob_walk(path, components, index + 1, count, out);
        else if (access(path, F_OK) == 0)
            strlist_push(out, xstrdup(path));
        free(path);
        free(name);
        return;
    }
    dir = opendir(*prefix ? prefix : ".");
    if (!dir)
        return;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        char *path;

        if (name[0] == '.' && component[0] != '.')
            continue;
        if (!pattern_match(component, name))
            continue;
        path = path_join(prefix, name, more);
        if (more)
            glob_walk(path, components, index + 1, count, out);
        else
            strlist_push(out, xstrdup(path));
        free(path);
    }
    closedir(dir);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void glob_expand(const char *pattern, struct strlist *out)
{
    struct strlist components = { 0 };
    struct strlist matches = { 0 };
    const char *start = pattern;

    for (const char *p = pattern;; p++) {
        if (*p == '/' || *p == '\0') {
            strlist_push(&components, xstrndup(start, (size_t)(p - start)));
            start = p + 1;
        }
        if (!*p)
            break;
    }
    glob_walk("", components.items, 0, components.count, &matches);
    if (matches.count > 1)
        qsort(matches.items, (size_t)matches.count, sizeof(char *), compare_strings);
    for (int i = 0; i < matches.count; i++)
        strlist_push(out, matches.items[i]);
    free(matches.items);
    strlist_free(&components);
}
