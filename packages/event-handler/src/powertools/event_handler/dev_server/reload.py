"""``--reload``: a supervisor process that restarts the server when a .py file changes.

The supervisor owns the listening socket and hands it to each server child, so requests
sent during a restart wait in the socket's backlog instead of being refused. Changes are
found by polling modification times (stdlib only, no watchdog).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from powertools.event_handler.dev_server.server import log

POLL_SECONDS = 0.5
_SKIP_DIRS = frozenset({"__pycache__", "node_modules", "site-packages", ".venv", "venv", ".git", ".hg", ".tox"})


def _python_files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
        for name in files:
            if name.endswith(".py"):
                yield Path(folder, name)


def snapshot(root: Path) -> dict[Path, int]:
    """Modification time (ns) of every .py file under ``root``."""
    stamps: dict[Path, int] = {}
    for path in _python_files(root):
        try:
            stamps[path] = path.stat().st_mtime_ns
        except OSError:
            continue  # removed while walking
    return stamps


def changed_files(before: dict[Path, int], after: dict[Path, int]) -> list[Path]:
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(0)


def exit_with_parent(poll: float = 1.0) -> None:
    """In a server child: exit once the supervisor is gone (even SIGKILLed), never orphaned."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-supervisor", daemon=True).start()


def supervise(listener: socket.socket, child_args: Sequence[str], watch: Path, poll: float = POLL_SECONDS) -> int:
    """Run ``python -m powertools.event_handler serve <child_args> --fd N`` until Ctrl-C, restarting on change."""
    # SIGTERM (from a process manager, or a test) must stop the child too, via the finally below.
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    fd = listener.fileno()
    os.set_inheritable(fd, True)
    argv = [sys.executable, "-m", "powertools.event_handler", "serve", *child_args, "--fd", str(fd)]
    log(f"watching {watch} for .py changes")
    stamps = snapshot(watch)
    child = subprocess.Popen(argv, pass_fds=(fd,))  # noqa: S603 - this interpreter, our own module
    exited_reported = False
    try:
        while True:
            time.sleep(poll)
            if child.poll() is not None and not exited_reported:
                log(f"server exited with code {child.returncode}; waiting for a change to restart")
                exited_reported = True
            current = snapshot(watch)
            changed = changed_files(stamps, current)
            if not changed:
                continue
            stamps = current
            shown = ", ".join(str(p.relative_to(watch)) for p in changed[:3])
            log(f"change detected in {shown}: restarting")
            _stop(child)
            child = subprocess.Popen(argv, pass_fds=(fd,))  # noqa: S603 - as above
            exited_reported = False
    except KeyboardInterrupt:
        return 0
    finally:
        _stop(child)
        listener.close()
