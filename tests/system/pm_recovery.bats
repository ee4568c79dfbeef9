#!/usr/bin/env bats
# PM's recovery: PM crashes (a NULL dereference, a panic, a hang, a divide
# error, an invalid opcode) while programs fork, exec, sleep and wait. A
# restarted PM rebuilds its process table from the mirror the kernel kept
# for it, and libc sends the requests that were in flight again, so the
# programs finish with the right output. Boots once; each test checks what
# the session showed.

load lib

setup_file() {
	export SESSION="$BATS_FILE_TMPDIR/session.log"
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --image system --timeout 400 --expect-timeout 150 \
		--wait-exit >"$SESSION" <<'SCRIPT' || true
expect $ 
send sleep 30 & ps > /tmp/p1; service fi pm null; sleep 1; ps > /tmp/p2; for f in /tmp/p1 /tmp/p2; do sed 's/ [RSZ] / /' $f | grep -v ' ps$' > $f.x; done; cat /tmp/p1.x; diff /tmp/p1.x /tmp/p2.x && echo same-processes; kill $!; echo ==1\r
expect ==1\n$ 
send i=0; while [ $i -lt 400 ]; do i=$((i+1)); /bin/true && echo "line $i"; done > /tmp/out & p=$!; for i in $(seq 150); do /bin/echo $i; done | cksum > /tmp/sum & q=$!; sleep 1; service fi pm null; sleep 1; service fi pm panic; sleep 1; service fi pm hang; wait $p; echo "loop=$?"; wait $q; echo "pipeline=$?"; wc -l < /tmp/out; sort -u /tmp/out | wc -l; tail -n 1 /tmp/out; cat /tmp/sum; echo ==2\r
expect ==2\n$ 
send t0=$(date +%s); (sleep 1; service fi pm divide) & sleep 4; s=$?; t1=$(date +%s); echo "slept=$((t1 - t0)) status=$s"; echo ==3\r
expect ==3\n$ 
send sh -c '(exit 7) & c=$!; sleep 1; service fi pm illegal; sleep 1; wait $c; echo "zombie=$?"'; echo ==4\r
expect ==4\n$ 
send (sleep 1; service fi pm panic) & sh -c 'echo rea""dy; sleep 30; echo survived'; echo "after=$?"\r
expect ready\n
expect rs: pm is back
send \x03
expect after=
expect $ 
send service status pm; echo ==6\r
expect ==6\n$ 
send poweroff\r
expect kernel: shutdown requested
SCRIPT
}

# value NAME: the NAME=VALUE the session printed last.
value() {
	sed -n "s/^$1=\\([^ ]*\\).*/\\1/p" "$SESSION" | tail -n 1
}

@test "the kernel stays up and RS restarts PM after each fault, with its table back" {
	[ "$(grep -c '^rs: pm is back' "$SESSION")" -ge 7 ]
	[ "$(grep -c '^pm: recovered [0-9]* processes' "$SESSION")" -ge 7 ]
	! grep -q 'panic' <(grep '^kernel' "$SESSION")
	grep -q 'kernel: shutdown requested by pm' "$SESSION"
}

@test "ps shows the same processes, pids and parents after a crash" {
	grep -qx 'same-processes' "$SESSION"
	grep -qE '^ +1 +0 init$' "$SESSION"
	grep -qE '^ +[0-9]+ +[0-9]+ sleep$' "$SESSION"
}

@test "a shell loop forking 400 programs while PM crashes, panics and hangs writes every line once" {
	[ "$(value loop)" = 0 ]
	[ "$(sed -n '/^loop=/,/^==2/p' "$SESSION" | sed -n 3p)" = 400 ]
	[ "$(sed -n '/^loop=/,/^==2/p' "$SESSION" | sed -n 4p)" = 400 ]
	grep -qx 'line 400' "$SESSION"
	grep -q '^rs: pm died (hang' "$SESSION"
	grep -q '^pm: panic: aborting' "$SESSION"
}

@test "a pipeline of 150 programs running across the crashes has the right checksum" {
	[ "$(value pipeline)" = 0 ]
	grep -qx "$(seq 150 | cksum)" "$SESSION"
}

@test "a sleep across a crash ends when it would have, not later" {
	local slept
	slept=$(value slept)
	[ "$slept" -ge 4 ] && [ "$slept" -le 5 ]
	grep -q 'status=0' <(grep '^slept=' "$SESSION")
}

@test "a child's exit status kept before a crash is collected after it" {
	[ "$(value zombie)" = 7 ]
}

@test "^C reaches a foreground job sleeping across a crash, not the shell" {
	grep -qx 'after=130' "$SESSION"
	! grep -qx 'survived' "$SESSION"
}

@test "the restart counter counts every crash" {
	grep -qE '^pm +[0-9]+ +- running +7 +' "$SESSION"
}
