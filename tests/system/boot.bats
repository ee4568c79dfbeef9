#!/usr/bin/env bats
# Booting the real ISOs through GRUB: the system to its shell in QEMU and in
# Bochs, and the kernel self-test in Bochs (a second CPU model).

load lib

@test "the system ISO boots through GRUB in QEMU to a working shell on the disk" {
	local out="$BATS_TEST_TMPDIR/serial.log"
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --cdrom "$images/samsara.iso" --fresh-disk \
		--timeout 120 >"$out" <<'SCRIPT'
expect $ 
send echo grub-boot-$((6*7))\r
expect grub-boot-42
expect $ 
SCRIPT
	grep -q '^Samsara microkernel (i386)' "$out"
	grep -q '^vfs: root file system: disk 0, partition 1$' "$out"
	grep -q '^rc: system started$' "$out"
	grep -qx 'grub-boot-42' "$out"
}

@test "the system ISO boots in Bochs to the shell prompt" {
	local out="$BATS_TEST_TMPDIR/bochs-system.log"
	boot_bochs "$out" "$images/samsara.iso" 240 '^\$ '
	grep -q '^Samsara microkernel (i386)' "$out"
	grep -q '^rc: system started$' "$out"
	grep -q '^\$ ' "$out"
}

@test "the self-test ISO boots in Bochs and every case passes" {
	local out="$BATS_TEST_TMPDIR/bochs-selftest.log"
	boot_bochs "$out" "$images/samsara-selftest.iso" 240 '^# ktest: [0-9]* passed'
	grep -q '^kernel: started ktest' "$out"
	grep -q '^# ktest: [0-9]* passed, 0 failed' "$out"
}
