#!/usr/bin/env bats
# mount and umount: a second disk (an ext2 file system the host made with
# mke2fs -d) mounted on a directory of the root, read, written and judged
# by the host's debugfs and e2fsck; the mount table, df, the errors, busy
# mounts, the RAM disk read-only, ext2 crashing under a read on the second
# mount, and search permission on the directories of a path. One boot runs
# the main session (setup_file); its console is in $BATS_FILE_TMPDIR.

load lib

# The second disk's files, as the host makes them.
make_tree() {
	mkdir -p "$1/sub"
	echo "hello from the second disk" >"$1/hello.txt"
	seq 1 20000 >"$1/sub/numbers"
	head -c 3145728 /dev/urandom >"$1/big"
}

# boot_with_disk2 IMAGE CMD: runs CMD on the root disk with IMAGE as /dev/hd1;
# the whole console goes to $BATS_FILE_TMPDIR/console.log.
boot_with_disk2() {
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --timeout 300 \
		--disk "$DISK" --disk2 "$1" -v --exec "$2" 2>"$BATS_FILE_TMPDIR/console.log"
}

# The main session, a script put on the root disk (the console's line is
# too short for it): each part prints "== NAME" first, so that a test reads
# its own part with section NAME.
write_session() {
	cat >"$1" <<'SCRIPT'
echo "== mount"; mkdir /mnt /mnt2; echo below > /mnt/covered; mount /dev/hd1 /mnt; echo "status $?"
echo "== read"; cat /mnt/hello.txt; cksum /mnt/sub/numbers; ls /mnt; ls /mnt/sub/..
echo "== table"; mount; cat /etc/mtab
echo "== df"; df
echo "== proc"; ls /proc; ls /proc/self
echo "== stat"; stat -c "%d %n" / /mnt /mnt/sub /tmp
echo "== write"; echo "written in Samsara" > /mnt/sub/from_samsara; mkdir /mnt/newdir; echo "status $?"
echo "== errors"
mount /dev/hd1p2 /mnt2; echo "status $?"
mount /dev/nothing /mnt2; echo "status $?"
mount /dev/ram0 /etc/motd; echo "status $?"
mount /dev/hd1 /mnt2; echo "status $?"
mount /dev/hd0 /mnt2; echo "status $?"
mount -x; echo "status $?"
umount /tmp; echo "status $?"
ln /mnt/hello.txt /tmp/h; echo "status $?"
rmdir /mnt; echo "status $?"
mv /mnt /tmp/m; echo "status $?"
echo "== user"; su user -c 'mount /dev/ram0 /mnt2; echo status $?; umount /mnt; echo status $?'
echo "== ram"; mount -r /dev/ram0 /mnt/newdir; echo "status $?"; ls /mnt/newdir/etc/passwd
echo x > /mnt/newdir/new; echo "status $?"; mkdir /mnt/newdir/d; echo "status $?"; grep ram0 /proc/mounts
echo "== crash"
(for i in 1 2 3; do cksum < /mnt/big; done) > /tmp/sums &
sleep 1; service fi ext2 null; wait; cat /tmp/sums; service status ext2 | tail -n 1
echo "== busy"
cd /mnt/sub; umount /mnt; echo "cwd $?"; cd /
exec 3< /mnt/hello.txt; umount /dev/hd1; echo "open $?"; exec 3<&-
umount /mnt; echo "below $?"
umount /mnt/newdir; echo "status $?"; umount /mnt; echo "status $?"; umount /mnt; echo "status $?"
ls /mnt; mount
echo "== search"; mkdir /tmp/private; echo secret > /tmp/private/f; chmod 700 /tmp/private
su user -c 'cat /tmp/private/f; echo status $?; cd /tmp/private; echo status $?; cat /tmp/../tmp/private/f'
echo "== dev"; ls -l /dev | grep -E " (hd0|hd0p1|hd1|hd1p4|ram0)$"
echo "== end"
SCRIPT
}

setup_file() {
	fresh_disk
	make_tree "$BATS_FILE_TMPDIR/tree"
	export DISK2="$BATS_FILE_TMPDIR/disk2.img"
	mke2fs -q -F -t ext2 -b 1024 -d "$BATS_FILE_TMPDIR/tree" "$DISK2" 8M
	write_session "$BATS_FILE_TMPDIR/session.sh"
	debugfs -w -R "write $BATS_FILE_TMPDIR/session.sh /session.sh" "$(partition)" 2>/dev/null
	boot_with_disk2 "$DISK2" "sh /session.sh" >"$BATS_FILE_TMPDIR/session.log" || true
}

# section NAME: the lines the session printed for part NAME.
section() {
	sed -n "/^== $1\$/,/^== /p" "$BATS_FILE_TMPDIR/session.log" | sed '1d;/^== /d'
}

