#!/usr/bin/env bats
# The commands inside Samsara, through ./samsara exec: a pipeline of many of
# them and a few MiB of data give exactly what the host's tools give.

load lib

EXEC_TIMEOUT=240  # a few MiB of data through the commands

@test "a pipeline of seq, sort, uniq, head and cksum matches the host" {
	run exec_in_samsara 'seq 1 5000 | sort -r | uniq -c | sort -n | head -n 5 | cksum'
	[ "$status" -eq 0 ]
	[ "$output" = "$(seq 1 5000 | sort -r | uniq -c | sort -n | head -n 5 | cksum)" ]
}

@test "cat, sort, wc and cksum of a 3 MiB file match the host" {
	run exec_in_samsara 'seq 1 400000 > /tmp/n; cat /tmp/n | wc -l; sort -r /tmp/n | cksum; wc -c /tmp/n; cksum /tmp/n'
	[ "$status" -eq 0 ]
	local expected
	expected=$(seq 1 400000 > "$BATS_TEST_TMPDIR/n"; cd "$BATS_TEST_TMPDIR" &&
		cat n | wc -l; sort -r n | cksum; wc -c n | sed 's| n$| /tmp/n|'; cksum n | sed 's| n$| /tmp/n|')
	[ "$output" = "$expected" ]
}

@test "files are made, listed, copied, moved and removed; errors name the command" {
	run exec_in_samsara 'mkdir -p /tmp/a/b && echo hi > /tmp/a/b/f && cp -r /tmp/a /tmp/c && mv /tmp/c/b/f /tmp/c/g && ls /tmp/c /tmp/c/b && cat /tmp/c/g && rm -r /tmp/a /tmp/c && ls /tmp/a'
	[ "$status" -eq 2 ]  # as GNU ls: a missing operand is "serious trouble"
	[ "$output" = $'/tmp/c:\nb\ng\n\n/tmp/c/b:\nhi\nls: cannot access \'/tmp/a\': No such file or directory' ]
}

@test "ps lists init, the shells and itself" {
	# the background sleep shows as "sh" until its exec has loaded /bin/sleep
	run exec_in_samsara 'sleep 5 & for i in 1 2 3 4 5 6 7 8; do ps | grep -q " sleep\$" && break; sleep 1; done; ps'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '  PID  PPID S CMD' ]
	[ "${lines[1]}" = '    1     0 S init' ]
	echo "$output" | grep -qE '^ +[0-9]+ +[0-9]+ S sleep$'
	echo "$output" | grep -qE '^ +[0-9]+ +[0-9]+ R ps$'
}
