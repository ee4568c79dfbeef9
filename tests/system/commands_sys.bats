#!/usr/bin/env bats
# The system commands inside Samsara, through ./samsara exec: dd,
# md5sum and sha256sum on data made in the guest give what the host's tools
# give on the same data; stat, du, df, chown, chmod -R, uptime and the
# shell's umask report what Samsara's file system and clock hold.

load lib

exec_in_samsara() {
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --build "$SAMSARA_BUILD" --timeout 240 --exec "$1"
}

@test "dd copies, skips, seeks and counts records as the host's dd" {
	run exec_in_samsara 'seq 1 20000 > /tmp/n; dd if=/tmp/n of=/tmp/o bs=1000 skip=2 count=50 2>&1; cksum < /tmp/o; printf abcdef > /tmp/p; dd if=/tmp/n of=/tmp/p bs=2 count=1 seek=1 conv=notrunc status=none; cat /tmp/p; echo; dd if=/tmp/n ibs=7 obs=100 count=9 status=noxfer 2>&1 | cksum; dd if=/nope; echo "status $?"'
	[ "$status" -eq 0 ]
	local expected
	expected=$(cd "$BATS_TEST_TMPDIR" && seq 1 20000 > n &&
		dd if=n of=o bs=1000 skip=2 count=50 2>&1 | sed -E 's/^([0-9]+ bytes) .*copied.*/\1 copied/'
		cksum < o
		printf abcdef > p; dd if=n of=p bs=2 count=1 seek=1 conv=notrunc status=none; cat p; echo
		dd if=n ibs=7 obs=100 count=9 status=noxfer 2>&1 | cksum
		echo "dd: failed to open '/nope': No such file or directory"; echo "status 1")
	[ "$output" = "$expected" ]
}

@test "md5sum and sha256sum of data made in the guest match the host's" {
	run exec_in_samsara 'seq 1 100000 > /tmp/n; md5sum /tmp/n; sha256sum /tmp/n; head -c 1000 /tmp/n | md5sum; : > /tmp/e; sha256sum /tmp/e; md5sum /tmp/n /tmp/e > /tmp/sums; md5sum -c /tmp/sums; echo x >> /tmp/e; md5sum -c /tmp/sums; echo "status $?"'
	[ "$status" -eq 0 ]
	local expected
	expected=$(cd "$BATS_TEST_TMPDIR" && mkdir -p tmp && seq 1 100000 > tmp/n && : > tmp/e &&
		md5sum tmp/n | sed 's| tmp/| /tmp/|'; sha256sum tmp/n | sed 's| tmp/| /tmp/|'
		head -c 1000 tmp/n | md5sum; sha256sum tmp/e | sed 's| tmp/| /tmp/|'
		echo "/tmp/n: OK"; echo "/tmp/e: OK"; echo "/tmp/n: OK"; echo "/tmp/e: FAILED"
		echo "md5sum: WARNING: 1 computed checksum did NOT match"; echo "status 1")
	[ "$output" = "$expected" ]
}

@test "stat shows the size, mode, owner and type of files" {
	run exec_in_samsara 'printf hello > /tmp/f; chmod 640 /tmp/f; mkdir /tmp/d; ln -s f /tmp/l; stat -c "%n|%s|%a|%A|%F|%h|%u|%U|%g|%G" /tmp/f /tmp/d /tmp/l /dev/null; stat -c %N /tmp/l; stat /tmp/f; stat /nope; echo "status $?"'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "/tmp/f|5|640|-rw-r-----|regular file|1|0|root|0|root" ]
	[ "${lines[1]}" = "/tmp/d|1024|755|drwxr-xr-x|directory|2|0|root|0|root" ] ||
		[[ "${lines[1]}" =~ ^/tmp/d\|[0-9]+\|755\|drwxr-xr-x\|directory\|2\|0\|root\|0\|root$ ]]
	[ "${lines[2]}" = "/tmp/l|1|777|lrwxrwxrwx|symbolic link|1|0|root|0|root" ]
	[[ "${lines[3]}" =~ ^/dev/null\|0\|666\|crw-rw-rw-\|character\ special\ file\| ]]
	[ "${lines[4]}" = "'/tmp/l' -> 'f'" ]
	[ "${lines[5]}" = "  File: /tmp/f" ]
	[[ "${lines[6]}" =~ ^\ \ Size:\ 5\ +.Blocks:\ [0-9]+\ +IO\ Block:\ [0-9]+\ +regular\ file$ ]]
	[[ "${lines[7]}" =~ ^Device:\ [0-9]+,[0-9]+.Inode:\ [0-9]+\ +Links:\ 1$ ]]
	[ "${lines[8]}" = "Access: (0640/-rw-r-----)  Uid: (    0/    root)   Gid: (    0/    root)" ]
	[[ "${lines[9]}" =~ ^Access:\ 20[0-9]{2}-[0-9]{2}-[0-9]{2}\ [0-9:]{8}\.000000000\ \+0000$ ]]
	[[ "${lines[10]}" =~ ^Modify: ]] && [[ "${lines[11]}" =~ ^Change: ]]
	[ "${lines[12]}" = " Birth: -" ]
	[ "${lines[13]}" = "stat: cannot stat '/nope': No such file or directory" ]
	[ "${lines[14]}" = "status 1" ]
}

