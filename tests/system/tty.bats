#!/usr/bin/env bats
# The console driver, driven from both ends: ttytest (inside) uses the
# character-device protocol while this test types at the serial console.
# One boot for the whole file.

load lib

setup_file() {
	export TTY_LOG="$BATS_FILE_TMPDIR/tty.log"
	local status=0
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --image tty --timeout 90 --wait-exit >"$TTY_LOG" <<'SCRIPT' || status=$?
expect ttytest: type a line
send hello world\r
expect ttytest: type with erase
send abc\x7f\x7fxy\r
expect ttytest: type with kill
send junk\x15ok\r
expect ttytest: type two lines
send one\rtwo\r
expect ttytest: type end of file
send \x04
expect ttytest: type one key
send q
expect ttytest: type three keys
send x
send yz
expect ttytest: type two keys and wait
send ab
expect ttytest: type an interrupted line
send partial\x03after\r
expect # ttytest:
SCRIPT
	echo "$status" >"$BATS_FILE_TMPDIR/status"
}

@test "ttytest runs every case and powers off with success" {
	assert_all_passed "$TTY_LOG" ttytest
}

@test "output reaches the serial console" {
	grep -qx 'ttytest: hello from the console driver' "$TTY_LOG"
	assert_ok "$TTY_LOG" "a write returns the bytes written" \
		"a fresh console is canonical, echoes, and maps NL to CR NL"
}

@test "typed lines are edited and echoed as a terminal does" {
	assert_ok "$TTY_LOG" \
		"a typed line is read whole, CR turned into NL" \
		"erase removes the last typed characters" \
		"kill removes the whole line typed so far" \
		"a short read takes the start of a line" \
		"the next read takes the rest of that line only" \
		"the second line comes with the read after" \
		"^D on an empty line reads as end of file"
	# the echo shows what was typed, and the erasures
	grep -qx 'hello world' "$TTY_LOG"
	grep -q $'abc\b \b\b \bxy' "$TTY_LOG"
}

@test "raw mode delivers single keys without echo" {
	assert_ok "$TTY_LOG" "the console switches to raw mode" \
		"in raw mode a single key is read at once, without a newline"
	! grep -qx 'q' "$TTY_LOG"
}

@test "VMIN and VTIME decide when a non-canonical read returns" {
	assert_ok "$TTY_LOG" \
		"VMIN 0 and VTIME 0: a read with nothing typed returns 0 at once" \
		"VMIN 0 and VTIME 3: with nothing typed, 0 after 0.3 s" \
		"VMIN 3: the read waits for three keys" \
		"VMIN 5 and VTIME 2: two keys come when the timer runs out"
}

@test "^C discards the line typed before it and is echoed" {
	assert_ok "$TTY_LOG" "the foreground process group is set" "^C discards the line typed before it"
	grep -q 'partial' "$TTY_LOG"
	grep -qF '^C' "$TTY_LOG"
}

@test "non-blocking, cancelled and malformed requests get the right errors" {
	assert_ok "$TTY_LOG" \
		"a non-blocking read with nothing typed gives EAGAIN" \
		"a suspended read that is cancelled ends with EINTR" \
		"a write through a made-up grant is refused" \
		"an unknown ioctl gives ENOTTY" \
		"an unknown request gives ENOSYS"
}

@test "a write larger than the output queue arrives whole and in order" {
	assert_ok "$TTY_LOG" "a write larger than the output queue completes in full"
	run grep -c '^ttytest: bulk line [0-9]* of 200$' "$TTY_LOG"
	[ "$output" -eq 200 ]
	grep -n '^ttytest: bulk line' "$TTY_LOG" | awk -F'line ' '{ split($2, a, " "); if (a[1] + 0 != ++n) exit 1 }'
}
