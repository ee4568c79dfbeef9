/*
 * exec: lays out argc, argv and envp as the new program's initial stack, for
 * the addresses they will have there, and asks PM to run the program: one
 * read from a file (execve, execv, execvp), or one of the boot image
 * (execve_boot, for programs that start before any file system).
 */
#include <libsys.h>
#include <libc_private.h>
#include "server.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

#define STACK_IMAGE_MAX (16 * 1024)

static size_t count(char *const list[])  // cppcheck-suppress constParameter ; the type of argv
{
	size_t n = 0;
	while (list && list[n])
		n++;
	return n;
}

/* Appends each string of list after *strings, pointing slots[] at their final address. */
static int place_strings(char *const list[], size_t n, uint32_t *slots, char *image, size_t *used,
			 uint32_t base)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(list[i]) + 1;
		if (*used + len > STACK_IMAGE_MAX)
			return -E2BIG;
		memcpy(image + *used, list[i], len);
		slots[i] = base + (uint32_t)*used;
		*used += len;
	}
	slots[n] = 0;
	return 0;
}

/* The stack image for argv and envp, built in image; returns its size or -1 (errno set). */
static char image[STACK_IMAGE_MAX];

static int build_stack(char *const argv[], char *const envp[])
{
	size_t argc = count(argv), envc = count(envp);
	size_t head = (1 + argc + 1 + envc + 1) * sizeof(uint32_t);
	size_t strings = 0;
	for (size_t i = 0; i < argc; i++)
		strings += strlen(argv[i]) + 1;
	for (size_t i = 0; i < envc; i++)
		strings += strlen(envp[i]) + 1;
	size_t total = (head + strings + 3) & ~(size_t)3;
	if (total > STACK_IMAGE_MAX) {
		errno = E2BIG;
		return -1;
	}
	uint32_t base = USER_STACK_TOP - (uint32_t)total;
	uint32_t *words = (uint32_t *)image;
	size_t used = head;
	memset(image, 0, total);
	words[0] = (uint32_t)argc;
	place_strings(argv, argc, words + 1, image, &used, base);
	place_strings(envp, envc, words + 2 + argc, image, &used, base);
	return (int)total;
}

/* The last component of path, cut to a process name. */
static void program_name(const char *path, char name[16])
{
	const char *slash = strrchr(path, '/');
	strlcpy(name, slash ? slash + 1 : path, 16);
}

/* Asks PM to run the new program, lending it the stack image and the
 * executable (again to its next instance if it died first: nothing was
 * done then); returns only on failure (-1, errno set). */
static int ask_pm(int type, const char *path, const void *elf, size_t elf_len, int stack_len)
{
	message m = { 0 };
	program_name(path, m.pm.name);
	m.pm.len = (uint32_t)stack_len;
	m.pm.image_len = elf ? (uint32_t)elf_len : 0;
	const struct __libc_lend lends[] = {
		{ image, (size_t)stack_len, GRANT_READ, &m.pm.grant },
		{ elf, elf_len, GRANT_READ, &m.pm.image_grant },
	};
	/* on success there is no reply: the new program runs */
	__libc_call_lending(&__libc_pm, type, &m, lends, elf ? 2 : 1);
	return -1;
}

int execve_boot(const char *name, char *const argv[], char *const envp[])
{
	int stack_len = build_stack(argv, envp);
	return stack_len < 0 ? -1 : ask_pm(PM_EXEC_BOOT, name, NULL, 0, stack_len);
}

/* Reads the whole executable at path into a new buffer; VFS checks it may be run. */
static char *read_program(const char *path, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_EXEC | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	char *buf = NULL;
	if (fstat(fd, &st) < 0)
		buf = NULL;
	else if (st.st_size <= 0 || !(buf = malloc((size_t)st.st_size)))
		errno = st.st_size <= 0 ? ENOEXEC : ENOMEM;
	else if (read(fd, buf, (size_t)st.st_size) != (ssize_t)st.st_size) {
		free(buf);
		buf = NULL;
		errno = EIO;
	}
	close(fd);
	*len = buf ? (size_t)st.st_size : 0;
	return buf;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	size_t len;
	char *elf = read_program(path, &len);
	if (!elf)
		return -1;
	int stack_len = build_stack(argv, envp);
	if (stack_len >= 0)
		ask_pm(PM_EXEC_IMAGE, path, elf, len, stack_len);
	int saved = errno;
	free(elf);
	errno = saved;
	return -1;
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execv, searching PATH for a name without a slash. */
int execvp(const char *file, char *const argv[])
{
	if (strchr(file, '/'))
		return execv(file, argv);
	const char *path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";
	char full[PATH_MAX];
	int last_error = ENOENT;
	for (const char *dir = path; ; ) {
		const char *end = strchr(dir, ':');
		size_t n = end ? (size_t)(end - dir) : strlen(dir);
		snprintf(full, sizeof(full), "%.*s%s%s", (int)n, dir, n ? "/" : "", file);
		execv(full, argv);
		if (errno != ENOENT)
			last_error = errno;
		if (!end)
			break;
		dir = end + 1;
	}
	errno = last_error;
	return -1;
}
