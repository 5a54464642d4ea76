"""Drive a command through a real pseudo-terminal: wait for each expected text, then type.

Usage: python3 pty-drive.py SCRIPT.json
SCRIPT: {"argv": [...], "cwd": "...", "env": {...}, "steps": [["expect text", "keys to send"], ...],
         "timeout": 20}
Prints a JSON object: {"exitCode": N, "output": "everything the terminal showed"}.
Keys are sent as given (use "\\r" for Enter, "\\x1b[B" for arrow down, "\\x03" for Ctrl-C);
a step {"signal": "TERM"} instead of keys sends that signal to the process.
"""
import json
import os
import pty
import select
import signal
import sys
import time


def main() -> None:
    script = json.load(open(sys.argv[1]))
    deadline = time.monotonic() + script.get("timeout", 20)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(script["cwd"])
        env = dict(os.environ)
        env.update(script.get("env", {}))
        env.pop("CI", None)
        env["TERM"] = "xterm"
        os.execvpe(script["argv"][0], script["argv"], env)
    output = b""
    steps = list(script["steps"])
    searched_from = 0

    def pump(wait: float) -> bool:
        nonlocal output
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        output += chunk
        return True

    alive = True
    while steps and alive and time.monotonic() < deadline:
        expect, keys = steps[0]
        text = output.decode("utf-8", "replace")
        index = text.find(expect, searched_from)
        if index >= 0:
            searched_from = index + len(expect)
            time.sleep(0.15)  # let the prompt finish drawing before typing
            if isinstance(keys, dict):
                os.kill(pid, getattr(signal, "SIG" + keys["signal"]))
            else:
                os.write(fd, keys.encode())
            steps.pop(0)
            continue
        alive = pump(0.1)
    while alive and time.monotonic() < deadline:
        alive = pump(0.2)
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            break
        if done:
            while pump(0.05):
                if not select.select([fd], [], [], 0)[0]:
                    break
            break
    else:
        status = None
    if time.monotonic() >= deadline:
        os.kill(pid, 9)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    code = os.waitstatus_to_exitcode(status) if status is not None else -1
    print(json.dumps({"exitCode": code, "output": output.decode("utf-8", "replace"), "pendingSteps": steps}))


if __name__ == "__main__":
    main()
