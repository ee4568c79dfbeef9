#!/usr/bin/env bats
# The shell on the console, as a user types at it: boots the system once
# (init, /etc/rc, a shell on the serial console over the RAM-disk root) and
# types a session of commands; each test checks what the session showed.

load lib

setup_file() {
	export SESSION="$BATS_FILE_TMPDIR/session.log"
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --image system --timeout 150 --wait-exit >"$SESSION" <<'SCRIPT' || true
expect $ 
send echo "quoting: '$HOME' \\"x  y\\" \\$HOME"; echo ==1\r
expect ==1\n$ 
send name=world; echo "hello, $name"; echo ==2\r
expect ==2\n$ 
send false; echo "status=$?"; nosuchcommand; echo "missing=$?"; echo ==3\r
expect ==3\n$ 
send if then fi\r
expect $ 
send echo "syntax=$?"; echo ==4\r
expect ==4\n$ 
send for i in a b c; do echo "item-$i"; done; echo ==5\r
expect ==5\n$ 
send echo one > /tmp/f; echo two >> /tmp/f; while read line; do echo "got $line"; done < /tmp/f; echo ==6\r
expect ==6\n$ 
send x=$(echo inner); echo "subst=$x"; echo ==7\r
expect ==7\n$ 
send case foo.c in *.h) echo header;; *.c) echo source;; esac; echo ==8\r
expect ==8\n$ 
send true && echo and-ok; false || echo or-ok; echo ==9\r
expect ==9\n$ 
send cd /tmp && pwd; cd /nonexistent; echo "cd=$?"; echo ==10\r
expect ==10\n$ 
send echo err 2>/tmp/e >&2; read e < /tmp/e; echo "stderr-to-file: $e"; echo ==11\r
expect ==11\n$ 
send set -- p q r; echo "$# $1 $3"; echo ==12\r
expect ==12\n$ 
send sleeper() { echo in-function; }; sleeper; echo ==13\r
expect ==13\n$ 
send echo bg & wait; echo "waited=$?"; echo ==14\r
expect ==14\n$ 
send test -d /etc && [ -f /etc/motd ] && echo tests-ok; echo ==15\r
expect ==15\n$ 
send echo 'echo from a script "$1"' > /tmp/s.sh; sh /tmp/s.sh arg; echo ==16\r
expect ==16\n$ 
send sh -c 'echo rea""dy; read x; echo survived'; echo "after=$?"\r
expect ready\n
send \x03
expect after=
expect $ 
send exit 7\r
expect init: the shell on /dev/tty0 ended (status 7)
expect $ 
send echo new-$((1+1))-shell\r
expect new-2-shell
expect $ 
send poweroff\r
expect kernel: shutdown requested
SCRIPT
}

@test "quoting and variables expand as POSIX says" {
	grep -qx "quoting: '/' \"x  y\" \$HOME" "$SESSION"
	grep -qx 'hello, world' "$SESSION"
}

@test "exit statuses: false is 1, a missing command 127 with a message, a syntax error 2" {
	grep -qx 'status=1' "$SESSION"
	grep -qx 'sh: nosuchcommand: not found' "$SESSION"
	grep -qx 'missing=127' "$SESSION"
	grep -q "^sh: syntax error: unexpected 'then'" "$SESSION"
	grep -qx 'syntax=2' "$SESSION"
}

@test "loops, case, && and || control what runs" {
	grep -qx 'item-a' "$SESSION"
	grep -qx 'item-c' "$SESSION"
	grep -qx 'source' "$SESSION"
	grep -qx 'and-ok' "$SESSION"
	grep -qx 'or-ok' "$SESSION"
}

@test "redirections write, append and read files on the root file system" {
	grep -qx 'got one' "$SESSION"
	grep -qx 'got two' "$SESSION"
	grep -qx 'stderr-to-file: err' "$SESSION"
}

@test "command substitution, positional parameters and functions" {
	grep -qx 'subst=inner' "$SESSION"
	grep -qx '3 p r' "$SESSION"
	grep -qx 'in-function' "$SESSION"
}

@test "cd, pwd and test builtins, with an error for a missing directory" {
	grep -qx '/tmp' "$SESSION"
	grep -q '^sh: cd: /nonexistent: ' "$SESSION"
	grep -qx 'cd=1' "$SESSION"
	grep -qx 'tests-ok' "$SESSION"
}

@test "background jobs are waited for; scripts run with sh FILE and arguments" {
	grep -qx 'bg' "$SESSION"
	grep -qx 'waited=0' "$SESSION"
	grep -qx 'from a script arg' "$SESSION"
}

@test "^C ends the program running in the foreground, not the shell" {
	grep -qx 'after=130' "$SESSION"
	! grep -qx 'survived' "$SESSION"
}

@test "when the shell exits, init starts a new one" {
	grep -qx 'init: the shell on /dev/tty0 ended (status 7); starting a new one' "$SESSION"
	grep -qx 'new-2-shell' "$SESSION"
}

@test "poweroff flushes the file systems and stops the machine" {
	grep -qx 'pm: powering off' "$SESSION"
	grep -qx 'kernel: shutdown requested by pm' "$SESSION"
}
