#!/usr/bin/env bats
# Services started from files (`service up FILE -label L`), recovery
# scripts, and bit flips in a service's code. One boot runs every step (in
# setup_file, on a fresh disk); each test reads its own section of the
# output. The demo service is /sbin/tally (servers/tally); its client is
# the `tally` command.

load lib

setup_file() {
	fresh_disk
	yes 'Samsara keeps your files 0123456789' | head -c 10485760 > "$BATS_FILE_TMPDIR/big"
	# The steps go onto the disk as a script: a command this long, typed
	# at the serial console, would lose characters.
	cat > "$BATS_FILE_TMPDIR/steps.sh" <<-'EOF'
		echo "== up"; service up /sbin/tally -label counter; echo "status $?"
		echo "== status"; service status counter
		echo "== request"; tally counter 5; tally counter 2
		echo "== crash"; service fi counter null; tally counter 1; service status counter
		echo "== rs crash"; service fi rs null; sleep 2; service fi counter divide; tally counter 0
		service status counter
		echo "== user"; su user -c "tally counter 3"
		su user -c "service up /sbin/tally -label mine"; echo "status $?"
		su user -c "service down counter"; echo "status $?"
		echo "== bad"; service up /nope -label a; echo "status $?"
		service up /etc/rc -label b; echo "status $?"
		service up /sbin/tally -label counter; echo "status $?"
		service up /sbin/tally -label ds; echo "status $?"
		service up /sbin/tally; echo "status $?"
		service up /sbin/tally -label c -period 5; echo "status $?"
		service up /sbin/tally -label "bad label"; echo "status $?"
		service up /sbin/tally -label c -frobnicate 1; echo "status $?"
		service status
		echo "== script"; echo "#!/bin/sh" > /tmp/rec
		echo "echo \"\$1 \$2 \$3\" >> /tmp/recovered; service restart \$1" >> /tmp/rec
		service set counter -script /tmp/rec; echo "status $?"
		service fi counter illegal; sleep 2; cat /tmp/recovered; tally counter 0
		service status counter
		echo "== flip tally"; service set counter -script ""; service fi counter flip -count 300
		sleep 2; tally counter 0; service status counter
		echo "== down"; service down counter; echo "status $?"; tally counter; echo "status $?"
		service status counter
		echo "== up again"; service up counter; echo "status $?"; tally counter 0
		echo "== replace"; service down counter; service up /sbin/tally -label counter
		echo "status $?"; tally counter 0
		echo "== flip ata"
		yes "Samsara keeps your files 0123456789" | head -c 10485760 > /home/big; sync
		service set ata -period 20
		for i in 1 2 3; do service fi ata flip -count 20; sleep 1; done
		echo "== after flips"; service status ata; cat /home/big /home/big | cksum
		echo "== end"
	EOF
	printf 'cd /home\nwrite %s steps.sh\n' "$BATS_FILE_TMPDIR/steps.sh" > "$BATS_FILE_TMPDIR/debugfs"
	debugfs -w -f "$BATS_FILE_TMPDIR/debugfs" "$(partition)" >/dev/null 2>&1
	on_disk 'sh /home/steps.sh' > "$BATS_FILE_TMPDIR/out" 2>&1 || true
}

# section NAME: the lines that step NAME printed, without the services' log
# lines, which share the console.
section() {
	awk -v s="== $1" '$0 == s { on = 1; next } /^== / { on = 0 } on' "$BATS_FILE_TMPDIR/out" |
		grep -vE '^(kernel|rs|ds|pm|vfs|ext2|memory|ata|tty): |^counter: (started|restarted|injecting)' || true
}

# column LABEL N: field N of LABEL's row in `service status` output on stdin.
column() {
	awk -v l="$1" -v n="$2" '$1 == l { print $n }'
}

@test "service up starts a service from a file and status shows it running" {
	run section up
	echo "$output"
	[ "$output" = 'status 0' ]
	run section status
	echo "$output"
	echo "$output" | grep -qE '^counter +[0-9]+ +- running +0 +- +- +[0-9.]+s$'
}

