#!/usr/bin/env bats
# VFS, proven by vfstest running as init would (pid 1, console on 0, 1, 2),
# with PM, the console driver and the memory driver: boots the vfs image
# once, types one line at the console, and checks vfstest's TAP report.

load lib

setup_file() {
	export VFS_LOG="$BATS_FILE_TMPDIR/vfs.log"
	local status=0
	python3 "$BATS_TEST_DIRNAME/../../tools/dialogue.py" --image vfs --timeout 90 --wait-exit >"$VFS_LOG" <<'SCRIPT' || status=$?
expect vfstest: type a line
send typed\r
expect # vfstest:
SCRIPT
	echo "$status" >"$BATS_FILE_TMPDIR/status"
}

@test "vfstest runs every case and powers off with success" {
	assert_all_passed "$VFS_LOG" vfstest
}

@test "a program's standard streams are the console" {
	grep -qx 'vfstest: hello through VFS and the console driver' "$VFS_LOG"
	assert_ok "$VFS_LOG" \
		"a program writes to its standard output" \
		"descriptors 0, 1 and 2 are the terminal" \
		"a program reads a typed line from standard input"
}

@test "/dev/null, /dev/zero and stat behave as on Unix" {
	assert_ok "$VFS_LOG" \
		"/dev/null opens on the lowest free descriptor" \
		"writes to /dev/null succeed" \
		"reads from /dev/null find end of file" \
		"reads from /dev/zero give zeros" \
		"writing to a descriptor opened read-only fails" \
		"stat of /dev/null says character device" \
		"stat of / says directory"
}

@test "pipes carry data between processes, with end of file, EPIPE and SIGPIPE" {
	assert_ok "$VFS_LOG" \
		"what goes into a pipe comes out" \
		"with the write end closed, a reader sees end of file" \
		"writing to a pipe nobody reads fails" \
		"... with EPIPE" \
		"a writer to a pipe nobody reads dies of SIGPIPE" \
		"a writer waiting on a full pipe dies of SIGPIPE when the reader goes" \
		"only PM may take VFS's signals" \
		"64 KiB through a pipe between two processes arrive intact"
}

@test "dup, dup2, fcntl and close-on-exec work across fork and exec" {
	assert_ok "$VFS_LOG" \
		"dup2 onto descriptor 1 sends a child's printf into a pipe" \
		"dup gives a new descriptor for the same file" \
		"a new descriptor does not close on exec" \
		"closing a closed descriptor fails" \
		"a descriptor beyond the table is refused" \
		"exec closes close-on-exec descriptors and keeps the others"
}

@test "paths resolve relative to the current directory, with clear errors" {
	assert_ok "$VFS_LOG" \
		"chdir to a directory succeeds" \
		"getcwd names it" \
		"a relative path is resolved from the current directory" \
		". and .. are resolved" \
		"chdir to a file fails" \
		"opening a missing file fails" \
		"opening a directory for writing fails" \
		"getcwd into a buffer too small fails" \
		"lseek on a terminal fails"
}

@test "the memory driver serves the root file system image as a RAM disk" {
	grep -q '^memory: RAM disk of 16384 KiB from rootfs.img$' "$VFS_LOG"
}

@test "files on the ext2 root are created, written, appended, truncated and read back" {
	grep -q '^ext2: mounted memory minor 0$' "$VFS_LOG"
	grep -q '^vfs: no root file system on disk 0, partition 1 (error [-0-9]*): using the RAM disk$' "$VFS_LOG"
	assert_ok "$VFS_LOG" \
		"a file of the root image is read" \
		"a new file is created and written" \
		"... and reads back" \
		"O_APPEND writes at the end" \
		"stat gives its type, size and mode" \
		"O_EXCL refuses an existing file" \
		"lseek moves the offset, SEEK_END from the size" \
		"O_TRUNC empties the file" \
		"200 KiB written through indirect blocks read back the same"
}

@test "directories, renames, hard and symbolic links work on the root file system" {
	assert_ok "$VFS_LOG" \
		"mkdir makes a directory" \
		"readdir lists what a directory holds" \
		"rmdir refuses a directory that is not empty" \
		"rename moves a file to another directory" \
		"the file is under its new name only" \
		"link adds a second name" \
		"the file now has two links" \
		"symlink makes a symbolic link" \
		"readlink gives its target" \
		"opening the link opens its target" \
		"lstat describes the link itself, stat what it names" \
		"utime sets the access and modification times" \
		"unlink removes a name" \
		"the other link still reaches the data" \
		"a dangling symbolic link gives ENOENT" \
		"rmdir removes an empty directory" \
		"the device directory is read-only" \
		"unlink refuses a directory" \
		"a relative name is created in the current directory"
}

@test "an unlinked file lives on while it is open" {
	assert_ok "$VFS_LOG" \
		"an open file can be unlinked" \
		"and stays readable through its descriptor" \
		"after the last close it is gone"
}
