/*
 * The environment: getenv, setenv, unsetenv, putenv over environ, an array
 * of "name=value" strings ended by NULL. The array the program started with
 * is left alone; the first change that adds a variable copies it into one
 * from malloc. Strings made by setenv are remembered, so they can be freed
 * when their variable is replaced or removed; strings from the start-up
 * environment or from putenv belong to the caller and are never freed.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>

char **environ;

static char **owned_array;    /* environ, when this file allocated it */
static char **owned_strings;  /* strings made by setenv and still in environ */
static size_t owned_count;

/* A valid name is nonempty and has no '='. */
static bool name_valid(const char *name)
{
	if (name && *name && !strchr(name, '='))
		return true;
	errno = EINVAL;
	return false;
}

/* The slot of variable name (of length len) in environ, or NULL. */
static char **find(const char *name, size_t len)
{
	for (char **e = environ; e && *e; e++) {
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return e;
	}
	return NULL;
}

char *getenv(const char *name)
{
	size_t len = strcspn(name, "=");
	char **slot = name[len] ? NULL : find(name, len);
	return slot ? *slot + len + 1 : NULL;
}

/* Frees string if setenv made it; the caller has taken it out of environ. */
static void forget(char *string)
{
	for (size_t i = 0; i < owned_count; i++) {
		if (owned_strings[i] == string) {
			owned_strings[i] = owned_strings[--owned_count];
			free(string);
			return;
		}
	}
}

static bool remember(char *string)
{
	char **grown = realloc(owned_strings, (owned_count + 1) * sizeof(*grown));
	if (!grown)
		return false;
	owned_strings = grown;
	owned_strings[owned_count++] = string;
	return true;
}

static size_t environ_count(void)
{
	size_t n = 0;
	while (environ && environ[n])
		n++;
	return n;
}

/* Appends string to environ, moving environ into allocated memory if need be. */
static bool append(char *string)
{
	size_t n = environ_count();
	char **old = environ == owned_array ? owned_array : NULL;
	char **array = realloc(old, (n + 2) * sizeof(*array));
	if (!array)
		return false;
	if (environ != owned_array && n)
		memcpy(array, environ, n * sizeof(*array));
	array[n] = string;
	array[n + 1] = NULL;
	environ = owned_array = array;
	return true;
}

/* Puts string ("name=value", name of length len) in place of the old value. */
static bool install(char *string, size_t len)
{
	char **slot = find(string, len);
	if (!slot)
		return append(string);
	char *old = *slot;
	*slot = string;
	if (old != string)
		forget(old);
	return true;
}

int setenv(const char *name, const char *value, int overwrite)
{
	if (!name_valid(name))
		return -1;
	size_t len = strlen(name);
	if (!overwrite && find(name, len))
		return 0;
	size_t size = len + strlen(value) + 2;
	char *string = malloc(size);
	if (!string)
		return -1;
	snprintf(string, size, "%s=%s", name, value);
	if (!remember(string)) {
		free(string);
		return -1;
	}
	if (!install(string, len)) {
		forget(string);
		return -1;
	}
	return 0;
}

/* Adds string itself (not a copy) to the environment; it must contain '='. */
int putenv(char *string)
{
	const char *equals = strchr(string, '=');
	if (!equals || equals == string) {
		errno = EINVAL;
		return -1;
	}
	return install(string, (size_t)(equals - string)) ? 0 : -1;
}

int unsetenv(const char *name)
{
	if (!name_valid(name))
		return -1;
	size_t len = strlen(name);
	char **slot;
	while ((slot = find(name, len))) {
		char *old = *slot;
		do
			slot[0] = slot[1];
		while (*slot++);
		forget(old);
	}
	return 0;
}
