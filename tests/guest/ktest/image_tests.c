/*
 * KC_IMAGE, KC_SPAWN of a kept image, and KC_CODE: the kernel keeps a
 * service image lent by grant, refuses what is not one, starts it with its
 * label and arguments, and sums and flips the code of what it started.
 */
#include "ktest.h"

#define MSG_HELLO_FROM_EXEC 500

extern const char khello_image[];
extern const uint32_t khello_image_size;

static int keep(const void *data, uint32_t len, const char *label, const char *args, grant_id_t *grant)
{
	struct kc_image req = { .owner = self_ep, .len = len };
	*grant = sys_grant(self_ep, data, len, GRANT_READ);
	req.grant = *grant;
	strlcpy(req.label, label, sizeof(req.label));
	strlcpy(req.args, args, sizeof(req.args));
	int r = sys_image_keep(&req);
	sys_revoke(*grant);
	return r;
}

static void refusals(void)
{
	static const char junk[256] = "this is not an ELF executable";
	grant_id_t g;
	struct kc_image bad_grant = { .owner = self_ep, .grant = 12345, .len = 100, .label = "x" };
	CHECK_EQ(sys_image_keep(&bad_grant), -EBADGRANT, "KC_IMAGE refuses a grant that does not exist");
	CHECK_EQ(keep(junk, sizeof(junk), "junk", "", &g), -ENOEXEC, "KC_IMAGE refuses a file that is not an ELF image");
	CHECK_EQ(keep(khello_image, khello_image_size, "ktest", "", &g), -EEXIST,
		 "KC_IMAGE refuses a label the boot table has");
	CHECK_EQ(keep(khello_image, khello_image_size, "a b", "", &g), -EINVAL, "KC_IMAGE refuses a label with a space");
	CHECK_EQ(sys_spawn(IMAGE_INDEX_BASE + 7, SPAWN_FRESH), -ENOENT, "KC_SPAWN of an image not kept fails with ENOENT");
	CHECK_EQ(sys_code_check(self_ep), 0, "KC_CODE: the caller's own code is unchanged");
	CHECK_EQ(kcall5(KC_CODE, 99, (uint32_t)self_ep, 0, 0, 0), -EINVAL, "KC_CODE refuses an unknown operation");
}

/* A fresh start: khello sees argv = { "khello", parent, "second" } and says hello. */
static void fresh_start(int index)
{
	endpoint_t child = sys_spawn((uint32_t)index, SPAWN_FRESH);
	struct kinfo_proc row = { 0 };
	sys_proc_info((uint32_t)endpoint_slot(child), &row);
	check(child > 0 && strcmp(row.label, "khello") == 0 && row.manager == self_ep,
	      "KC_SPAWN starts a kept image with its label, managed by the caller", "got %d, label '%s'",
	      child, row.label);
	CHECK_EQ(sys_spawn((uint32_t)index, SPAWN_FRESH), -EBUSY, "KC_SPAWN refuses a second instance of a label");
	CHECK_EQ(sys_code_check(child), 0, "KC_CODE: a new instance's code is unchanged");
	message m;
	int got = ipc_receive(child, &m);
	check(got == 0 && m.type == MSG_HELLO_FROM_EXEC && m.words.w[0] == 3, "the kept image runs with its arguments",
	      "receive %d, type %d, argc %u", got, m.type, m.words.w[0]);
	struct msg_kreport report;
	check(wait_report(child, &report) == KREPORT_EXIT && report.status == 7, "the started image exits as it should",
	      "status %d", report.status);
}

/* An instance whose code gets flipped while it waits to say hello (so it cannot run). */
static void flipped_start(int index)
{
	endpoint_t child = sys_spawn((uint32_t)index, SPAWN_FRESH);
	wait_blocked(child);
	CHECK_EQ(kcall5(KC_CODE, CODE_FLIP, (uint32_t)child, 5000, 1, 0), -EINVAL, "KC_CODE refuses too many flips");
	CHECK_EQ(sys_code_flip(child, 10, 12345), 10, "KC_CODE flips bits in a managed process's code");
	CHECK_EQ(sys_code_check(child), 1, "KC_CODE: flipped code shows as changed");
	reap(child);
	CHECK_EQ(sys_image_drop((uint32_t)index), 0, "IMAGE_DROP frees an image no process runs");
	CHECK_EQ(sys_spawn((uint32_t)index, SPAWN_FRESH), -ENOENT, "a dropped image cannot be started");
}

void image_tests(void)
{
	char args[16];
	grant_id_t g;
	refusals();
	snprintf(args, sizeof(args), "%d second", self_ep);
	int index = keep(khello_image, khello_image_size, "khello", args, &g);
	check(index >= IMAGE_INDEX_BASE, "KC_IMAGE keeps an ELF image lent by grant", "got %d", index);
	CHECK_EQ(keep(khello_image, khello_image_size, "khello", "", &g), -EEXIST, "KC_IMAGE refuses a label kept already");
	if (index < IMAGE_INDEX_BASE)
		return;
	fresh_start(index);
	flipped_start(index);
}
