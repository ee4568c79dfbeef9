#!/usr/bin/env bats
# The data store comes back from a crash with its contents: RS keeps a
# mirror of DS's store (docs/recovery.md). What shows it: RS's table (kept
# in DS) read back by a restarted RS, the terminal settings tty gets back,
# VFS still hearing of a new tty instance, and the disk staying clean.

load lib

setup_file() {
	fresh_disk
	yes 'the data store keeps its contents 0123456789' | head -c 4194304 > "$BATS_FILE_TMPDIR/big"
}

# exec_verbose CMD: exec_in_samsara, with the whole console (the log lines
# of the servers) in the output as well, before what CMD wrote.
exec_verbose() {
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" \
		--timeout "${EXEC_TIMEOUT:-120}" -v --exec "$1" 2>&1
}

all_running() {
	for label in ds pm vfs ext2 memory ata tty; do
		echo "$output" | grep -qE "^$label +[0-9]+ +- running " || { echo "$label not running" >&2; return 1; }
	done
}

@test "DS crashed, panicked and hung comes back with its whole store each time" {
	run exec_verbose 'service fi ds null; sleep 1; service fi ds panic; sleep 1; service fi ds hang; sleep 4;
		service status; service log'
	[ "$status" -eq 0 ]
	all_running
	echo "$output" | grep -qE '^ds +[0-9]+ +- running +3 +hang '
	# each new instance got every entry back (endpoints, state of tty and RS)
	[ "$(echo "$output" | grep -cE '^ds: restarted: [1-9][0-9]+ entries and [1-9][0-9]* subscriptions back from the mirror in RS$')" = 3 ]
	! echo "$output" | grep -q 'dropped'
}

@test "RS restarted after a DS crash takes its table back: counters and settings are kept" {
	run exec_verbose 'service set memory -maxrestarts 2; service fi ds null; sleep 1;
		service fi rs null; sleep 1; service status;
		for k in null illegal divide; do service fi memory $k; sleep 1; done;
		service status memory; echo x > /dev/null; echo "write status $?"'
	[ "$status" -eq 0 ]
	all_running
	echo "$output" | grep -q '^rs: restarted: took over 7 services from DS$'
	# the restart of ds before RS died is still counted: RS's table came back
	echo "$output" | grep -qE '^ds +[0-9]+ +- running +1 +page fault '
	# and so did memory's -maxrestarts 2, set before both crashes
	echo "$output" | grep -qE '^memory +- +- failed +2 +divide error '
	echo "$output" | grep -qx 'write status 1'
}

@test "wild writes into DS are healed by restarting it from the mirror" {
	run exec_verbose 'service fi ds wild -count 20; sleep 1; service restart ds; sleep 1;
		service fi rs null; sleep 1; service status; echo hi > /dev/null && echo null ok'
	[ "$status" -eq 0 ]
	all_running
	echo "$output" | grep -qx 'null ok'
	echo "$output" | grep -q '^rs: restarted: took over 7 services from DS$'
	echo "$output" | grep -qE '^ds +[0-9]+ +- running +[1-9][0-9]* +restart '
}

@test "terminal settings survive a DS crash and then a tty crash; VFS still finds the new tty" {
	run python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --image system \
		--timeout 90 <<'SCRIPT'
expect $ 
send (sleep 1; service fi ds null; sleep 1; service fi tty null) &\r
expect tty is back
send echo typed once\r
expect $ 
send (sleep 1; service fi ds panic; sleep 1; service fi tty divide) & read line; echo "got [$line]"\r
expect tty is back
send hello\r
expect got [hello]
expect $ 
send service status tty\r
expect $ 
SCRIPT
	[ "$status" -eq 0 ]
	# the shell's line editor had the terminal raw when it crashed: raw it stays,
	# so what is typed is echoed once, by the shell
	echo "$output" | grep -qx 'echo typed once'
	echo "$output" | grep -qx 'typed once'
	[ "$(echo "$output" | grep -c '^tty: restarted; terminal settings restored$')" = 2 ]
	# the blocked read was sent again to the new tty: VFS heard of it from DS
	echo "$output" | grep -qx 'got \[hello\]'
	echo "$output" | grep -qE '^tty +[0-9]+ +- running +2 +divide error '
}

@test "a file read through ata across a DS crash and then an ata crash has the right cksum" {
	run on_disk 'yes "the data store keeps its contents 0123456789" | head -c 4194304 > /home/big; sync;
		service fi ds null; sleep 1; (cksum < /home/big > /tmp/sum) & p=$!;
		service fi ata null; wait $p; echo "status $?"; cat /tmp/sum; service status ata'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = "$(cksum < "$BATS_FILE_TMPDIR/big")" ]
	echo "$output" | grep -qE '^ata +[0-9]+ +- running +1 +page fault '
	fsck_clean
}

@test "a shell loop appending lines while DS crashes twice loses nothing and leaves the disk clean" {
	run on_disk 'for i in $(seq 1 1500); do echo "line $i" >> /home/dslines; done & p=$!;
		sleep 1; service fi ds null; sleep 1; service fi ds illegal; wait $p; echo "status $?";
		wc -l < /home/dslines; sort -u /home/dslines | wc -l; tail -n 1 /home/dslines;
		service fi rs null; sleep 1; service status ds'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = '1500' ]
	[ "${lines[2]}" = '1500' ]
	[ "${lines[3]}" = 'line 1500' ]
	echo "$output" | grep -qE '^ds +[0-9]+ +- running +2 +invalid opcode '
	fsck_clean
}