@test "a whole-disk ext2 made by the host mounts on a directory and reads as the host wrote it" {
	[ "$(section mount)" = "status 0" ]
	run section read
	[ "${lines[0]}" = "hello from the second disk" ]
	[ "${lines[1]}" = "$(cd "$BATS_FILE_TMPDIR/tree" && cksum sub/numbers | sed 's| sub/| /mnt/sub/|')" ]
	[ "$(echo "$output" | sed -n '3,6p' | tr '\n' ' ')" = "big hello.txt lost+found sub " ]
	[ "$(echo "$output" | sed -n '7,10p' | tr '\n' ' ')" = "big hello.txt lost+found sub " ]
	grep -q '^vfs: mounted /dev/hd1 on /mnt$' "$BATS_FILE_TMPDIR/console.log"
}

@test "mount and /etc/mtab list the mount table VFS keeps; df lists both file systems" {
	run section table
	[ "${lines[0]}" = "/dev/hd0p1 / ext2 rw 0 0" ]
	[ "${lines[1]}" = "/dev/hd1 /mnt ext2 rw 0 0" ]
	[ "${lines[2]}" = "${lines[0]}" ]
	[ "${lines[3]}" = "${lines[1]}" ]
	[ "${#lines[@]}" -eq 4 ]
	run section df
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[1]}" =~ ^/dev/hd0p1\ +64512\ .*\ /$ ]]
	[[ "${lines[2]}" =~ ^/dev/hd1\ +8192\ .*\ /mnt$ ]]
}

@test "/proc lists the mount table's files" {
	[ "$(section proc)" = $'mounts\nself\nmounts' ]
}

@test "each mount has its own st_dev" {
	run section stat
	[ "$output" = $'1 /\n2 /mnt\n2 /mnt/sub\n1 /tmp' ]
}

@test "a file written on the second disk is read by the host's debugfs, and both images are clean" {
	[ "$(section write)" = "status 0" ]
	run debugfs -R "cat /sub/from_samsara" "$DISK2"
	[ "$output" = "written in Samsara" ] || [[ "$output" == *$'\n'"written in Samsara" ]]
	run e2fsck -fn "$DISK2"
	echo "$output"
	[ "$status" -eq 0 ]
	fsck_clean
}

@test "mount errors: no such partition, no such node, not a directory, not ext2, busy, bad option" {
	run section errors
	echo "$output"
	[ "${lines[0]}" = "mount: cannot mount /dev/hd1p2 on /mnt2: No such device or address" ]
	[ "${lines[1]}" = "status 1" ]
	[ "${lines[2]}" = "mount: cannot mount /dev/nothing on /mnt2: No such file or directory" ]
	[ "${lines[4]}" = "mount: cannot mount /dev/ram0 on /etc/motd: Not a directory" ]
	[ "${lines[6]}" = "mount: cannot mount /dev/hd1 on /mnt2: Device or resource busy" ]
	[ "${lines[8]}" = "mount: cannot mount /dev/hd0 on /mnt2: Invalid argument" ]
	[ "${lines[9]}" = "status 1" ]
	[ "${lines[10]}" = "mount: invalid option -- 'x'" ]
	[ "${lines[11]}" = "mount: usage: mount [-rw] [device dir]" ]
	[ "${lines[12]}" = "status 1" ]
	[ "${lines[13]}" = "umount: cannot unmount /tmp: Invalid argument" ]
	[[ "${lines[15]}" == "ln: "*"Invalid cross-device link"* ]]
	[[ "${lines[17]}" == "rmdir: "*"Device or resource busy"* ]]
	[[ "${lines[19]}" == "mv: "*"Device or resource busy"* ]]
	[ "${lines[20]}" = "status 1" ]
	# the whole first disk is an MBR, not ext2: ext2 says why on the console
	grep -q '^ext2: cannot mount ata minor 0: not an ext2 file system (-22)$' "$BATS_FILE_TMPDIR/console.log"
}

@test "an ordinary user may neither mount nor unmount" {
	[ "$(section user)" = $'mount: cannot mount /dev/ram0 on /mnt2: Operation not permitted\nstatus 1\numount: cannot unmount /mnt: Operation not permitted\nstatus 1' ]
}

@test "the RAM disk mounts read-only beside a root on the ATA disk, and refuses writes" {
	run section ram
	echo "$output"
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[1]}" = "/mnt/newdir/etc/passwd" ]
	[[ "${lines[2]}" == *"Read-only file system" ]]
	[ "${lines[3]}" = "status 1" ]
	[[ "${lines[4]}" == "mkdir: "*"Read-only file system" ]]
	[ "${lines[6]}" = "/dev/ram0 /mnt/newdir ext2 ro 0 0" ]
}

@test "reads on the second mount give the right checksum while ext2 crashes; every mount comes back" {
	run section crash
	echo "$output"
	local sum
	sum=$(cksum <"$BATS_FILE_TMPDIR/tree/big")
	[ "${lines[0]}" = "$sum" ]
	[ "${lines[1]}" = "$sum" ]
	[ "${lines[2]}" = "$sum" ]
	[[ "${lines[3]}" =~ ^ext2\ +[0-9]+\ +-\ running\ +1\  ]]
	grep -q '^vfs: file-system server restarted: 3 file systems mounted again$' "$BATS_FILE_TMPDIR/console.log"
}

