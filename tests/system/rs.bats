#!/usr/bin/env bats
# The reincarnation server: faults injected into services while programs use
# them. The programs must finish with the right output, the restart counters
# must go up, and the disk must stay clean for the host's e2fsck.

load lib

setup_file() {
	fresh_disk
	yes 'Samsara keeps your files 0123456789' | head -c 20971520 > "$BATS_FILE_TMPDIR/big"
}

# restarts LABEL: its restart count in `service status LABEL` output ($output).
restarts() {
	echo "$output" | awk -v l="$1" '$1 == l { print $5 }'
}

@test "service status lists every system service, running and never restarted" {
	run exec_in_samsara 'service status'
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == 'LABEL    ENDPOINT  PID STATE    RESTARTS LAST FAILURE'* ]]
	for label in ds pm vfs ext2 memory ata tty; do
		echo "$output" | grep -qE "^$label +[0-9]+ +- running +0 +- +- +[0-9.]+s$"
	done
}

@test "cksum of 60 MiB read while ata crashes twice and hangs once is right" {
	run on_disk 'yes "Samsara keeps your files 0123456789" | head -c 20971520 > /home/big; sync;
		(cat /home/big /home/big /home/big | cksum > /tmp/sum) & p=$!;
		sleep 1; service fi ata null; sleep 1; service fi ata illegal; sleep 1; service fi ata hang;
		wait $p; echo "status $?"; cat /tmp/sum; service status ata'
	[ "$status" -eq 0 ]
	local big="$BATS_FILE_TMPDIR/big"
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = "$(cat "$big" "$big" "$big" | cksum)" ]
	[ "$(restarts ata)" = 3 ]
	echo "$output" | grep -qE '^ata +[0-9]+ +- running +3 +hang '
	fsck_clean
}

@test "a file written while ata crashes holds every line exactly once" {
	run on_disk 'for i in $(seq 1 3000); do echo "line $i"; done > /home/lines & p=$!;
		service fi ata divide; service fi ata stack; wait $p; echo "status $?";
		wc -l < /home/lines; sort -u /home/lines | wc -l; tail -n 1 /home/lines'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = '3000' ]
	[ "${lines[2]}" = '3000' ]
	[ "${lines[3]}" = 'line 3000' ]
	fsck_clean
}

@test "a program writing to the console while tty crashes loses no line" {
	run exec_in_samsara 'for i in $(seq 1 400); do echo "console line $i"; done & p=$!;
		service fi tty null; wait $p; echo "status $?"; service status tty'
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -c '^console line ')" = 400 ]
	[ "$(echo "$output" | grep '^console line ' | sort -u | wc -l)" = 400 ]
	echo "$output" | grep -qx 'status 0'
	echo "$output" | grep -qE '^tty +[0-9]+ +- running +1 +page fault '
}

@test "the memory driver comes back from a crash and a deadlock" {
	run exec_in_samsara 'service fi memory divide; sleep 1; head -c 5 /dev/zero | od -c;
		service fi memory deadlock; sleep 3; echo gone > /dev/null && echo null works;
		service status memory; service log'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '0000000  \0  \0  \0  \0  \0' ]
	echo "$output" | grep -qx 'null works'
	echo "$output" | grep -qE '^memory +[0-9]+ +- running +2 +hang '
	echo "$output" | grep -qE '^ +[0-9.]+ memory +divide error +[0-9]+(us|ms) +1$'
}

@test "a service that keeps crashing is backed off, then marked failed; service up revives it" {
	run exec_in_samsara 'service set memory -maxrestarts 2;
		for k in null illegal divide; do service fi memory $k; sleep 1; done;
		service status memory; echo x > /dev/null; echo "write status $?";
		service up memory && echo y > /dev/null && echo "back: $?"; service status memory'
	[ "$status" -eq 0 ]
	echo "$output" | grep -qE '^memory +- +- failed +2 +divide error '
	echo "$output" | grep -qx 'write status 1'
	echo "$output" | grep -qx 'back: 0'
	echo "$output" | grep -qE '^memory +[0-9]+ +- running +2 '
}

@test "RS itself is restarted by the kernel and keeps watching without restarting anyone" {
	run exec_in_samsara 'service status > /tmp/before; service fi rs null; sleep 1;
		service status > /tmp/after; service fi ata null; sleep 1; service status ata;
		cut -c 1-35 /tmp/before > /tmp/b; cut -c 1-35 /tmp/after > /tmp/a; cmp /tmp/b /tmp/a && echo same'
	[ "$status" -eq 0 ]
	echo "$output" | grep -qx same
	echo "$output" | grep -qE '^ata +[0-9]+ +- running +1 +page fault '
}

