/*
 * dstest: proves the data store from a client's side, in TAP: typed values,
 * ownership by label, bad requests, subscriptions, the name service and the
 * framework's heartbeat answer.
 */
#include <ds.h>
#include <stdio.h>
#include <string.h>
#include "common/tap.h"

static endpoint_t self_ep, ds_ep;

static void values_round_trip(void)
{
	uint32_t v = 0;
	CHECK_EQ(ds_publish_u32("dstest.count", 41), 0, "a service publishes an integer");
	check(ds_retrieve_u32("dstest.count", &v) == 0 && v == 41, "the integer is retrieved", "v=%u", v);
	ds_publish_u32("dstest.count", 42);
	check(ds_retrieve_u32("dstest.count", &v) == 0 && v == 42, "its owner replaces it", "v=%u", v);

	char text[64] = { 0 };
	CHECK_EQ(ds_publish_str("dstest.greeting", "hello, store"), 0, "a service publishes a string");
	int n = ds_retrieve_str("dstest.greeting", text, sizeof(text));
	check(n == 13 && strcmp(text, "hello, store") == 0, "the string comes back whole", "n=%d text=%s", n, text);
	char small[6];
	n = ds_retrieve_str("dstest.greeting", small, sizeof(small));
	check(n == 13 && strcmp(small, "hello") == 0,
	      "a short buffer gets the start of the string and the full length", "n=%d", n);

	uint8_t blob[300], back[300] = { 0 };
	for (unsigned i = 0; i < sizeof(blob); i++)
		blob[i] = (uint8_t)(i * 7);
	ds_publish_blob("dstest.blob", blob, sizeof(blob));
	n = ds_retrieve_blob("dstest.blob", back, sizeof(back));
	check(n == 300 && memcmp(blob, back, sizeof(blob)) == 0, "a 300-byte blob comes back byte for byte", "n=%d", n);

	endpoint_t ep = NONE;
	check(ds_retrieve_endpoint("dstest.count", &ep) == -EINVAL, "retrieving with the wrong kind fails with EINVAL",
	      "ep=%d", ep);
	CHECK_EQ(ds_retrieve_u32("dstest.missing", &v), -ENOENT, "a missing key fails with ENOENT");
	CHECK_EQ(ds_delete("dstest.count"), 0, "the owner deletes its key");
	CHECK_EQ(ds_retrieve_u32("dstest.count", &v), -ENOENT, "a deleted key is gone");
}

static void bad_requests_get_errors(void)
{
	CHECK_EQ(ds_publish_u32("", 1), -EINVAL, "an empty key is refused");
	CHECK_EQ(ds_publish_u32("has space", 1), -EINVAL, "a key with a space is refused");
	CHECK_EQ(ds_publish_u32("0123456789012345678901234567890123", 1), -EINVAL, "a key longer than 31 characters is refused");

	message m = { .type = DS_PUBLISH };
	strlcpy(m.ds.key, "dstest.big", sizeof(m.ds.key));
	m.ds.kind = DS_BLOB;
	m.ds.len = DS_DATA_MAX + 1;
	ipc_sendrec(ds_ep, &m);
	CHECK_EQ(m.type, -E2BIG, "a blob larger than the limit is refused with E2BIG");

	m = (message){ .type = DS_PUBLISH };
	memset(m.ds.key, 'k', sizeof(m.ds.key));  /* no terminating NUL */
	m.ds.kind = DS_U32;
	ipc_sendrec(ds_ep, &m);
	CHECK_EQ(m.type, -EINVAL, "a key without a terminating NUL is refused");

	m = (message){ .type = DS_PUBLISH };
	strlcpy(m.ds.key, "dstest.grant", sizeof(m.ds.key));
	m.ds.kind = DS_BLOB;
	m.ds.len = 16;
	m.ds.grant = 0x7fff0001;
	ipc_sendrec(ds_ep, &m);
	CHECK_EQ(m.type, -EBADGRANT, "a made-up grant is refused with EBADGRANT");

	m = (message){ .type = DS_PUBLISH };
	strlcpy(m.ds.key, "dstest.kind", sizeof(m.ds.key));
	m.ds.kind = 77;
	ipc_sendrec(ds_ep, &m);
	CHECK_EQ(m.type, -EINVAL, "an unknown value kind is refused");

	m = (message){ .type = DS_BASE + 99 };
	ipc_sendrec(ds_ep, &m);
	CHECK_EQ(m.type, -ENOSYS, "an unknown DS request gets ENOSYS");
	m = (message){ .type = 12345 };
	ipc_sendrec(ds_ep, &m);
	CHECK_EQ(m.type, -ENOSYS, "a request from another protocol gets ENOSYS");

	static uint8_t fake_mirror[64];
	grant_id_t lent = sys_grant(ds_ep, fake_mirror, sizeof(fake_mirror), GRANT_READ | GRANT_WRITE);
	m = (message){ .type = DS_MIRROR };
	m.ds.grant = lent;
	m.ds.len = sizeof(fake_mirror);
	ipc_sendrec(ds_ep, &m);
	CHECK_EQ(m.type, -EPERM, "a mirror lent by anyone but RS is refused with EPERM");
	sys_revoke(lent);

	sys_alarm(2);  /* so that the uptime DS reports is at least 2 ticks */
	ipc_receive(CLOCK, &m);
	m = (message){ .type = SERVICE_PING };
	int r = ipc_sendrec(ds_ep, &m);
	check(r == 0 && m.type == 0 && m.words.w[0] >= 2 && m.words.w[0] <= (uint32_t)sys_uptime(),
	      "the framework answers a heartbeat ping itself with its uptime",
	      "r=%d type=%d uptime=%u", r, m.type, m.words.w[0]);
}

