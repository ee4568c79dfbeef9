#!/usr/bin/env python3
"""Type at Samsara's PS/2 keyboard and read its VGA text screen.

Boots the system image in QEMU with a monitor socket, waits for the shell on
the serial console, types the text given as argument 1 on the emulated
keyboard (QEMU's sendkey), waits, and prints the 80x25 text screen read from
VGA memory at 0xB8000. Exit status 0, or 124 if the system did not come up.
"""
import os
import socket
import subprocess
import sys
import tempfile
import time

KEYS = {" ": "spc", "\n": "ret", "-": "minus", "=": "equal", "$": "shift-4", "(": "shift-9",
        ")": "shift-0", "*": "shift-8", "+": "shift-equal", '"': "shift-apostrophe", "'": "apostrophe",
        "/": "slash", ".": "dot", ";": "semicolon", "|": "shift-backslash", ">": "shift-dot"}


def monitor(path, command):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.settimeout(2)
    time.sleep(0.05)
    try:
        s.recv(65536)
    except socket.timeout:
        pass
    s.sendall((command + "\n").encode())
    data = b""
    end = time.monotonic() + 3
    while time.monotonic() < end:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            break
        data += chunk
        if data.rstrip().endswith(b"(qemu)"):
            break
    s.close()
    return data.decode(errors="replace")


def screen(path):
    words = []
    for line in monitor(path, "xp /2000hx 0xb8000").splitlines():
        head, _, rest = line.partition(":")
        if head.strip().startswith("00000000000b") or head.strip().startswith("0b"):
            words += [int(w, 16) for w in rest.split()]
    chars = "".join(chr(w & 0xff) if 32 <= (w & 0xff) < 127 else " " for w in words)
    return "\n".join(chars[i:i + 80].rstrip() for i in range(0, len(chars), 80))


def main():
    text = sys.argv[1]
    build = os.environ.get("SAMSARA_BUILD", "build")
    images = os.path.join(build, "images")
    kernel = open(os.path.join(images, "kernel.path")).read().strip()
    initrd = open(os.path.join(images, "system.initrd")).read().strip()
    work = tempfile.mkdtemp()
    sock, serial = os.path.join(work, "mon.sock"), os.path.join(work, "serial.txt")
    qemu = subprocess.Popen(["qemu-system-i386", "-accel", "tcg", "-m", "128", "-display", "none",
                             "-serial", "file:" + serial, "-monitor", f"unix:{sock},server,nowait",
                             "-kernel", kernel, "-initrd", initrd], stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if os.path.exists(serial) and "rc: system started" in open(serial, errors="replace").read():
                break
            time.sleep(0.2)
        else:
            return 124
        time.sleep(1)
        for c in text:
            key = KEYS.get(c, c.lower() if c.isalnum() and not c.isupper() else "shift-" + c.lower())
            monitor(sock, "sendkey " + key)
        time.sleep(2)
        print(screen(sock))
        return 0
    finally:
        qemu.kill()
        qemu.wait()


if __name__ == "__main__":
    sys.exit(main())
