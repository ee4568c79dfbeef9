#!/usr/bin/env bats
# The process manager, proven by pmtest running as init would (pid 1, an
# ordinary program managed by PM): boots the pm image (ds, pm, pmtest and the
# dormant pmchild) once and checks pmtest's TAP report; and SIGPIPE through
# the whole system's shell.

load lib

setup_file() {
	export PMTEST_LOG="$BATS_FILE_TMPDIR/pmtest.log"
	local status=0
	BOOT_IMAGE=pm boot_qemu "$PMTEST_LOG" || status=$?
	echo "$status" >"$BATS_FILE_TMPDIR/status"
}

@test "pmtest runs every case and powers off with success" {
	assert_all_passed "$PMTEST_LOG" pmtest
}

@test "PM adopts the boot image's program as pid 1" {
	grep -qx 'pm: adopted pmtest as pid 1' "$PMTEST_LOG"
	assert_ok "$PMTEST_LOG" "the first program gets pid 1" "pid 1 has no parent" "init leads its own process group"
}

@test "fork, exit and waitpid carry pids and statuses" {
	assert_ok "$PMTEST_LOG" \
		"fork gives the parent the child's pid, and waitpid collects it" \
		"the child sees its parent's pid and its exit status reaches the parent" \
		"waitpid with no children fails" \
		"WNOHANG returns 0 while the child runs" \
		"waitpid refuses unknown options" \
		"wait collects any child" \
		"an orphan is adopted by init, which collects it"
}

@test "faults and kill end processes with the right signal" {
	assert_ok "$PMTEST_LOG" \
		"a NULL dereference ends the program with SIGSEGV" \
		"a division by zero ends the program with SIGFPE" \
		"kill with signal 0 finds a live process" \
		"the killed process ends with SIGTERM" \
		"kill of a pid that does not exist fails" \
		"kill with an impossible signal fails"
	grep -q '^pm: pmtest (pid [0-9]*) killed by signal 11: page fault at 00000000$' "$PMTEST_LOG"
}

@test "exec runs boot-image programs, and the heap comes from PM" {
	assert_ok "$PMTEST_LOG" \
		"exec runs a program from the boot image with its arguments and environment" \
		"exec of a program that is not there fails" \
		"... with ENOENT, and the caller goes on" \
		"malloc gets 3 MiB of usable memory from PM" \
		"a forked child allocates from its own copy of the heap"
}

@test "sessions and process groups follow POSIX rules; bad requests get errors" {
	assert_ok "$PMTEST_LOG" \
		"a group leader cannot start a new session" \
		"a child starts its own session and process group" \
		"an unknown PM request gets ENOSYS" \
		"a break outside the heap area is refused" \
		"an exec request with an unterminated name is refused"
}

@test "time, sleeping and the system's name come from PM" {
	assert_ok "$PMTEST_LOG" \
		"time() gives the wall clock from the CMOS clock" \
		"nanosleep sleeps at least as long as asked" \
		"uname names the system"
}

@test "signal handlers run, wait while blocked, and interrupt a sleep" {
	assert_ok "$PMTEST_LOG" \
		"sigaction installs a handler" \
		"a handler runs for a signal sent to itself, and the program goes on where it was" \
		"a blocked signal waits until it is unblocked" \
		"a handler interrupts a sleep, which fails with EINTR" \
		"an ignored SIGTERM leaves the process running"
}

@test "alarm rings SIGALRM once per process, and a parent hears of its children with SIGCHLD" {
	assert_ok "$PMTEST_LOG" \
		"alarm with none set returns 0" \
		"a new alarm returns the seconds left of the old one" \
		"SIGALRM runs its handler and interrupts a sleep, which returns the seconds left" \
		"pause returns with EINTR after the alarm's handler ran" \
		"alarm(0) returns what was left, rounded up" \
		"alarm(0) cancels the alarm" \
		"an alarm without a handler ends the process with SIGALRM" \
		"SIGCHLD is ignored by default" \
		"the parent's SIGCHLD handler runs when a child exits" \
		"... and waitpid then collects the child" \
		"a child ending during waitpid is collected, then SIGCHLD's handler runs"
}

@test "yes | head ends: the writer dies of SIGPIPE, its status 141 through the shell and sh -c" {
	run exec_in_samsara '{ yes; echo "yes: $?" >&2; } | head -n 3; { sh -c yes; echo "sh -c yes: $?" >&2; } | head -n 1'
	[ "$status" -eq 0 ]
	[ "$output" = $'y\ny\ny\nyes: 141\ny\nsh -c yes: 141' ]
}
