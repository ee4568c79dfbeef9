#!/usr/bin/env bats
# The VGA console: keys typed on the PS/2 keyboard reach the shell on
# /dev/tty1, and its output appears in VGA text memory.

load lib

@test "a shell on the VGA screen runs what is typed on the keyboard" {
	run python3 "$BATS_TEST_DIRNAME/vga_screen.py" $'echo vga-$((6*7))\nls /etc\n'
	[ "$status" -eq 0 ]
	echo "$output" | grep -qx '\$ echo vga-\$((6\*7))'
	echo "$output" | grep -qx 'vga-42'
	echo "$output" | grep -qx 'motd'
}

@test "clear empties the VGA screen: escape sequences are obeyed, not shown" {
	run python3 "$BATS_TEST_DIRNAME/vga_screen.py" $'ls /etc\nclear\necho after-clear\n'
	[ "$status" -eq 0 ]
	! echo "$output" | grep -q 'motd'
	! echo "$output" | grep -qF '[2J'
	echo "$output" | head -3 | grep -q 'after-clear'
}
