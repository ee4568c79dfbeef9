# Helpers for the system tests: boot Samsara headless and read its console.
# SAMSARA_BUILD names the build directory (set by CTest).

: "${SAMSARA_BUILD:?SAMSARA_BUILD must name the build directory}"
images="$SAMSARA_BUILD/images"

# QEMU's isa-debug-exit reports (code << 1) | 1; ktest powers off with 0x10
# when every case passed and 0x11 otherwise.
QEMU_EXIT_PASS=33

# boot_qemu OUT [QEMU-ARGS...]: boots a test image (BOOT_IMAGE, default "test":
# kernel + ktest + kecho; "services": kernel + ds + dstest)
# through QEMU's Multiboot loader, writing the console to OUT with CRs removed.
# Returns QEMU's exit status; a hang ends after BOOT_TIMEOUT seconds (120).
boot_qemu() {
	local out=$1
	shift
	local status=0
	timeout "${BOOT_TIMEOUT:-120}" qemu-system-i386 -accel tcg -m 128 -no-reboot -display none -serial stdio \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$(cat "$images/kernel.path")" -initrd "$(cat "$images/${BOOT_IMAGE:-test}.initrd")" "$@" \
		</dev/null 2>&1 | tr -d '\r' >"$out" || true
	status=${PIPESTATUS[0]}
	return "$status"
}

# exec_in_samsara CMD: ./samsara exec: boots a fresh system VM, runs CMD in
# its shell, prints what CMD wrote and returns CMD's status; EXEC_TIMEOUT
# seconds at most (120).
exec_in_samsara() {
	python3 "$(dirname "${BASH_SOURCE[0]}")/../../tools/dialogue.py" --build "$SAMSARA_BUILD" \
		--timeout "${EXEC_TIMEOUT:-120}" --exec "$1"
}

# boot_bochs OUT ISO SECONDS PATTERN: boots ISO in Bochs until PATTERN shows
# on the serial console or SECONDS pass; the console is left in OUT.
boot_bochs() {
	local out=$1 iso=$2 seconds=$3 pattern=$4
	local dir
	dir=$(mktemp -d "${BATS_FILE_TMPDIR:-/tmp}/bochs.XXXXXX")
	"$(dirname "${BASH_SOURCE[0]}")/bochsrc.sh" "$iso" "file, dev=$dir/serial.txt" \
		"$dir/bochs.log" >"$dir/bochsrc"
	echo c >"$dir/commands"
	: >"$dir/serial.txt"
	(cd "$dir" && exec timeout "$seconds" bochs -q -f bochsrc -rc commands </dev/null >bochs.out 2>&1) &
	local pid=$! waited=0
	while kill -0 "$pid" 2>/dev/null && ! grep -q "$pattern" "$dir/serial.txt"; do
		sleep 1
		waited=$((waited + 1))
		[ $waited -lt "$seconds" ] || break
	done
	sleep 1
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	tr -d '\r' <"$dir/serial.txt" >"$out"
}

# assert_all_passed LOG PROGRAM: PROGRAM's TAP report in LOG has no failing
# case, its plan and summary count every ok line, and the QEMU status that
# setup_file saved in $BATS_FILE_TMPDIR/status says it powered off with success.
assert_all_passed() {
	local log=$1 program=$2 passed
	passed=$(grep -c '^ok ' "$log") || return 1
	if grep -q '^not ok' "$log"; then
		grep -A1 '^not ok' "$log" >&2
		return 1
	fi
	grep -qx "1..$passed" "$log" || return 1
	grep -qx "# $program: $passed passed, 0 failed" "$log" || return 1
	[ "$(cat "$BATS_FILE_TMPDIR/status")" -eq "$QEMU_EXIT_PASS" ]
}

# assert_ok LOG DESCRIPTION...: each TAP line "ok N - DESCRIPTION" is in LOG.
assert_ok() {
	local log=$1 what
	shift
	for what in "$@"; do
		if ! sed -n 's/^ok [0-9]* - //p' "$log" | grep -qxF -- "$what"; then
			echo "missing or failing: $what" >&2
			grep -A1 -F -- "- $what" "$log" >&2 || true
			return 1
		fi
	done
}

# A private copy of the build's disk for a test file: fresh_disk in
# setup_file sets DISK; on_disk [-v] [--bochs] CMD runs CMD in Samsara booted
# on it (the disk is kept between tests); fsck_clean asks the host's e2fsck.
fresh_disk() {
	export DISK="$BATS_FILE_TMPDIR/disk.img"
	cp --sparse=always "$images/disk.img" "$DISK"
}

on_disk() {
	local options=()
	while [ "${1#-}" != "$1" ]; do options+=("$1"); shift; done
	python3 "$(dirname "${BASH_SOURCE[0]}")/../../tools/dialogue.py" --build "$SAMSARA_BUILD" \
		--timeout 240 --disk "$DISK" "${options[@]}" --exec "$1"
}

# The disk's first partition starts at 1 MiB (tools/mkdisk.py).
partition() { echo "$DISK?offset=1048576"; }

fsck_clean() {
	run e2fsck -fn "$(partition)"
	echo "$output"
	[ "$status" -eq 0 ]
}
