#!/usr/bin/env python3
"""Boot time as a ratio: Samsara to its first shell prompt against a kernel
that exits at once, both booted through GRUB from an ISO in QEMU (TCG).

Each boot is timed in wall-clock seconds from QEMU's start: the system until
its shell prompt appears on the serial console (after /etc/rc's line), the
yardstick (build/images/bootexit.iso) until QEMU exits. Both get the same
machine (memory, a copy of the disk image, the exit device), and the runs
alternate; the fastest of each counts, since a busy host can only slow a
run down. Prints "bench:" lines like the guest benchmarks.
"""
import argparse
import os
import select
import subprocess
import sys
import tempfile
import time

READY = b"rc: system started"
PROMPT = b"$ "


def qemu_command(iso, disk):
    return ["qemu-system-i386", "-accel", "tcg", "-m", "128", "-no-reboot", "-display", "none",
            "-serial", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-cdrom", iso, "-boot", "d",
            "-drive", f"file={disk},format=raw,if=ide,index=0,media=disk"]


def fresh_disk(build, disk):
    subprocess.run(["cp", "--sparse=always", os.path.join(build, "images", "disk.img"), disk], check=True)


def boot_to_prompt(iso, disk, timeout):
    """Seconds from QEMU's start to the shell's first prompt, or None."""
    start = time.monotonic()
    proc = subprocess.Popen(qemu_command(iso, disk), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    seen, elapsed = b"", None
    try:
        while time.monotonic() - start < timeout:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
            at = seen.find(READY)
            if at >= 0 and seen.find(PROMPT, at) >= 0:
                elapsed = time.monotonic() - start
                break
    finally:
        proc.kill()
        proc.wait()
    return elapsed


def boot_to_exit(iso, disk, timeout):
    """Seconds from QEMU's start to its exit, or None if it did not end as expected."""
    start = time.monotonic()
    try:
        r = subprocess.run(qemu_command(iso, disk), stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.monotonic() - start if r.returncode == 0x63 else None


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default="build")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--timeout", type=float, default=120.0)
    args = p.parse_args()
    images = os.path.join(args.build, "images")
    fd, disk = tempfile.mkstemp(prefix="samsara-boot-", suffix=".img")
    os.close(fd)
    system, yardstick = [], []
    try:
        for _ in range(args.rounds):
            fresh_disk(args.build, disk)
            yardstick.append(boot_to_exit(os.path.join(images, "bootexit.iso"), disk, args.timeout))
            fresh_disk(args.build, disk)
            system.append(boot_to_prompt(os.path.join(images, "samsara.iso"), disk, args.timeout))
    finally:
        os.unlink(disk)
    if None in system or None in yardstick:
        print(f"bench: boot: failed (system {system}, bootexit {yardstick})")
        return 1
    best_system, best_yardstick = min(system), min(yardstick)
    print(f"bench: boot, best of {args.rounds} alternating (GRUB ISO, TCG, wall clock):")
    print(f"bench: boot to the first shell prompt  {best_system:6.2f} s"
          f"  (runs: {', '.join(f'{t:.2f}' for t in system)})")
    print(f"bench: boot of a kernel that exits      {best_yardstick:6.2f} s"
          f"  (runs: {', '.join(f'{t:.2f}' for t in yardstick)})")
    print(f"bench: boot ratio                       {best_system / best_yardstick:6.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
