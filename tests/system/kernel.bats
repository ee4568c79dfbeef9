#!/usr/bin/env bats
# The microkernel core, proven from user space: boots the test image once
# (ktest and kecho as boot modules) and checks what ktest reports in TAP.

load lib

setup_file() {
	export KTEST_LOG="$BATS_FILE_TMPDIR/ktest.log"
	local status=0
	boot_qemu "$KTEST_LOG" || status=$?
	echo "$status" >"$BATS_FILE_TMPDIR/status"
}

@test "the kernel boots, starts the boot image and ktest powers off with success" {
	grep -q '^Samsara microkernel (i386)' "$KTEST_LOG"
	grep -q '^kernel: started ktest (endpoint' "$KTEST_LOG"
	grep -q '^kernel: started kecho (endpoint' "$KTEST_LOG"
	[ "$(cat "$BATS_FILE_TMPDIR/status")" -eq "$QEMU_EXIT_PASS" ]
}

@test "every ktest case passes and the plan counts them all" {
	run grep -c '^ok ' "$KTEST_LOG"
	local passed=$output
	! grep -q '^not ok' "$KTEST_LOG"
	grep -qx "1..$passed" "$KTEST_LOG"
	grep -qx "# ktest: $passed passed, 0 failed" "$KTEST_LOG"
	[ "$passed" -ge 60 ]
}

@test "message round trips, selective receive and notify coalescing" {
	assert_ok "$KTEST_LOG" \
		"sendrec round trip to kecho returns the whole 64-byte message" \
		"receive from one endpoint takes its message even when another sender queued first" \
		"receive from ANY then takes the waiting sender" \
		"three notifications from one sender arrive as one, before its queued message" \
		"sendnb to a process not receiving fails with EAGAIN instead of blocking" \
		"sendnb to a process waiting in receive is delivered"
}

@test "a dead or replaced peer gives EDEADSRCDST and send cycles give ELOCKED" {
	assert_ok "$KTEST_LOG" \
		"sendrec to a process that exited fails with EDEADSRCDST" \
		"a reused slot gets a new endpoint" \
		"send to the old endpoint of a reused slot fails with EDEADSRCDST" \
		"a sendrec whose server exits without replying wakes with EDEADSRCDST" \
		"sendrec to a process that is blocked sending to us fails with ELOCKED" \
		"send that would close a cycle fails with ELOCKED" \
		"the refused cycle leaves both processes working"
}

@test "grants allow exactly the copies they describe" {
	assert_ok "$KTEST_LOG" \
		"the grantee copies the granted bytes with safecopy" \
		"a copy reaching past the end of the grant is refused" \
		"an offset that wraps around is refused" \
		"writing through a read-only grant is refused" \
		"the grantee writes through a writable grant" \
		"a grant made for another process is refused" \
		"a revoked grant is refused" \
		"a stale grant id stays refused after its slot is reused" \
		"granting kernel memory is refused"
}

@test "privileges refuse kernel calls, IPC targets and ports" {
	assert_ok "$KTEST_LOG" \
		"an ordinary process is refused a kernel call" \
		"an ordinary process is refused an IPC target that does not serve programs" \
		"an ordinary process is refused the plain send primitive" \
		"an ordinary process may sendrec to a server that serves programs" \
		"a process granted the CMOS ports reads them" \
		"port access without port rights stops the process with #GP" \
		"an ordinary process is refused I/O ports" \
		"a privilege record with an impossible priority is refused" \
		"a record set with PRIVCTL_SET grants exactly its ports, calls and targets" \
		"an IRQ line outside the privileges is refused"
}

@test "a faulting process is stopped and reported while the others run on" {
	assert_ok "$KTEST_LOG" \
		"a NULL dereference stops the process with a page fault at address 0" \
		"a division by zero stops the process with a divide error" \
		"an invalid opcode stops the process with #UD" \
		"a write into its own code stops the process with a page fault" \
		"a stack overflow stops the process with a page fault" \
		"the faulted process stays stopped while kecho keeps answering" \
		"a killed process's endpoint is dead"
	grep -q '^kernel: ktest (endpoint [0-9]*) stopped: page fault at 00000000' "$KTEST_LOG"
	! grep -q 'panic' "$KTEST_LOG"
}

@test "malformed IPC and kernel calls get error codes, never a panic" {
	assert_ok "$KTEST_LOG" \
		"sendrec with a kernel-space buffer fails with EFAULT" \
		"send with an unmapped buffer fails with EFAULT" \
		"send to a slot beyond the table fails with EBADEPT" \
		"an unknown IPC primitive fails with ENOSYS" \
		"an unknown kernel call fails with ENOSYS" \
		"sending to oneself fails with EINVAL" \
		"kecho still answers after the bad requests"
}

@test "the scheduler shares the CPU and the clock drives alarms and IRQ notifications" {
	assert_ok "$KTEST_LOG" \
		"two CPU-bound processes at one priority both make progress" \
		"an alarm arrives as a notification from CLOCK after the ticks asked for" \
		"the timer IRQ is delivered as a HARDWARE notification, again after each re-enable" \
		"every page of the test children is freed again"
}

@test "exec loads an ELF image into a process and refuses anything else" {
	assert_ok "$KTEST_LOG" \
		"exec of something that is not an ELF image fails with ENOEXEC" \
		"exec of a truncated ELF image fails with ENOEXEC" \
		"exec loads an ELF image from the caller's memory and starts it with the given arguments" \
		"the exec'd program runs to its own exit status under its new name"
}
