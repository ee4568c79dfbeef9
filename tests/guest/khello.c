/*
 * khello: a program that ktest loads with KC_EXEC. It checks the arguments it
 * was started with, tells its parent (argv[1] holds the parent's endpoint)
 * what it saw, and exits with status 7.
 */
#include <libsys.h>
#include <string.h>

#define MSG_HELLO_FROM_EXEC 500

static int parse_int(const char *s)
{
	int v = 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}

int main(int argc, char **argv, char **envp)
{
	if (argc != 3 || strcmp(argv[0], "khello") != 0 || strcmp(argv[2], "second") != 0 || envp[0])
		return 1;
	message m = { .type = MSG_HELLO_FROM_EXEC };
	m.words.w[0] = (uint32_t)argc;
	memcpy(&m.words.w[1], argv[2], 7);
	ipc_send(parse_int(argv[1]), &m);
	return 7;
}