@test "umount is refused while a cwd, an open file or a mount is inside; then the covered directory shows again" {
	run section busy
	echo "$output"
	[ "${lines[0]}" = "umount: cannot unmount /mnt: Device or resource busy" ]
	[ "${lines[1]}" = "cwd 1" ]
	[ "${lines[2]}" = "umount: cannot unmount /dev/hd1: Device or resource busy" ]
	[ "${lines[3]}" = "open 1" ]
	[ "${lines[4]}" = "umount: cannot unmount /mnt: Device or resource busy" ]
	[ "${lines[5]}" = "below 1" ]
	[ "${lines[6]}" = "status 0" ]
	[ "${lines[7]}" = "status 0" ]
	[ "${lines[8]}" = "umount: cannot unmount /mnt: Invalid argument" ]
	[ "${lines[9]}" = "status 1" ]
	[ "${lines[10]}" = "covered" ]
	[ "${lines[11]}" = "/dev/hd0p1 / ext2 rw 0 0" ]
	[ "${#lines[@]}" -eq 12 ]
}

@test "an ordinary user needs search permission on every directory of a path" {
	run section search
	echo "$output"
	[ "${lines[0]}" = "cat: /tmp/private/f: Permission denied" ]
	[ "${lines[1]}" = "status 1" ]
	[[ "${lines[2]}" == *"Permission denied"* ]]
	[ "${lines[3]}" = "status 2" ] || [ "${lines[3]}" = "status 1" ]
	[ "${lines[4]}" = "cat: /tmp/../tmp/private/f: Permission denied" ]
}

@test "ls -l /dev shows the disks, their partitions and the RAM disk as block devices" {
	run section dev
	echo "$output"
	[ "${#lines[@]}" -eq 5 ]
	for line in "${lines[@]}"; do [[ "$line" == brw-------* ]]; done
}

@test "poweroff unmounts every file system: both images are clean" {
	grep -q '^ext2: unmounted ata minor 1$' "$BATS_FILE_TMPDIR/console.log"
	run e2fsck -fn "$DISK2"
	[ "$status" -eq 0 ]
	fsck_clean
}

@test "partition 1 of an MBR second disk mounts as /dev/hd1p1; poweroff unmounts innermost first, leaving it clean" {
	local part="$BATS_TEST_TMPDIR/part.img"
	mke2fs -q -F -t ext2 -b 1024 -d "$BATS_FILE_TMPDIR/tree" "$BATS_TEST_TMPDIR/fs.img" 8M
	python3 "$BATS_TEST_DIRNAME/../../tools/mkdisk.py" "$part" 10 "$BATS_TEST_TMPDIR/fs.img"
	run boot_with_disk2 "$part" 'mkdir -p /media; mount /dev/hd1p1 /media && cat /media/hello.txt &&
		echo "on the partition" > /media/p1 && mount -r /dev/ram0 /media/sub && mount | tail -n 2'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = $'hello from the second disk\n/dev/hd1p1 /media ext2 rw 0 0\n/dev/ram0 /media/sub ext2 ro 0 0' ]
	run grep '^ext2: unmounted ' "$BATS_FILE_TMPDIR/console.log"
	[ "$output" = $'ext2: unmounted memory minor 0\next2: unmounted ata minor 6\next2: unmounted ata minor 1' ]
	run debugfs -R "cat /p1" "$part?offset=1048576"
	[[ "$output" == *"on the partition" ]]
	run e2fsck -fn "$part?offset=1048576"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "a VFS crash keeps the mount table and the files open on a mount" {
	local copy="$BATS_TEST_TMPDIR/disk2.img"
	mke2fs -q -F -t ext2 -b 1024 -d "$BATS_FILE_TMPDIR/tree" "$copy" 8M
	run boot_with_disk2 "$copy" 'mkdir -p /media; mount /dev/hd1 /media && exec 3< /media/hello.txt &&
		service fi vfs null; sleep 1; mount | tail -n 1; cat <&3; cat /media/sub/numbers | wc -l;
		echo after > /media/after; exec 3<&-; umount /media; echo "umount $?"'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = $'/dev/hd1 /media ext2 rw 0 0\nhello from the second disk\n20000\numount 0' ]
	grep -q '^vfs: mounted ata minor 5 on /media again from the mirror' "$BATS_FILE_TMPDIR/console.log"
	run debugfs -R "cat /after" "$copy"
	[[ "$output" == *after ]]
	run e2fsck -fn "$copy"
	[ "$status" -eq 0 ]
}

@test "Bochs: the second disk is its primary slave and mounts the same way" {
	local copy="$BATS_TEST_TMPDIR/disk2.img"
	mke2fs -q -F -t ext2 -b 1024 -d "$BATS_FILE_TMPDIR/tree" "$copy" 8M
	run python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --timeout 400 \
		--bochs --disk "$DISK" --disk2 "$copy" --exec 'mount /dev/hd1 /tmp && cat /tmp/hello.txt && mount | tail -n 1'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = $'hello from the second disk\n/dev/hd1 /tmp ext2 rw 0 0' ]
	run e2fsck -fn "$copy"
	[ "$status" -eq 0 ]
}
