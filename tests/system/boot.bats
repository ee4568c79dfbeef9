#!/usr/bin/env bats
# Booting the real ISO through GRUB, in QEMU and in Bochs.

load lib

@test "the GRUB ISO boots in QEMU and the self-test passes" {
	local out="$BATS_TEST_TMPDIR/serial.log" status=0
	timeout 180 qemu-system-i386 -accel tcg -m 128 -no-reboot -display none -serial stdio \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$images/samsara.iso" \
		</dev/null 2>&1 | tr -d '\r' >"$out" || true
	status=${PIPESTATUS[0]}
	grep -q '^Samsara microkernel (i386)' "$out"
	grep -q '^# ktest: [0-9]* passed, 0 failed' "$out"
	[ "$status" -eq "$QEMU_EXIT_PASS" ]
}

@test "the GRUB ISO boots in Bochs and the self-test passes" {
	local out="$BATS_TEST_TMPDIR/bochs-serial.log"
	boot_bochs "$out" 240 '^# ktest: '
	grep -q '^Samsara microkernel (i386)' "$out"
	grep -q '^kernel: started ktest' "$out"
	grep -q '^# ktest: [0-9]* passed, 0 failed' "$out"
}
