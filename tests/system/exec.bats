#!/usr/bin/env bats
# ./samsara exec: a fresh VM runs one command; only its output is printed and
# its status is the exit status.

load lib

@test "exec prints exactly what the command wrote and exits with its status" {
	run exec_in_samsara 'echo first; echo "second line"; exit 4'
	[ "$status" -eq 4 ]
	[ "$output" = $'first\nsecond line' ]
}

@test "exec reports a missing command with status 127 and a syntax error with 2" {
	run exec_in_samsara 'nosuch'
	[ "$status" -eq 127 ]
	[ "$output" = 'sh: nosuch: not found' ]
	run exec_in_samsara 'if fi'
	[ "$status" -eq 2 ]
}
