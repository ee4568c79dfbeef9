#!/usr/bin/env bats
# The benchmarks that `./samsara bench` runs work (never how fast they are:
# benchmarks print numbers, tests do not judge them): sysbench measures the
# system calls, the yardstick kernel ends QEMU through GRUB, and the boot-time
# tool reports its ratio.

load lib

@test "sysbench reports getpid, a pipe round trip and fork + exit + wait, then powers off" {
	local out="$BATS_TEST_TMPDIR/sysbench.log"
	BOOT_IMAGE=sysbench boot_qemu "$out" -icount shift=0,sleep=off || true
	for what in 'getpid (program-pm)' 'pipe round trip (2 processes)' 'fork + exit + wait'; do
		grep -qE "^bench: $(printf '%s' "$what" | sed 's/[()+]/\\&/g') +min +[0-9]+ +median +[0-9]+ +mean +[0-9]+$" "$out" ||
			{ echo "no figures for: $what"; cat "$out"; return 1; }
	done
	if grep -q 'failed' "$out"; then cat "$out"; return 1; fi
	grep -qx 'bench: done' "$out"
}

@test "the yardstick kernel (bootexit) boots through GRUB and ends QEMU at once" {
	local status=0
	timeout 120 qemu-system-i386 -accel tcg -m 128 -no-reboot -display none -serial none \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$images/bootexit.iso" -boot d \
		</dev/null >/dev/null 2>&1 || status=$?
	[ "$status" -eq 99 ]
}

@test "the boot-time tool times the system to its prompt against the yardstick" {
	run timeout 300 python3 "$BATS_TEST_DIRNAME/../../tools/boottime.py" --build "$SAMSARA_BUILD" --rounds 1
	[ "$status" -eq 0 ]
	echo "$output" | grep -qE '^bench: boot to the first shell prompt +[0-9.]+ s'
	echo "$output" | grep -qE '^bench: boot ratio +[0-9.]+ x$'
}