/* Child with the label "intruder": what may it do with dstest's keys? */
static int intruder(uint32_t unused)
{
	message go;
	ipc_receive(self_ep, &go);
	uint32_t v = 0;
	message m = { .type = 1 };
	m.words.w[0] = (uint32_t)ds_publish_u32("dstest.owned", 666);
	m.words.w[1] = (uint32_t)ds_delete("dstest.owned");
	m.words.w[2] = (uint32_t)ds_retrieve_u32("dstest.owned", &v);
	m.words.w[3] = v;
	m.words.w[4] = (uint32_t)ds_publish_u32("intruder.own", 5);
	ipc_send(self_ep, &m);
	return 0;
}

static void ownership_is_by_label(void)
{
	ds_publish_u32("dstest.owned", 7);
	int pid = sys_fork(SELF);
	if (pid == 0)
		sys_exit(intruder(0));
	endpoint_t child = pid;
	struct kinfo_proc me;
	sys_proc_info((uint32_t)endpoint_slot(self_ep), &me);
	struct priv_spec spec = {
		.flags = PRIV_SYSTEM, .kcalls = KC_BIT(KC_EXIT) | KC_BIT(KC_INFO) | KC_BIT(KC_GRANT) | KC_BIT(KC_REVOKE),
		.ipc_calls = KC_BIT(IPC_SEND) | KC_BIT(IPC_RECEIVE) | KC_BIT(IPC_SENDREC),
		.send_to = { 0xffffffff, 0xffffffff }, .priority = PRIO_USER, .label = "intruder",
	};
	message m = { .type = 1 };
	int set = sys_privctl(child, PRIVCTL_SET, (uint32_t)&spec);  /* before it may run on */
	for (int tries = 0; tries < 100 && ipc_sendnb(child, &m) == -EAGAIN; tries++) {
		sys_alarm(1);  /* until it waits in receive */
		ipc_receive(CLOCK, &m);
		m.type = 1;
	}
	if (set < 0)
		printf("# privctl failed: %d\n", set);
	ipc_receive(child, &m);
	check((int)m.words.w[0] == -EPERM && (int)m.words.w[1] == -EPERM,
	      "another service can neither replace nor delete a key it does not own",
	      "publish=%d delete=%d", (int)m.words.w[0], (int)m.words.w[1]);
	check((int)m.words.w[2] == 0 && m.words.w[3] == 7, "another service may read it",
	      "retrieve=%d v=%u", (int)m.words.w[2], m.words.w[3]);
	CHECK_EQ(m.words.w[4], 0, "another service publishes keys of its own");
	sys_kill(child);
}

static void subscribers_hear_of_changes(void)
{
	char key[DS_KEY_MAX];
	uint32_t kind = 99;
	CHECK_EQ(ds_subscribe("watch.*"), 0, "a service subscribes to a key prefix");
	CHECK_EQ(ds_check(key, &kind), -ENOENT, "with nothing changed, check reports nothing");
	ds_publish_u32("watch.a", 1);
	ds_publish_u32("other.b", 2);
	message m;
	int r = ipc_receive(ds_ep, &m);
	check(r == 0 && m.type == NOTIFY_MESSAGE && m.source == ds_ep, "a matching change arrives as a notify from DS",
	      "r=%d type=%d source=%d", r, m.type, m.source);
	r = ds_check(key, &kind);
	check(r == 0 && strcmp(key, "watch.a") == 0 && kind == DS_U32, "check names the changed key and its kind",
	      "r=%d key=%s kind=%u", r, key, kind);
	CHECK_EQ(ds_check(key, &kind), -ENOENT, "a key outside the pattern is not reported");
	ds_delete("watch.a");
	ipc_receive(ds_ep, &m);
	r = ds_check(key, &kind);
	check(r == 0 && strcmp(key, "watch.a") == 0 && kind == DS_NONE, "a deletion is reported with kind DS_NONE",
	      "r=%d key=%s kind=%u", r, key, kind);
}

static void name_service(void)
{
	CHECK_EQ(ds_publish_endpoint("dstest", self_ep), 0, "a service publishes its endpoint under its label");
	CHECK_EQ(ds_lookup("dstest"), self_ep, "a lookup by label gives that endpoint");
	CHECK_EQ(ds_lookup("ds"), ds_ep, "DS itself is found through the kernel's label lookup");
	CHECK_EQ(ds_lookup("no-such-service"), NONE, "an unknown label gives NONE");
}

int main(void)
{
	self_ep = sys_self();
	ds_ep = ds_endpoint();
	printf("# dstest: data store tests, DS at endpoint %d\n", ds_ep);
	values_round_trip();
	bad_requests_get_errors();
	ownership_is_by_label();
	subscribers_hear_of_changes();
	name_service();
	tap_finish("dstest");
}
