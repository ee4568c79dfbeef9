#!/usr/bin/env bats
# libc's FILE streams, proven by stdiotest running as init would (pid 1, the
# console on 0, 1 and 2, the root file system mounted): boots the stdio image
# once, answers its prompt at the console, and checks its TAP report and the
# console lines that show how stdout and stderr are buffered there.

load lib

setup_file() {
	export STDIO_LOG="$BATS_FILE_TMPDIR/stdio.log"
	local status=0
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --image stdio --timeout 90 --wait-exit >"$STDIO_LOG" <<'SCRIPT' || status=$?
expect stdiotest: type a number and a word:
send 42 answer\r
expect # stdiotest:
SCRIPT
	echo "$status" >"$BATS_FILE_TMPDIR/status"
}

@test "stdiotest runs every case and powers off with success" {
	assert_all_passed "$STDIO_LOG" stdiotest
}

@test "on the console stdout is line-buffered, stderr unbuffered, and a prompt goes out before input is read" {
	grep -A1 -x 'stdiotest: (write goes first)' "$STDIO_LOG" | grep -qx 'stdiotest: stdout waits for its newline'
	grep -qx 'stdiotest: stderr is unbuffered' "$STDIO_LOG"
	grep -qx 'stdiotest: perror: No such file or directory' "$STDIO_LOG"
	assert_ok "$STDIO_LOG" \
		"scanf reads typed input after the prompt went out" \
		"getchar gives what scanf left"
}

@test "files are written with fprintf and read back with fgets, ungetc, fseek, fscanf and getline" {
	assert_ok "$STDIO_LOG" \
		"fopen creates a file for writing" \
		"fclose writes what is buffered and closes" \
		"the file holds what fprintf wrote" \
		"fgets reads line by line to the end" \
		"ungetc pushes a character back" \
		"fseek and ftell move through a file read with a buffer" \
		"fscanf reads from a stream" \
		"getline reads the last, unterminated line" \
		"a+ appends and reads from the start" \
		"fopen of a bad path fails with ENOENT" \
		"fopen of a bad mode fails with EINVAL"
}

@test "buffered output meets write(), exit, _exit and fork as POSIX says" {
	assert_ok "$STDIO_LOG" \
		"a pipe is fully buffered: write() overtakes printf until fflush" \
		"after fflush, printf and write() come in program order" \
		"exit flushes stdout" \
		"_exit does not flush" \
		"what was flushed before fork is printed once" \
		"what was not flushed is copied by fork, as on every Unix" \
		"with SIGPIPE ignored, fflush to a pipe nobody reads fails with EPIPE" \
		"exit runs the atexit functions in reverse order, then flushes"
}
