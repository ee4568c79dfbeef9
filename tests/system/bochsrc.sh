#!/usr/bin/env bash
# Prints a bochsrc that boots ISO (argument 1) from CD, with COM1 as given by
# argument 2 (e.g. "file, dev=serial.txt" or "term, dev=/dev/pts/3") and the
# Bochs log in argument 3. VGA goes to VNC, the only GUI Debian's Bochs has.
set -eu
iso=$1 com1=$2 log=$3
cat <<CFG
megs: 128
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
ata0-master: type=cdrom, path=$iso, status=inserted
boot: cdrom
com1: enabled=1, mode=$com1
display_library: rfb, options="timeout=0"
sound: driver=dummy
clock: sync=none, time0=local
log: $log
panic: action=fatal
error: action=report
CFG
