#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal and types keys into it.

usage: pty-run.py KEYS COMMAND [ARG...]

KEYS is a Python string literal (escapes allowed, e.g. 'echo hi\\r\\x04');
each character is typed after a short pause, so the program reads them as
a user's keystrokes. Everything the program writes to the terminal is
copied to standard output; the exit status is the program's.
"""
import ast
import os
import pty
import select
import sys
import time


def main():
    keys = ast.literal_eval("'" + sys.argv[1] + "'")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[2], sys.argv[2:])
    out = bytearray()
    deadline = time.time() + 10

    def drain(timeout):
        while True:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                return True
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            out.extend(data)

    drain(0.3)
    for key in keys:
        os.write(fd, key.encode())
        if not drain(0.05):
            break
    while time.time() < deadline and drain(0.2):
        pid_done, _ = os.waitpid(pid, os.WNOHANG)
        if pid_done:
            break
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(out.decode(errors="replace").replace("\r\n", "\n"))
    sys.exit(os.waitstatus_to_exitcode(status) if status else 0)


main()
