#!/usr/bin/env bats
# The data store, proven by dstest from a client's side: boots the services
# image (ds + dstest) once and checks dstest's TAP report.

load lib

setup_file() {
	export DSTEST_LOG="$BATS_FILE_TMPDIR/dstest.log"
	local status=0
	BOOT_IMAGE=services boot_qemu "$DSTEST_LOG" || status=$?
	echo "$status" >"$BATS_FILE_TMPDIR/status"
}

@test "dstest runs every case and powers off with success" {
	assert_all_passed "$DSTEST_LOG" dstest
}

@test "values of every kind round-trip through DS" {
	assert_ok "$DSTEST_LOG" \
		"a service publishes an integer" \
		"the integer is retrieved" \
		"its owner replaces it" \
		"the string comes back whole" \
		"a short buffer gets the start of the string and the full length" \
		"a 300-byte blob comes back byte for byte" \
		"a missing key fails with ENOENT" \
		"a deleted key is gone"
}

@test "entries belong to the label that published them" {
	assert_ok "$DSTEST_LOG" \
		"another service can neither replace nor delete a key it does not own" \
		"another service may read it" \
		"another service publishes keys of its own"
}

@test "malformed DS requests get error replies and DS keeps serving" {
	assert_ok "$DSTEST_LOG" \
		"an empty key is refused" \
		"a key with a space is refused" \
		"a key longer than 31 characters is refused" \
		"a blob larger than the limit is refused with E2BIG" \
		"a key without a terminating NUL is refused" \
		"a made-up grant is refused with EBADGRANT" \
		"an unknown value kind is refused" \
		"an unknown DS request gets ENOSYS" \
		"a request from another protocol gets ENOSYS" \
		"a mirror lent by anyone but RS is refused with EPERM" \
		"the framework answers a heartbeat ping itself with its uptime"
}

@test "subscribers are notified of changes and deletions" {
	assert_ok "$DSTEST_LOG" \
		"a service subscribes to a key prefix" \
		"a matching change arrives as a notify from DS" \
		"check names the changed key and its kind" \
		"a key outside the pattern is not reported" \
		"a deletion is reported with kind DS_NONE"
}

@test "DS is the name service" {
	assert_ok "$DSTEST_LOG" \
		"a service publishes its endpoint under its label" \
		"a lookup by label gives that endpoint" \
		"DS itself is found through the kernel's label lookup" \
		"an unknown label gives NONE"
}