@test "du adds up the blocks stat reports, in 1K blocks and with -h" {
	run exec_in_samsara 'mkdir -p /tmp/d/e; seq 1 10000 > /tmp/d/f; seq 1 100 > /tmp/d/e/g; stat -c %b /tmp/d /tmp/d/e /tmp/d/f /tmp/d/e/g; du /tmp/d; du -a /tmp/d/e; du -s /tmp/d; du -sh /tmp/d; du /nope; echo "status $?"'
	[ "$status" -eq 0 ]
	local d=${lines[0]} e=${lines[1]} f=${lines[2]} g=${lines[3]}
	local e_total=$(( (e + g + 1) / 2 )) d_total=$(( (d + e + f + g + 1) / 2 ))
	[ "${lines[4]}" = "$e_total	/tmp/d/e" ]
	[ "${lines[5]}" = "$d_total	/tmp/d" ]
	[ "${lines[6]}" = "$(( (g + 1) / 2 ))	/tmp/d/e/g" ]
	[ "${lines[7]}" = "$e_total	/tmp/d/e" ]
	[ "${lines[8]}" = "$d_total	/tmp/d" ]
	local human=$'^[0-9]+(\\.[0-9])?K\t/tmp/d$'
	[[ "${lines[9]}" =~ $human ]]
	[ "${lines[10]}" = "du: cannot access '/nope': No such file or directory" ]
	[ "${lines[11]}" = "status 1" ]
}

@test "df shows the root file system and the space a new file takes" {
	run exec_in_samsara 'df; df -h /tmp; dd if=/dev/zero of=/tmp/big bs=1k count=1024 status=none; df /tmp; df /dev; echo "status $?"'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Filesystem     1K-blocks  Used Available Use% Mounted on" ]
	[[ "${lines[1]}" =~ ^/dev/hd0p1\ +([0-9]+)\ +([0-9]+)\ +([0-9]+)\ +([0-9]+)%\ /$ ]]
	local size=${BASH_REMATCH[1]} used=${BASH_REMATCH[2]} avail=${BASH_REMATCH[3]} percent=${BASH_REMATCH[4]}
	[ "$percent" -eq $(( (used * 100 + used + avail - 1) / (used + avail) )) ]
	[ "$size" -ge $(( used + avail )) ]
	[ "${lines[2]}" = "Filesystem      Size  Used Avail Use% Mounted on" ]
	[[ "${lines[3]}" =~ ^/dev/hd0p1\ +[0-9.]+M\ +[0-9.]+[KM]\ +[0-9.]+[KM]\ +[0-9]+%\ /$ ]]
	[[ "${lines[5]}" =~ ^/dev/hd0p1\ +[0-9]+\ +([0-9]+)\ +[0-9]+\ +[0-9]+%\ /$ ]]
	[ "${BASH_REMATCH[1]}" -ge $(( used + 1024 )) ]
	[ "${lines[6]}" = "df: /dev: Function not implemented" ]
	[ "${lines[7]}" = "status 1" ]
}

@test "chown and chgrp change owners by name and number, also recursively" {
	run exec_in_samsara 'touch /tmp/f; mkdir -p /tmp/d/e; touch /tmp/d/e/g; chown user:users /tmp/f; stat -c "%U %G" /tmp/f; chown 0 /tmp/f; stat -c "%u %g" /tmp/f; chgrp root /tmp/f; chown :1000 /tmp/f; stat -c "%u %g" /tmp/f; chown -R user: /tmp/d; stat -c "%n %U %G" /tmp/d /tmp/d/e /tmp/d/e/g; chown nobody /tmp/f; echo "status $?"; chown user /nope; echo "status $?"'
	[ "$status" -eq 0 ]
	[ "$output" = "user users
0 1000
0 1000
/tmp/d user users
/tmp/d/e user users
/tmp/d/e/g user users
chown: invalid user: 'nobody'
status 1
chown: cannot access '/nope': No such file or directory
status 1" ]
}

@test "chmod -R changes trees and the shell's umask shapes new files" {
	run exec_in_samsara 'mkdir -p /tmp/t/u; touch /tmp/t/u/f; chmod -R 700 /tmp/t; stat -c "%a %n" /tmp/t /tmp/t/u /tmp/t/u/f; chmod -R go+rX /tmp/t; stat -c "%a %n" /tmp/t/u /tmp/t/u/f; umask; umask 077; touch /tmp/g; mkdir /tmp/h; stat -c "%a %n" /tmp/g /tmp/h; umask -S; umask g-w,o=; umask'
	[ "$status" -eq 0 ]
	[ "$output" = "700 /tmp/t
700 /tmp/t/u
700 /tmp/t/u/f
755 /tmp/t/u
755 /tmp/t/u/f
0022
600 /tmp/g
700 /tmp/h
u=rwx,g=,o=
0077" ]
}

@test "uptime counts from boot with the clock of the guest" {
	run exec_in_samsara 'uptime; uptime -p; sleep 1; uptime -s; date "+%Y-%m-%d"'
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^\ [0-9]{2}:[0-9]{2}:[0-9]{2}\ up\ [0-9]+\ min,\ \ 1\ user,\ \ load\ average:\ 0\.00,\ 0\.00,\ 0\.00$ ]]
	[[ "${lines[1]}" =~ ^up\ [0-9]+\ minutes?$ ]]
	[[ "${lines[2]}" =~ ^${lines[3]}\ [0-9]{2}:[0-9]{2}:[0-9]{2}$ ]]
}

