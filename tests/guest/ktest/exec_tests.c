/* KC_EXEC: loading an ELF image into a process, and refusing what is not one. */
#include "ktest.h"

#define MSG_HELLO_FROM_EXEC 500

extern const char khello_image[];
extern const uint32_t khello_image_size;

/* The initial stack: argc, argv[0..2], NULL, envp NULL, then the strings. */
struct exec_stack {
	uint32_t argc;
	uint32_t argv[4];
	uint32_t envp[1];
	char strings[32];
};

static void build_stack(struct exec_stack *st, const char *parent)
{
	uint32_t base = USER_STACK_TOP - sizeof(*st);
	uint32_t strings = base + offsetof(struct exec_stack, strings);
	memset(st, 0, sizeof(*st));
	st->argc = 3;
	size_t n0 = strlen("khello") + 1, n1 = strlen(parent) + 1;
	memcpy(st->strings, "khello", n0);
	memcpy(st->strings + n0, parent, n1);
	memcpy(st->strings + n0 + n1, "second", 7);
	st->argv[0] = strings;
	st->argv[1] = strings + n0;
	st->argv[2] = strings + n0 + n1;
}

static int wait_for_exec(uint32_t unused)
{
	message m;
	ipc_receive(self_ep, &m);  /* never answered: the exec replaces this program */
	return 99;
}

void exec_tests(void)
{
	char parent[12];
	snprintf(parent, sizeof(parent), "%d", self_ep);
	struct exec_stack st;
	build_stack(&st, parent);

	endpoint_t child = spawn(wait_for_exec, 0);
	wait_blocked(child);
	static const char junk[256] = "this is not an ELF executable";
	struct kc_exec bad = { (vir_addr_t)junk, sizeof(junk), (vir_addr_t)&st, sizeof(st), "junk" };
	CHECK_EQ(sys_exec(child, &bad), -ENOEXEC, "exec of something that is not an ELF image fails with ENOEXEC");
	struct kc_exec truncated = { (vir_addr_t)khello_image, 100, (vir_addr_t)&st, sizeof(st), "khello" };
	CHECK_EQ(sys_exec(child, &truncated), -ENOEXEC, "exec of a truncated ELF image fails with ENOEXEC");

	struct kc_exec good = { (vir_addr_t)khello_image, khello_image_size,
				(vir_addr_t)&st, sizeof(st), "khello" };
	int r = sys_exec(child, &good);
	message m;
	int got = ipc_receive(child, &m);
	check(r == 0 && got == 0 && m.type == MSG_HELLO_FROM_EXEC && m.words.w[0] == 3 &&
	      memcmp(&m.words.w[1], "second", 7) == 0,
	      "exec loads an ELF image from the caller's memory and starts it with the given arguments",
	      "exec=%d receive=%d type=%d argc=%u", r, got, m.type, m.words.w[0]);
	struct msg_kreport rep;
	int kind = wait_report(child, &rep);
	check(kind == KREPORT_EXIT && rep.status == 7 && strcmp(rep.name, "khello") == 0,
	      "the exec'd program runs to its own exit status under its new name",
	      "kind=%d status=%d name=%s", kind, rep.status, rep.name);
}
