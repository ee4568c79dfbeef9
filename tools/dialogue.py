#!/usr/bin/env python3
"""Drive Samsara's serial console through a scripted dialogue.

Boots a test image in QEMU with the console on a pipe, then follows the
script read from standard input, one command per line:

    expect TEXT     wait until TEXT appears in the output after the last match
    send TEXT       type TEXT (backslash escapes: \\r \\n \\x7f \\x03 ...)
    # comment

The whole console transcript (CRs removed) is written to standard output.
After the last command QEMU is stopped (status 0), or with --wait-exit the
run waits for the guest to power off and ends with QEMU's own status. An
expect or a --wait-exit that times out ends with 124 (the transcript so far
is still written); a bad script with 2.
"""
import argparse
import atexit
import codecs
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import tty


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.environ.get("SAMSARA_BUILD", "build"))
    p.add_argument("--image", default="test", help="module list NAME.initrd in build/images")
    p.add_argument("--cdrom", help="boot this ISO through GRUB instead of a module list")
    p.add_argument("--bochs", action="store_true", help="boot the system ISO in Bochs instead of QEMU")
    p.add_argument("--disk", help="attach this disk image as the primary IDE master (kept, written in place)")
    p.add_argument("--fresh-disk", action="store_true",
                   help="attach a copy of build/images/disk.img, deleted afterwards (the default with --exec)")
    p.add_argument("--disk2", help="attach this disk image as the primary IDE slave (/dev/hd1; kept, written)")
    p.add_argument("--no-disk", action="store_true", help="with --exec: no disk (the root is the RAM disk)")
    p.add_argument("--wait-exit", action="store_true", help="wait for the guest to power off")
    p.add_argument("--exec", dest="command", help="run COMMAND in the shell, print only what it wrote, "
                   "and exit with its status (the script on standard input is not read)")
    p.add_argument("-v", "--verbose", action="store_true", help="with --exec: the whole console too, on stderr")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds for the whole run")
    p.add_argument("--expect-timeout", type=float, default=20.0, help="seconds for one expect")
    return p.parse_args()


