#!/usr/bin/env bats
# PM's and VFS's recovery. PM crashes (a NULL dereference, a panic, a hang,
# a divide error, an invalid opcode) while programs fork, exec, sleep and
# wait: a restarted PM rebuilds its process table from the mirror the kernel
# kept for it, and libc sends the requests that were in flight again, so the
# programs finish with the right output. VFS crashes while the shell and
# programs use files: a restarted VFS gives every process its descriptors
# back from its own mirror, except those on pipes, which come back closed.
# The RAM-disk session boots once and each test checks what it showed; one
# more boot checks a disk with e2fsck after VFS crashes.

load lib

setup_file() {
	export SESSION="$BATS_FILE_TMPDIR/session.log"
	fresh_disk
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --image system --timeout 500 --expect-timeout 150 \
		--wait-exit >"$SESSION" <<'SCRIPT' || true
expect $ 
send sleep 30 & ps > /tmp/p1; service fi pm null; sleep 1; ps > /tmp/p2; for f in /tmp/p1 /tmp/p2; do sed 's/ [RSZ] / /' $f | grep -v ' ps$' > $f.x; done; cat /tmp/p1.x; diff /tmp/p1.x /tmp/p2.x && echo same-processes; kill $!; echo ==1\r
expect ==1\n$ 
send i=0; while [ $i -lt 400 ]; do i=$((i+1)); /bin/true && echo "line $i"; done > /tmp/out & p=$!; for i in $(seq 150); do /bin/echo $i; done | cksum > /tmp/sum & q=$!; sleep 1; service fi pm null; sleep 1; service fi pm panic; sleep 1; service fi pm hang; wait $p; echo "loop=$?"; wait $q; echo "pipeline=$?"; echo "lines=$(wc -l < /tmp/out)"; echo "unique=$(sort -u /tmp/out | wc -l)"; tail -n 1 /tmp/out; cat /tmp/sum; echo ==2\r
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
send echo hello > /tmp/keep; service fi vfs null; echo "shell-survived=$?"; cat /tmp/keep; echo ==7\r
expect ==7\n$ 
send seq 5 > /tmp/n; exec 3< /tmp/n; read a <&3; service fi vfs panic; read b <&3; echo "offsets=$a,$b"; exec 3<&-; echo ==8\r
expect ==8\n$ 
send i=0; while [ $i -lt 300 ]; do i=$((i+1)); /bin/echo "vline $i"; done > /tmp/vout & p=$!; sleep 1; service fi vfs hang; wait $p; echo "vloop=$?"; echo "vlines=$(wc -l < /tmp/vout)"; echo "vunique=$(sort -u /tmp/vout | wc -l)"; echo ==9\r
expect ==9\n$ 
send (sleep 3; echo late) | (sleep 2; cat; echo "pipe-reader=$?") & sleep 1; service fi vfs divide; wait; echo ==10\r
expect ==10\n$ 
send service status vfs; echo ==11\r
expect ==11\n$ 
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
	[ "$(value lines)" = 400 ]
	[ "$(value unique)" = 400 ]
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

@test "the shell survives a VFS crash with its descriptors, and files stay" {
	[ "$(value shell-survived)" = 0 ]
	grep -qx 'hello' "$SESSION"
	[ "$(grep -c '^vfs: gave [0-9]* processes their open files back' "$SESSION")" -ge 4 ]
}

@test "a file read across a VFS crash goes on at its offset" {
	[ "$(value offsets)" = '1,2' ]
}

@test "a loop of 300 programs writing a file while VFS hangs writes every line once" {
	[ "$(value vloop)" = 0 ]
	[ "$(value vlines)" = 300 ]
	[ "$(value vunique)" = 300 ]
	grep -q '^rs: vfs died (hang' "$SESSION"
}

@test "a pipe open across a VFS crash fails loudly instead of ending early" {
	[ "$(value pipe-reader)" != 0 ]
	! grep -qx 'late' "$SESSION"
}

@test "VFS's restart counter counts every crash" {
	grep -qE '^vfs +[0-9]+ +- running +4 +' "$SESSION"
}

@test "a file written on the disk across VFS crashes has no line twice, and e2fsck finds the disk clean" {
	run on_disk 'for i in $(seq 200); do /bin/echo "disk line $i"; done > /home/lines & p=$!;
		service fi vfs null; sleep 1; service fi vfs illegal; wait $p; echo "status=$?";
		echo "lines=$(wc -l < /home/lines)"; echo "unique=$(sort -u /home/lines | wc -l)"; sync'
	echo "$output"
	[ "$status" -eq 0 ]
	echo "$output" | grep -qx 'status=0'   # log lines of the services may come in between
	# every line there is there once; that none is missing is not yet
	# guaranteed (see docs/recovery.md, VFS: about one run in three lost one)
	local lines unique
	lines=$(echo "$output" | sed -n 's/^lines=//p')
	unique=$(echo "$output" | sed -n 's/^unique=//p')
	[ "$lines" = "$unique" ] && [ "$lines" -ge 199 ] && [ "$lines" -le 200 ]
	fsck_clean
}
