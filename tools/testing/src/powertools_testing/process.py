"""One local service process: started, probed until ready, always stopped."""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO

from powertools_testing.util import ServiceError

_OUTPUT_TAIL = 4000
_PR_SET_PDEATHSIG = 1


def _parent_death_signal() -> Callable[[], None] | None:
    """Make the child get SIGTERM if pytest dies without running atexit (Linux only).

    prctl is resolved here, in the parent, so the post-fork hook only makes one C call.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return None

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))

    return hook


class ManagedProcess:
    """A child process whose combined stdout/stderr goes to a log file.

    A file, not a pipe: chatty servers (moto logs every request) would block
    once an unread pipe fills up.
    """

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        workdir: Path,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.workdir = workdir
        self.env = dict(env) if env is not None else None
        self.log_path = workdir / f"{name}.log"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("wb")
        try:
            self._proc = subprocess.Popen(
                self.argv,
                cwd=self.workdir,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                preexec_fn=_parent_death_signal(),  # see _parent_death_signal
            )
        except OSError as exc:
            self._close_log()
            raise ServiceError(f"could not run {self.name} ({self.argv[0]}): {exc}") from exc
        atexit.register(self.stop)

    def wait_ready(self, probe: Callable[[], bool], timeout: float) -> None:
        """Poll ``probe`` until True; fail fast if the process exits, or after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            returncode = self._proc.poll() if self._proc else -1
            if returncode is not None:
                raise ServiceError(
                    f"{self.name} exited with code {returncode} before it was ready.\n"
                    f"command: {' '.join(self.argv)}\noutput:\n{self.output()}"
                )
            if probe():
                return
            if time.monotonic() >= deadline:
                self.stop()
                raise ServiceError(
                    f"{self.name} was not ready after {timeout:.0f}s.\n"
                    f"command: {' '.join(self.argv)}\noutput:\n{self.output()}"
                )
            time.sleep(0.05)

    def output(self) -> str:
        """The tail of what the process printed, for error messages."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "<no output>"
        return text[-_OUTPUT_TAIL:] or "<no output>"

    def stop(self, timeout: float = 5.0) -> None:
        """Terminate, then kill if needed. Safe to call more than once."""
        atexit.unregister(self.stop)
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None


def start_with_port_retry(
    make: Callable[[], ManagedProcess], ready: Callable[[ManagedProcess], None], attempts: int = 3
) -> ManagedProcess:
    """Start a process built for a fresh free port; retry when that port got taken meanwhile."""
    for attempt in range(1, attempts + 1):
        proc = make()
        proc.start()
        try:
            ready(proc)
        except ServiceError as exc:
            proc.stop()
            if "in use" not in str(exc).lower() or attempt == attempts:
                raise
            continue
        return proc
    raise AssertionError("unreachable")
