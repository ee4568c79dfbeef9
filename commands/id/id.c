/*
 * id: print the real user and group IDs with their names, as
 * "uid=0(root) gid=0(root)" (names from /etc/passwd and /etc/group, left
 * out when there is none). -u or -g prints just the number, or with -n the
 * name. Supplementary groups are not supported.
 */
#include "../lib/cmd.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define USAGE "id [-u | -g] [-n]"

static void put_id(const char *label, unsigned long id, const char *file)
{
	char *name = cmd_account_name(file, id);
	out_format("%s=%lu", label, id);
	if (name)
		out_format("(%s)", name);
	free(name);
}

static void put_one(unsigned long id, const char *file, int by_name)
{
	char *name = by_name ? cmd_account_name(file, id) : NULL;
	if (name)
		out_format("%s\n", name);
	else
		out_format("%lu\n", id);
	free(name);
	if (by_name && !name) {
		cmd_error("cannot find name for %s ID %lu", file[5] == 'p' ? "user" : "group", id);
		cmd_exit(1);
	}
}

int main(int argc, char **argv)
{
	struct options opts;
	int option, user = 0, group = 0, by_name = 0;
	cmd_init("id");
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "ugnr")) != -1) {
		switch (option) {
		case 'u': user = 1; break;
		case 'g': group = 1; break;
		case 'n': by_name = 1; break;
		case 'r': break;
		default: cmd_usage(1, USAGE);
		}
	}
	if (opts.index != argc) {
		cmd_error("extra operand '%s'", argv[opts.index]);
		cmd_usage(1, USAGE);
	}
	if (user && group) {
		cmd_error("cannot print \"only\" of more than one choice");
		cmd_usage(1, USAGE);
	}
	if (by_name && !user && !group) {
		cmd_error("cannot print only names or real IDs in default format");
		cmd_usage(1, USAGE);
	}
	unsigned long uid = (unsigned long)getuid(), gid = (unsigned long)getgid();
	if (user)
		put_one(uid, "/etc/passwd", by_name);
	else if (group)
		put_one(gid, "/etc/group", by_name);
	else {
		put_id("uid", uid, "/etc/passwd");
		out_char(' ');
		put_id("gid", gid, "/etc/group");
		out_char('\n');
	}
	cmd_exit(0);
}
