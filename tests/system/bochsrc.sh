#!/usr/bin/env bash
# Prints a bochsrc that boots ISO (argument 1) from CD, with COM1 as given by
# argument 2 (e.g. "file, dev=serial.txt" or "term, dev=/dev/pts/3") and the
# Bochs log in argument 3; with a disk image as argument 4, that is the
# primary master and the CD the secondary master; a second disk image as
# argument 5 is the primary slave. VGA goes to VNC, the only GUI Debian's
# Bochs has. The CPU runs at 50 M instructions per emulated second: Bochs's
# default, 4 M, is a machine on which 16 bytes of 115200-baud input (the
# UART's FIFO) arrive in under 6,000 instructions, so that any request the
# console driver makes while a line is typed (saving the typed input in DS)
# lost keys.
set -eu
iso=$1 com1=$2 log=$3 disk=${4:-} disk2=${5:-}
if [ -n "$disk" ]; then
	drives="ata0-master: type=disk, path=$disk, mode=flat
ata1-master: type=cdrom, path=$iso, status=inserted"
	[ -z "$disk2" ] || drives="$drives
ata0-slave: type=disk, path=$disk2, mode=flat"
else
	drives="ata0-master: type=cdrom, path=$iso, status=inserted"
fi
cat <<CFG
megs: 128
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
$drives
boot: cdrom
com1: enabled=1, mode=$com1
display_library: rfb, options="timeout=0"
sound: driver=dummy
cpu: ips=50000000
clock: sync=none, time0=local
log: $log
panic: action=fatal
error: action=report
CFG
