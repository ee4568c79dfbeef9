/*
 * su: run a shell, or the command given with -c, as another user (root by
 * default). Samsara has no passwords yet, so only root may switch; anyone
 * else is refused, as su refuses a wrong password.
 *
 *   su [-] [USER] [-c COMMAND]
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/cmd.h"

#define USAGE "su [-] [USER] [-c COMMAND]"

int main(int argc, char **argv)
{
	const char *user = "root", *command = NULL;
	cmd_init("su");
	bool named = false;
	for (int i = 1; i < argc; i++) {
		bool option = argv[i][0] == '-';
		if (strcmp(argv[i], "-") == 0 || strcmp(argv[i], "-l") == 0)
			continue;   /* a login shell: the same shell here */
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
			command = argv[++i];
			continue;
		}
		if (option || named)
			cmd_usage(2, USAGE);   /* an unknown option, or a second user */
		user = argv[i];
		named = true;
	}
	unsigned long uid, gid;
	if (cmd_account_id("/etc/passwd", user, &uid, &gid) < 0) {
		cmd_error("user %s does not exist", user);
		return 1;
	}
	if (getuid() != 0 && getuid() != uid) {
		cmd_error("permission denied (there are no passwords: only root may switch)");
		return 1;
	}
	if (setgid((gid_t)gid) < 0 || setuid((uid_t)uid) < 0) {
		cmd_error("cannot become %s: %s", user, strerror(errno));
		return 1;
	}
	setenv("USER", user, 1);
	setenv("LOGNAME", user, 1);
	char *shell_argv[] = { "sh", command ? "-c" : NULL, (char *)command, NULL };
	execv("/bin/sh", shell_argv);
	cmd_error("/bin/sh: %s", strerror(errno));
	return 127;
}
