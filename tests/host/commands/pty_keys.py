#!/usr/bin/env python3
"""pty_keys.py KEYS CMD [ARGS...]: runs CMD on a pseudo-terminal and, while
its output ends with the "--More--" prompt and it stays quiet for a moment,
types the next byte of KEYS ("q" once they run out). Prints everything CMD
wrote, carriage returns left out, and exits with CMD's status; a CMD still
running after 20 seconds is killed (status 124)."""
import os
import pty
import select
import signal
import sys
import time

PROMPT = b"--More--"


def main():
    keys, argv = list(sys.argv[1].encode()), sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    out = b""
    deadline = time.time() + 20
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.3)
        if not ready:
            if out.endswith(PROMPT):
                os.write(fd, bytes([keys.pop(0)]) if keys else b"q")
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        sys.stdout.buffer.write(out.replace(b"\r", b""))
        sys.exit(124)
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(out.replace(b"\r", b""))
    sys.exit(os.waitstatus_to_exitcode(status))


main()