def read_script(stream):
    steps = []
    for number, line in enumerate(stream, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        verb, _, text = line.partition(" ")
        if verb not in ("expect", "send"):
            sys.exit(f"dialogue: line {number}: unknown command {verb!r}")
        steps.append((verb, codecs.decode(text, "unicode_escape")))
    return steps


def fresh_disk(build):
    """A private copy of the build's disk image (sparse), removed at exit."""
    source = os.path.join(build, "images", "disk.img")
    fd, copy = tempfile.mkstemp(prefix="samsara-disk-", suffix=".img")
    os.close(fd)
    atexit.register(lambda: os.path.exists(copy) and os.unlink(copy))
    subprocess.run(["cp", "--sparse=always", source, copy], check=True)
    return copy


class Machine:
    """An emulator whose serial console is the file descriptor pair (out_fd, in_fd)."""

    def __init__(self, proc, out_fd, in_fd, cleanup=None):
        self.proc, self.out_fd, self.in_fd, self.cleanup = proc, out_fd, in_fd, cleanup

    def poll(self):
        return self.proc.poll()

    @property
    def returncode(self):
        return self.proc.returncode

    def write(self, data):
        os.write(self.in_fd, data)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if self.cleanup:
            self.cleanup()


def start_qemu(build, image, cdrom, disk=None, disk2=None):
    cmd = ["qemu-system-i386", "-accel", "tcg", "-m", "128", "-no-reboot", "-display", "none",
           "-serial", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    cmd += os.environ.get("SAMSARA_QEMU_EXTRA", "").split()  # e.g. a monitor, for debugging
    if disk:
        cmd += ["-drive", f"file={disk},format=raw,if=ide,index=0,media=disk"]
    if disk2:
        cmd += ["-drive", f"file={disk2},format=raw,if=ide,index=1,media=disk"]
    if cdrom:
        cmd += ["-cdrom", cdrom, "-boot", "d"]
    else:
        images = os.path.join(build, "images")
        with open(os.path.join(images, "kernel.path")) as f:
            kernel = f.read().strip()
        with open(os.path.join(images, image + ".initrd")) as f:
            initrd = f.read().strip()
        cmd += ["-kernel", kernel, "-initrd", initrd]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    return Machine(proc, proc.stdout.fileno(), proc.stdin.fileno())


def start_bochs(build, disk=None, disk2=None):
    """Bochs booting the system ISO, its COM1 on a pseudo-terminal of ours."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    work = tempfile.mkdtemp(prefix="samsara-bochs-")
    here = os.path.dirname(os.path.abspath(__file__))
    iso = os.path.abspath(os.path.join(build, "images", "samsara.iso"))
    disks = [os.path.abspath(d) if d else "" for d in (disk, disk2)]
    while disks and not disks[-1]:
        disks.pop()
    rc = subprocess.run([os.path.join(here, "..", "tests", "system", "bochsrc.sh"), iso,
                         f"term, dev={os.ttyname(slave)}", os.path.join(work, "bochs.log")]
                        + disks, check=True, capture_output=True, text=True).stdout
    with open(os.path.join(work, "bochsrc"), "w") as f:
        f.write(rc)
    with open(os.path.join(work, "commands"), "w") as f:
        f.write("c\n")
    proc = subprocess.Popen(["bochs", "-q", "-f", "bochsrc", "-rc", "commands"], cwd=work,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    return Machine(proc, master, master,
                   cleanup=lambda: (os.close(slave), shutil.rmtree(work, ignore_errors=True)))


def start_machine(args, image, default_fresh):
    disk = disk_of(args, default_fresh)
    if args.bochs:
        return start_bochs(args.build, disk, args.disk2)
    return start_qemu(args.build, image, args.cdrom, disk, args.disk2)


class Console:
    def __init__(self, machine, deadline):
        self.machine = machine
        self.deadline = deadline
        self.text = ""
        self.matched = 0
        log = os.environ.get("SAMSARA_DIALOGUE_LOG")
        self.log = open(log, "w") if log else None

    def pump(self, seconds):
        """Reads what QEMU printed for up to `seconds`; False once it has exited."""
        ready, _, _ = select.select([self.machine.out_fd], [], [], max(0.0, seconds))
        if not ready:
            return self.machine.poll() is None
        try:
            data = os.read(self.machine.out_fd, 65536)
        except OSError:  # a pseudo-terminal whose other side closed
            data = b""
        if not data:
            return False
        chunk = data.decode("latin-1").replace("\r", "")
        self.text += chunk
        if self.log:  # SAMSARA_DIALOGUE_LOG: the transcript as it comes, for debugging
            self.log.write(chunk)
            self.log.flush()
        return True

    def expect(self, needle, seconds):
        end = min(time.monotonic() + seconds, self.deadline)
        while True:
            at = self.text.find(needle, self.matched)
            if at >= 0:
                self.matched = at + len(needle)
                return True
            left = end - time.monotonic()
            if left <= 0 or not self.pump(min(left, 0.2)):
                return self.text.find(needle, self.matched) >= 0

    def send(self, text):
        self.machine.write(text.encode("latin-1"))

    def drain(self):
        """Reads until QEMU exits or the run's deadline passes; returns its status or 124."""
        while time.monotonic() < self.deadline:
            if not self.pump(min(0.2, self.deadline - time.monotonic())) and self.machine.poll() is not None:
                while self.pump(0):
                    pass
                return self.machine.returncode
        return 124


BEGIN, END = "@@SAMSARA-BEGIN@@\n", "\n@@SAMSARA-END@@="

# The kernel and the services log whole lines on the same console, at any
# time (e.g. RS restarting a driver while the command runs); --exec leaves
# them out of the command's output.
LOG_LINE = re.compile(r"^(kernel|ds|rs|pm|vfs|ext2|memory|ata|tty|rc): .*\n", re.M)


def run_command(console, command, seconds):
    """Types command at the shell's prompt; returns (output, status) or None on a timeout."""
    if not console.expect("$ ", seconds):
        return None
    quoted = command.replace("'", "'\\''")
    # The markers are typed with an empty '' inside, so that the echo of the
    # typed line can never be mistaken for the output of echo.
    # A shell of its own runs the command, so that exit and syntax errors end
    # only it; the echo after it ends a last line that has no newline.
    console.send(f"echo @@SAMSARA-BEGIN''@@; /bin/sh -c '{quoted}'; s=$?; echo; echo @@SAMSARA-END''@@=$s\r")
    if not console.expect(BEGIN, seconds):
        return None
    begin = console.matched
    if not console.expect(END, seconds):
        return None
    end = console.matched - len(END)
    status_at = console.matched
    if not console.expect("\n", 5):
        return None
    status = console.text[status_at:console.matched - 1].strip()
    output = LOG_LINE.sub("", console.text[begin:end])  # END's own newline is the one the extra echo wrote
    return output, int(status) if status.isdigit() else 1


def disk_of(args, default_fresh):
    if args.disk:
        return args.disk
    if args.fresh_disk or (default_fresh and not args.no_disk):
        return fresh_disk(args.build)
    return None


def exec_main(args):
    machine = start_machine(args, "system", True)
    console = Console(machine, time.monotonic() + args.timeout)
    try:
        result = run_command(console, args.command, args.timeout)
        if result is not None:  # a clean power-off flushes the file systems
            console.expect("$ ", 10)
            console.send("poweroff\r")
            console.deadline = time.monotonic() + 15
            console.drain()
    finally:
        machine.stop()
    if args.verbose:
        sys.stderr.write(console.text)
    if result is None:
        sys.stderr.write("samsara exec: the system did not answer in time\n")
        return 124
    output, status = result
    sys.stdout.write(output)
    return status


def main():
    args = parse_args()
    if args.command is not None:
        return exec_main(args)
    steps = read_script(sys.stdin)
    machine = start_machine(args, args.image, False)
    console = Console(machine, time.monotonic() + args.timeout)
    status = None
    try:
        for verb, text in steps:
            if verb == "send":
                console.send(text)
            elif not console.expect(text, args.expect_timeout):
                console.text += f"\n[dialogue: timed out waiting for {text!r}]\n"
                status = 124
                break
        if status is None and args.wait_exit:
            status = console.drain()
        elif status is None:
            console.pump(0.3)  # what the last command still printed
            status = 0
    finally:
        machine.stop()
    sys.stdout.write(console.text)
    return status


if __name__ == "__main__":
    sys.exit(main())