@test "an ordinary user is held to the permission bits; files they make are theirs" {
	run exec_in_samsara 'su user -c "cat /etc/passwd > /dev/null && echo read ok; echo x > /etc/motd; echo s=\$?;
		mkdir /newdir; echo s=\$?; rm /etc/rc; echo s=\$?; chmod 600 /etc/passwd; echo s=\$?;
		echo mine > /home/user/mine && chmod 600 /home/user/mine && cat /home/user/mine; echo t > /tmp/t && echo tmp ok";
		ls -l /home/user/mine; su user -c "chown root /home/user/mine"; echo s=$?'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'read ok' ]
	[ "${lines[1]}" = 'sh: cannot open /etc/motd: Permission denied' ]
	[ "${lines[2]}" = 's=1' ]
	[ "${lines[3]}" = "mkdir: cannot create directory '/newdir': Permission denied" ]
	[ "${lines[5]}" = "rm: cannot remove '/etc/rc': Permission denied" ]
	[ "${lines[7]}" = "chmod: changing permissions of '/etc/passwd': Operation not permitted" ]
	[ "${lines[9]}" = 'mine' ]
	[ "${lines[10]}" = 'tmp ok' ]
	[[ "${lines[11]}" == '-rw------- 1 user users 5 '*' /home/user/mine' ]]
	[ "${lines[12]}" = "chown: changing ownership of '/home/user/mine': Operation not permitted" ]
	[ "${lines[13]}" = 's=1' ]
}

@test "running a program needs execute permission, for root too; access() answers for the caller" {
	run exec_in_samsara 'printf "#!/bin/sh\necho ran\n" > /tmp/s; chmod 744 /tmp/s; /tmp/s;
		su user -c "/tmp/s; echo s=\$?; test -r /tmp/s && echo r; test -x /tmp/s || echo no x;
			test -w /etc/passwd || echo no w; test -w /home/user && echo w home";
		chmod 644 /tmp/s; /tmp/s; echo s=$?; test -x /tmp/s || echo root no x; test -x /bin/ls && echo root x'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'ran' ]
	[ "${lines[1]}" = 'sh: /tmp/s: Permission denied' ]
	[ "${lines[2]}" = 's=126' ]
	[ "${lines[3]}" = 'r' ]
	[ "${lines[4]}" = 'no x' ]
	[ "${lines[5]}" = 'no w' ]
	[ "${lines[6]}" = 'w home' ]
	[ "${lines[7]}" = 'sh: /tmp/s: Permission denied' ]
	[ "${lines[8]}" = 's=126' ]
	[ "${lines[9]}" = 'root no x' ]
	[ "${lines[10]}" = 'root x' ]
}

@test "stty shows and changes the terminal settings, and reads back its -g form" {
	run exec_in_samsara 'stty; stty -echo min 3 time 2 intr ^X -icanon; stty; g=$(stty -g); stty sane; stty;
		stty $g; stty | tail -n 1; stty sane; stty -a; stty bogus; echo s=$?; stty < /dev/null; echo s=$?'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'speed 115200 baud; rows 24; columns 80;' ]
	[ "${lines[2]}" = 'intr = ^X; min = 3; time = 2;' ]
	[ "${lines[3]}" = '-icanon -echo' ]
	[ "${lines[4]}" = 'speed 115200 baud; rows 24; columns 80;' ]
	[ "${lines[5]}" = '-icanon -echo' ]
	[ "${lines[7]}" = 'intr = ^C; quit = ^\; erase = ^?; kill = ^U; eof = ^D; min = 1; time = 0;' ]
	[ "${lines[10]}" = 'isig icanon -iexten echo echoe echok -echonl' ]
	[ "${lines[11]}" = "stty: invalid argument 'bogus'" ]
	[ "${lines[12]}" = 'stty: usage: stty [-a | -g] [SETTING...]' ]
	[ "${lines[13]}" = 's=1' ]
	[ "${lines[14]}" = "stty: 'standard input': Inappropriate ioctl for device" ]
	[ "${lines[15]}" = 's=1' ]
}
