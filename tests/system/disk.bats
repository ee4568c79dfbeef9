#!/usr/bin/env bats
# The disk: files written inside Samsara survive a power-off, the host's
# e2fsprogs agree with what Samsara wrote and read, a full disk gives ENOSPC,
# and the RAM disk takes over when no disk is attached.

load lib

setup_file() {
	fresh_disk
}

# The test files' contents, made the same way on the host and in Samsara.
make_files() {
	echo ': > zero; printf x > one;' \
		"yes 'Samsara persistence 0123456789' | head -c 4096 > four_k;" \
		'seq 1 200000 | head -c 1048576 > one_m;' \
		"yes 'Samsara keeps your files 0123456789' | head -c 20971520 > twenty_m"
}

@test "files of 0 B to 20 MiB written in Samsara read back after a power-off, as the host computes" {
	run on_disk "mkdir /home/user/t && cd /home/user/t && $(make_files) && ls"
	[ "$status" -eq 0 ]
	[ "$output" = $'four_k\none\none_m\ntwenty_m\nzero' ]
	run on_disk 'cd /home/user/t && cksum zero one four_k one_m twenty_m'
	[ "$status" -eq 0 ]
	local expected
	expected=$(mkdir -p "$BATS_TEST_TMPDIR/t" && cd "$BATS_TEST_TMPDIR/t" && eval "$(make_files)" &&
		cksum zero one four_k one_m twenty_m)
	[ "$output" = "$expected" ]
	fsck_clean
	# and the host's own ext2 code reads the same bytes
	debugfs -R "dump /home/user/t/one_m $BATS_TEST_TMPDIR/one_m.host" "$(partition)"
	cmp "$BATS_TEST_TMPDIR/one_m.host" "$BATS_TEST_TMPDIR/t/one_m"
}

@test "a file the host writes into the image with debugfs is read in Samsara" {
	seq 1 50000 > "$BATS_TEST_TMPDIR/from_host"
	debugfs -w -R "write $BATS_TEST_TMPDIR/from_host /home/user/from_host" "$(partition)"
	run on_disk 'cksum /home/user/from_host; tail -n 1 /home/user/from_host'
	[ "$status" -eq 0 ]
	[ "$output" = "$(cksum < "$BATS_TEST_TMPDIR/from_host") /home/user/from_host"$'\n50000' ]
	fsck_clean
}

@test "a full disk gives ENOSPC with a message, stays consistent, and frees its space on rm" {
	run on_disk 'cat /dev/zero > /home/fill; echo "status $?"; rm /home/fill &&
		head -c 4194304 /dev/zero > /home/after && ls -l /home/after'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'cat: write error: No space left on device' ]
	[ "${lines[1]}" = 'status 1' ]
	[[ "${lines[2]}" == '-rw-r--r-- 1 root root 4194304 '*' /home/after' ]]
	fsck_clean
}

@test "sync puts everything on the disk even if the machine is then switched off" {
	BOOT_TIMEOUT=60 run python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" \
		--image system --disk "$DISK" <<'SCRIPT'
expect $ 
send echo synced data > /home/user/synced; mkdir /home/user/d; sync; echo done''\r
expect done
expect $ 
SCRIPT
	[ "$status" -eq 0 ]
	# QEMU was killed without a power-off: the file system is marked in use,
	# but all of it is there and consistent.
	fsck_clean
	run debugfs -R "cat /home/user/synced" "$(partition)"
	[ "${lines[-1]}" = 'synced data' ]
}

@test "without a disk the root is the RAM disk, and the boot log says so" {
	run python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --timeout 120 \
		--no-disk -v --exec 'ls /home'
	[ "$status" -eq 0 ]
	[[ "$output" == *'ata: no disks on the primary IDE channel'* ]]
	[[ "$output" == *'vfs: no root file system on disk 0, partition 1 (error -6): using the RAM disk'* ]]
	[[ "$output" == *'ext2: mounted memory minor 0'* ]]
}

@test "Bochs boots with the disk attached and lists a directory on it" {
	debugfs -w -R "mkdir /home/user/made_on_host" "$(partition)"
	run on_disk --bochs 'ls /home/user'
	[ "$status" -eq 0 ]
	[[ "$output" == *made_on_host* ]]
	fsck_clean
}