@test "service rejects bad requests with clear messages" {
	run exec_in_samsara 'service fi nosuch null; echo "s=$?"; service fi ata explode; echo "s=$?";
		service restart; echo "s=$?"; service status nosuch; echo "s=$?"'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'service: nosuch: no such service, or not running' ]
	[ "${lines[1]}" = 's=1' ]
	[[ "${lines[2]}" == "service: fi: unknown fault 'explode'"* ]]
	[ "${lines[3]}" = 's=2' ]
	[[ "${lines[4]}" == 'service: usage: service '* ]]
	echo "$output" | grep -qx 'service: nosuch: no such service'
}

@test "a program blocked reading the terminal while tty crashes gets the line typed after" {
	run python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --image system \
		--timeout 60 <<'SCRIPT'
expect $ 
send (sleep 1; service fi tty null) & read line; echo "got [$line]"\r
expect tty is back
send hello\r
expect got [hello]
expect $ 
send service status tty\r
expect $ 
SCRIPT
	[ "$status" -eq 0 ]
	echo "$output" | grep -qx 'got \[hello\]'
	echo "$output" | grep -qE '^tty +[0-9]+ +- running +1 +page fault '
}

@test "terminal settings changed with stty survive a tty crash" {
	run exec_in_samsara 'stty -echo intr ^X min 4 -icanon; service fi tty null; sleep 1; stty; stty sane;
		service status tty'
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = 'intr = ^X; min = 4; time = 0;' ]
	[ "${lines[2]}" = '-icanon -echo' ]
	echo "$output" | grep -qE '^tty +[0-9]+ +- running +1 +page fault '
}

@test "input typed ahead, and half a line, survive a tty crash" {
	run python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --image system \
		--timeout 60 <<'SCRIPT'
expect $ 
send (sleep 1; service fi tty null) & sleep 3; read a; read b; echo "got [$a] [$b]"\r
send typed ahead\rpart
expect tty is back
send ial\r
expect got [
expect $ 
SCRIPT
	[ "$status" -eq 0 ]
	echo "$output" | grep -qx 'got \[typed ahead\] \[partial\]'
}

@test "an ordinary user may read the service table but not stop or fault-inject a service" {
	run exec_in_samsara 'su user -c "id -u; service down ata; echo s=\$?; service fi ata null; echo s=\$?;
		service restart tty; echo s=\$?; service status ata"; su user -c "su root"; echo s=$?'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 1000 ]
	[ "${lines[1]}" = 'service: down ata: permission denied (only root may)' ]
	[ "${lines[2]}" = 's=1' ]
	[ "${lines[3]}" = 'service: fi ata: permission denied (only root may)' ]
	[ "${lines[4]}" = 's=1' ]
	[ "${lines[5]}" = 'service: restart tty: permission denied (only root may)' ]
	[ "${lines[6]}" = 's=1' ]
	echo "$output" | grep -qE '^ata +[0-9]+ +- running +0 +- '
	[ "${lines[-2]}" = 'su: permission denied (there are no passwords: only root may switch)' ]
	[ "${lines[-1]}" = 's=1' ]
}

@test "a shell loop appending numbered lines while ext2 crashes twice leaves every line once" {
	run on_disk 'for i in $(seq 1 1500); do echo "line $i" >> /home/ext2lines; done & p=$!;
		sleep 1; service fi ext2 null; sleep 1; service fi ext2 divide; wait $p; echo "status $?";
		wc -l < /home/ext2lines; sort -u /home/ext2lines | wc -l; tail -n 1 /home/ext2lines;
		cksum < /home/big; service status ext2'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = '1500' ]
	[ "${lines[2]}" = '1500' ]
	[ "${lines[3]}" = 'line 1500' ]
	[ "${lines[4]}" = "$(cksum < "$BATS_FILE_TMPDIR/big")" ]
	echo "$output" | grep -qE '^ext2 +[0-9]+ +- running +2 +divide error '
	fsck_clean
}

@test "a thousand random messages to random processes and wild writes leave every service working" {
	run exec_in_samsara 'service fi ata garbage -count 500; service fi tty garbage -count 500;
		service fi memory wild -count 50; sleep 2; ls /home; echo hi > /dev/null && echo null ok;
		service status'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = user ]
	[ "${lines[1]}" = 'null ok' ]
	# nobody was restarted, or whatever was came back
	for label in ds pm vfs ext2 memory ata tty; do
		echo "$output" | grep -qE "^$label +[0-9]+ +- running "
	done
}