@test "the service started from a file answers requests" {
	run section request
	echo "$output"
	[ "${lines[0]}" = 'counter: total 5, started 1 time' ]
	[ "${lines[1]}" = 'counter: total 7, started 1 time' ]
}

@test "a crashed file service is restarted from the kept image with its state" {
	run section crash
	echo "$output"
	echo "$output" | grep -qx 'counter: total 8, started 2 times'
	echo "$output" | grep -qE '^counter +[0-9]+ +- running +1 +page fault '
}

@test "file services survive a crash of RS, and RS still restarts them" {
	run section 'rs crash'
	echo "$output"
	echo "$output" | grep -qx 'counter: total 8, started 3 times'
	echo "$output" | grep -qE '^counter +[0-9]+ +- running +2 +divide error '
}

@test "programs may call a file service; only root may start or stop one" {
	run section user
	echo "$output"
	[ "${lines[0]}" = 'counter: total 11, started 3 times' ]
	[ "${lines[1]}" = 'service: up /sbin/tally: permission denied (only root may)' ]
	[ "${lines[2]}" = 'status 1' ]
	[ "${lines[3]}" = 'service: down counter: permission denied (only root may)' ]
	[ "${lines[4]}" = 'status 1' ]
}

@test "service up refuses a missing file, a non-executable, a taken label and bad options" {
	run section bad
	echo "$output"
	[ "${lines[0]}" = 'service: /nope: No such file or directory' ]
	[ "${lines[1]}" = 'status 1' ]
	[ "${lines[2]}" = 'service: up /etc/rc: not an executable this system can run' ]
	[ "${lines[3]}" = 'status 1' ]
	[ "${lines[4]}" = 'service: up /sbin/tally: a service called counter exists already' ]
	[ "${lines[5]}" = 'status 1' ]
	[ "${lines[6]}" = 'service: up /sbin/tally: a service called ds exists already' ]
	[ "${lines[7]}" = 'status 1' ]
	[[ "${lines[8]}" == 'service: usage: '* ]]
	echo "$output" | grep -qx 'status 2'
	echo "$output" | grep -qx 'service: up /sbin/tally: Invalid argument'
	[ "$(echo "$output" | grep -c '^status 1$')" -ge 6 ]
	[ "$(echo "$output" | grep -cE '^(a|b|c|mine) ')" = 0 ]   # nothing half-started
	echo "$output" | grep -qE '^counter +[0-9]+ +- running '
}

@test "a recovery script runs with label, reason and count, and brings the service back" {
	run section script
	echo "$output"
	[ "${lines[0]}" = 'status 0' ]
	echo "$output" | grep -qE '^counter fault [0-9]+$'
	echo "$output" | grep -qx 'counter: total 11, started 4 times'
	echo "$output" | grep -qE '^counter +[0-9]+ +- running +[0-9]+ +restart '
}

@test "bits flipped in a service's code are caught and it comes back from a pristine image" {
	run section 'flip tally'
	echo "$output"
	echo "$output" | grep -qx 'counter: total 11, started 5 times'
	echo "$output" | grep -qE '^counter +[0-9]+ +- running +[0-9]+ +(code corrupted|page fault|general protection|invalid opcode|divide error|exception|exit|hang) '
}

@test "service down stops a file service and service up starts it again" {
	run section down
	echo "$output"
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = 'tally: counter: no such service' ]
	[ "${lines[2]}" = 'status 1' ]
	echo "$output" | grep -qE '^counter +- +- down '
	run section 'up again'
	echo "$output"
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = 'counter: total 11, started 6 times' ]
}

@test "service up FILE replaces the image of a file service that is down, as a fresh start" {
	run section replace
	echo "$output"
	[ "${lines[0]}" = 'status 0' ]
	[ "${lines[1]}" = 'counter: total 0, started 1 time' ]
}

@test "ata whose code takes bit flips is caught and comes back pristine" {
	run section 'after flips'
	echo "$output"
	local big="$BATS_FILE_TMPDIR/big"
	[ "$(echo "$output" | column ata 5)" -ge 1 ]
	echo "$output" | grep -qE '^ata +[0-9]+ +- running '
	echo "$output" | grep -qx "$(cat "$big" "$big" | cksum)"
}
