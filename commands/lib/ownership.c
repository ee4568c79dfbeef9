/*
 * chown and chgrp: change the owner and group of files, by name (from
 * /etc/passwd and /etc/group) or number; -R descends into directories.
 * chown takes OWNER, OWNER:GROUP, OWNER: (the owner's login group),
 * :GROUP, or the old OWNER.GROUP (with GNU's warning); chgrp takes GROUP.
 *
 * Differs from GNU: Samsara has no lchown, so -R leaves symbolic links
 * inside the tree alone (GNU changes the links themselves); no -h, -v,
 * --from or --reference.
 */
#include "cmd.h"
#include "ownership.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define UNCHANGED ((unsigned long)-1)

struct ownership {
	unsigned long uid, gid;  /* UNCHANGED: leave it */
	int recursive;
	int group_only;          /* chgrp: words its messages so */
};

/*
 * A name from file or a number ("+N" is always a number); -1 if neither.
 * group gets a user's login group, if it is known by name.
 */
static int account_id(const char *file, const char *text, unsigned long *id, unsigned long *group)
{
	if (*text != '+' && cmd_account_id(file, text, id, group) == 0)
		return 0;
	const char *digits = text + (*text == '+');
	if (!*digits || strspn(digits, "0123456789") != strlen(digits))
		return -1;
	*id = strtoul(digits, NULL, 10);
	return 0;
}

static void invalid(const char *what, const char *spec)
{
	cmd_error("invalid %s: '%s'", what, spec);
	cmd_exit(1);
}

/* Splits OWNER[:GROUP] at the ':' (or at a '.' when that makes sense). */
static const char *separator(const char *spec)
{
	const char *colon = strchr(spec, ':');
	if (colon)
		return colon;
	const char *dot = strchr(spec, '.');
	unsigned long id;
	if (!dot || cmd_account_id("/etc/passwd", spec, &id, NULL) == 0)
		return NULL;
	cmd_error("warning: '.' should be ':': '%s'", spec);
	return dot;
}

static void parse_owner_spec(const char *spec, struct ownership *o)
{
	const char *split = separator(spec);
	size_t user_len = split ? (size_t)(split - spec) : strlen(spec);
	char *user = cmd_malloc(user_len + 1);
	memcpy(user, spec, user_len);
	user[user_len] = '\0';
	unsigned long login_group = UNCHANGED;
	if (*user && account_id("/etc/passwd", user, &o->uid, &login_group) < 0)
		invalid("user", spec);
	if (split && split[1] && account_id("/etc/group", split + 1, &o->gid, NULL) < 0)
		invalid("group", spec);
	if (split && !split[1] && *user)
		o->gid = login_group;
	free(user);
}

static int change_owner(const char *path, const struct stat *st, void *context)
{
	const struct ownership *o = context;
	(void)st;
	if (chown(path, (uid_t)o->uid, (gid_t)o->gid) < 0) {
		cmd_error("changing %s of '%s': %s", o->group_only ? "group" : "ownership", path, strerror(errno));
		return 1;
	}
	return 0;
}

int ownership_main(int argc, char **argv, int group_only, const char *usage)
{
	struct options opts;
	struct ownership o = { UNCHANGED, UNCHANGED, 0, group_only };
	int option;
	options_init(&opts);
	while ((option = options_next(&opts, argc, argv, "R")) != -1) {
		if (option != 'R')
			cmd_usage(1, usage);
		o.recursive = 1;
	}
	if (opts.index >= argc) {
		cmd_error("missing operand");
		cmd_usage(1, usage);
	}
	const char *spec = argv[opts.index++];
	if (opts.index >= argc) {
		cmd_error("missing operand after '%s'", spec);
		cmd_usage(1, usage);
	}
	if (group_only && account_id("/etc/group", spec, &o.gid, NULL) < 0)
		invalid("group", spec);
	if (!group_only)
		parse_owner_spec(spec, &o);
	int status = 0;
	for (int i = opts.index; i < argc; i++)
		status |= change_tree(argv[i], o.recursive, change_owner, &o);
	return status;
}
