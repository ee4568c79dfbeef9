#!/usr/bin/env bats
# A fault in kernel mode is a kernel bug: it must panic with the registers
# and a backtrace on the serial console, then halt (not reboot or hang silently).

load lib

@test "a fault in kernel mode panics with registers and a backtrace" {
	local out="$BATS_TEST_TMPDIR/panic.log" status=0
	BOOT_TIMEOUT=10 boot_qemu "$out" -append "selftest=kernel-fault" || status=$?
	grep -q '^kernel: page fault in kernel mode$' "$out"
	grep -qE '^  eax=[0-9a-f]{8} ebx=[0-9a-f]{8} ecx=[0-9a-f]{8} edx=[0-9a-f]{8}$' "$out"
	grep -qE ' cr2=effff000$' "$out"
	grep -qE '^  eip=[0-9a-f]{8} cs=0008 ' "$out"
	grep -qE '^  backtrace:( [0-9a-f]{8})+$' "$out"
	grep -q '^kernel: panic: unexpected exception in the kernel$' "$out"
	# it halted: no process ran, and QEMU was stopped by the timeout
	! grep -q '^# ktest' "$out"
	[ "$status" -eq 124 ]
}
