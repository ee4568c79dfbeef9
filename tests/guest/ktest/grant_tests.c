/* Grants and safecopy: allowed copies succeed, everything else is refused. */
#include "ktest.h"

#define MSG_GRANT 200

static char granted[64] = "granted window: 0123456789abcdef";

/* Child: tries the copies its parent asks for and returns the results. */
static int grant_user(uint32_t unused)
{
	message m;
	while (ipc_receive(self_ep, &m) == 0 && m.type == MSG_GRANT) {
		char buf[64] = { 0 };
		grant_id_t id = (grant_id_t)m.words.w[0];
		uint32_t offset = m.words.w[1], len = m.words.w[2], to_owner = m.words.w[3];
		int r = to_owner ? sys_safecopy_to(self_ep, id, offset, "XY", len)
				 : sys_safecopy_from(self_ep, id, offset, buf, len);
		m.words.w[0] = (uint32_t)r;
		memcpy(&m.words.w[1], buf, 32);
		ipc_send(self_ep, &m);
	}
	return 0;
}

static int ask(endpoint_t child, grant_id_t id, uint32_t offset, uint32_t len, bool to_owner, char *out)
{
	message m = { .type = MSG_GRANT };
	m.words.w[0] = (uint32_t)id;
	m.words.w[1] = offset;
	m.words.w[2] = len;
	m.words.w[3] = to_owner;
	if (ipc_sendrec(child, &m) < 0)
		return -9999;
	if (out)
		memcpy(out, &m.words.w[1], 32);
	return (int)m.words.w[0];
}

void grant_tests(void)
{
	endpoint_t child = spawn(grant_user, 0);
	grant_id_t id = sys_grant(child, granted, 32, GRANT_READ);
	check(id > 0, "a process can grant a window of its memory", "grant=%d", id);

	char got[32];
	int r = ask(child, id, 0, 32, false, got);
	check(r == 0 && memcmp(got, granted, 32) == 0, "the grantee copies the granted bytes with safecopy",
	      "r=%d", r);
	CHECK_EQ(ask(child, id, 16, 17, false, NULL), -EINVAL, "a copy reaching past the end of the grant is refused");
	CHECK_EQ(ask(child, id, 0xfffffff0u, 32, false, NULL), -EINVAL, "an offset that wraps around is refused");
	CHECK_EQ(ask(child, id, 0, 2, true, NULL), -EPERM, "writing through a read-only grant is refused");

	grant_id_t writable = sys_grant(child, granted + 40, 8, GRANT_WRITE);
	r = ask(child, writable, 2, 2, true, NULL);
	check(r == 0 && granted[42] == 'X' && granted[43] == 'Y', "the grantee writes through a writable grant",
	      "r=%d", r);

	grant_id_t other = sys_grant(sys_find_process("kecho"), granted, 32, GRANT_READ);
	CHECK_EQ(ask(child, other, 0, 4, false, NULL), -EPERM, "a grant made for another process is refused");

	sys_revoke(id);
	CHECK_EQ(ask(child, id, 0, 4, false, NULL), -EBADGRANT, "a revoked grant is refused");
	grant_id_t again = sys_grant(child, granted, 8, GRANT_READ);
	check(again != id && ask(child, id, 0, 4, false, NULL) == -EBADGRANT,
	      "a stale grant id stays refused after its slot is reused", "old=%d new=%d", id, again);
	CHECK_EQ(ask(child, 0x7fff00ff, 0, 4, false, NULL), -EBADGRANT, "a made-up grant id is refused");
	CHECK_EQ(sys_grant(child, (void *)0x1000, 16, GRANT_READ), -EFAULT, "granting kernel memory is refused");

	sys_revoke(writable);
	sys_revoke(other);
	sys_revoke(again);
	reap(child);
}
