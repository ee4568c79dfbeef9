#!/usr/bin/env bats
# sed, diff, find, xargs, tail -f, tr and more inside Samsara: each test
# boots the system once and runs a command line in its shell; what it
# prints must be what the same line prints on the host with GNU's tools.

load lib

exec_in_samsara() {
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --timeout 240 --exec "$1"
}

# same_as_host LINE: runs LINE in a fresh directory in Samsara and on the
# host; both outputs and statuses must agree.
same_as_host() {
	local line=$1 expected host_status=0
	mkdir -p "$BATS_TEST_TMPDIR/w"
	expected=$(cd "$BATS_TEST_TMPDIR/w" && LC_ALL=C sh -c "$line" 2>&1) || host_status=$?
	run exec_in_samsara "mkdir /tmp/w && cd /tmp/w && $line"
	if [ "$output" != "$expected" ] || [ "$status" -ne "$host_status" ]; then
		echo "Samsara ($status):"; echo "$output"; echo "host ($host_status):"; echo "$expected"
		return 1
	fi
}

@test "sed edits lines inside Samsara as GNU sed does on the host" {
	same_as_host "seq 1 12 > f; sed -n '2p;\$=' f; sed 's/1/one/g;/5/d;3q' f; sed -n '/4/,/7/{s/^/> /;p}' f; sed -e '2i\\' -e 'inserted' -e '\$a end' f | head -4; sed -i 's/2/two/' f; cat f | tr '\\n' ' '"
}

@test "diff prints the same normal and unified hunks inside Samsara" {
	same_as_host "seq 1 200 > a; seq 1 200 | sed '5d;50s/\$/x/;120a new' > b; diff a b; echo \"status \$?\"; diff -u a b | sed 1,2d; diff a a; echo \"same \$?\"; diff a nope; echo \"missing \$?\""
}

@test "find walks a tree and runs commands on what it finds inside Samsara" {
	same_as_host "mkdir -p t/a/b t/c; echo hi > t/a/x.c; : > t/a/b/y.c; : > t/c/z.txt; find t -name '*.c' | sort; find t -type d | sort; find t -type f -size -1k | sort; find t -name b -prune -o -type f -print | sort; find t -type f -exec echo found {} \\; | sort; find t -type d -exec echo dirs {} + | wc -w; find t -maxdepth 1 | sort; find nope; echo \"status \$?\""
}

@test "xargs splits a line that is too long for Samsara's exec and keeps every item" {
	same_as_host "seq 1 5000 | xargs echo | tr ' ' '\\n' | cksum; seq 1 10 | xargs -n 3 echo; echo a b | xargs sh -c 'exit 3'; echo \"status \$?\"; echo a | xargs nosuchcommand; echo \"status \$?\"; printf 'x\\ny z\\n' | xargs -I X echo '<X>'"
}

@test "tail -f prints what is appended to the file it follows" {
	run exec_in_samsara 'echo first > /tmp/log; tail -f /tmp/log > /tmp/out & pid=$!; sleep 2; echo second >> /tmp/log; sleep 3; kill $pid; cat /tmp/out'
	[ "$status" -eq 0 ]
	[ "$output" = $'first\nsecond' ]
}

@test "tr translates with classes, equivalence classes and repeats inside Samsara" {
	same_as_host "echo 'Hello World 123' | tr '[:lower:]' '[:upper:]'; echo 'Hello World' | tr -d '[=l=][:space:]'; echo abcdef | tr a-f '[x*2]y'; echo aabbcc | tr -s '[:alpha:]'; echo x | tr a '[:digit:]'; echo \"status \$?\""
}

@test "more pages on the serial console and gives the terminal back" {
	local session=$BATS_TEST_TMPDIR/session
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --image system \
		--timeout 150 >"$session" <<'SCRIPT'
expect $ 
send seq 1 40 > /tmp/s; more /tmp/s\r
expect --More--
send \r
expect --More--
send  
expect $ 
send more /tmp/s\r
expect --More--
send q
expect $ 
send echo back in cooked mode\r
expect back in cooked mode
expect $ 
SCRIPT
	# a page of 23 lines, Enter one more, space the rest
	sed -n '/^\$ seq 1 40/,/^\$ more/p' "$session" > "$BATS_TEST_TMPDIR/paging"
	grep -q '^23$' "$BATS_TEST_TMPDIR/paging"
	grep -q -- '--More--.*24$' "$BATS_TEST_TMPDIR/paging"
	grep -q -- '--More--.*25$' "$BATS_TEST_TMPDIR/paging"
	grep -q '^40$' "$BATS_TEST_TMPDIR/paging"
	# q stops at the first prompt; the echo of the typed line shows the terminal echoes again
	sed -n '/^\$ more \/tmp\/s$/,$p' "$session" > "$BATS_TEST_TMPDIR/quit"
	[ -z "$(grep '^24$' "$BATS_TEST_TMPDIR/quit")" ]
	grep -q '\$ echo back in cooked mode$' "$BATS_TEST_TMPDIR/quit"
}

@test "more copies like cat when its output is a pipe" {
	same_as_host "seq 1 30 > s; more s | cat; seq 1 3 | more | cat"
}
