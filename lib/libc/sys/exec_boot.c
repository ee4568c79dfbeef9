/*
 * Starting a program from the boot image (a Samsara extension, until VFS
 * can exec files): lays out argc, argv and envp as the new program's initial
 * stack, for the addresses they will have there, and asks PM to run it.
 */
#include <libsys.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

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

int execve_boot(const char *name, char *const argv[], char *const envp[])
{
	static char image[STACK_IMAGE_MAX];
	size_t argc = count(argv), envc = count(envp);
	size_t head = (1 + argc + 1 + envc + 1) * sizeof(uint32_t);
	size_t strings = 0;
	for (size_t i = 0; i < argc; i++)
		strings += strlen(argv[i]) + 1;
	for (size_t i = 0; i < envc; i++)
		strings += strlen(envp[i]) + 1;
	size_t total = (head + strings + 3) & ~(size_t)3;
	if (total > STACK_IMAGE_MAX || strlen(name) >= 16) {
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

	message m = { .type = PM_EXEC_BOOT };
	strlcpy(m.pm.name, name, sizeof(m.pm.name));
	char label[LABEL_MAX] = "pm";
	endpoint_t pm = sys_info(KINFO_FIND_LABEL, 0, label);
	m.pm.grant = sys_grant(pm, image, total, GRANT_READ);
	m.pm.len = (uint32_t)total;
	int r = ipc_sendrec(pm, &m);  /* on success there is no reply: the new program runs */
	sys_revoke(m.pm.grant);
	errno = r < 0 ? -r : -m.type;
	return -1;
}
