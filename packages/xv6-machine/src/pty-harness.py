"""Runs a command on a pseudo-terminal, as a user at a terminal would, for the console tests.

Waits until the command has put the terminal in raw mode, then sends SIGTERM, SIGINT or the keys
Ctrl-A X, and reports as JSON whether raw mode was seen, the exit code, the seconds it took to
exit, and whether the terminal was left in canonical mode with echo on.
usage: python3 pty-harness.py sigterm|sigint|ctrl-a-x COMMAND ARG...
"""
import json
import os
import pty
import select
import signal
import sys
import termios
import time

action, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)

output = b""


def drain(seconds):
    global output
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                output += os.read(fd, 4096)
            except OSError:
                return


def lflag():
    return termios.tcgetattr(fd)[3]


raw = False
deadline = time.time() + 30
while time.time() < deadline:
    if not lflag() & termios.ICANON:
        raw = True
        break
    drain(0.05)
drain(0.3)  # let the machine get going

start = time.time()
if action == "sigterm":
    os.kill(pid, signal.SIGTERM)
elif action == "sigint":
    os.kill(pid, signal.SIGINT)
else:
    os.write(fd, b"\x01x")

code = None
while time.time() - start < 20:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        code = os.waitstatus_to_exitcode(status)
        break
    drain(0.02)
elapsed = time.time() - start
if code is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
flags = lflag()
print(json.dumps({
    "raw": raw,
    "code": code,
    "seconds": elapsed,
    "restored": bool(flags & termios.ICANON) and bool(flags & termios.ECHO),
    "output": output.decode("latin-1"),
}))
