"""Headless Chromium (Debian's ``chromium``) for browser checks, with no driver dependency.

Two ways in:

- ``dump_dom(url)`` / ``screenshot(url, path)``: Chromium's own one-shot headless modes.
- ``session()``: a DevTools Protocol session over ``--remote-debugging-pipe`` (NUL-separated
  JSON on file descriptors 3 and 4, the transport Playwright and Puppeteer use), for clicking,
  typing and waiting on a live page.

Binds nothing; each browser gets its own throwaway profile folder.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from powertools_testing.util import ServiceError

INSTALL_HINT = "install Debian's chromium (apt-get install chromium) or set CHROMIUM=/path/to/chromium"
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# No sandbox: CI runs as root, where Chromium's sandbox refuses to start.
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--mute-audio")


def find_chromium() -> str | None:
    """``$CHROMIUM`` when set, else the first Chromium/Chrome on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class CDPError(ServiceError):
    """A DevTools command failed, or the page never reached the awaited state."""


class CDPSession:
    """One page in a headless browser, driven through the DevTools Protocol over a pipe."""

    def __init__(self, proc: subprocess.Popen[bytes], to_browser: int, from_browser: int) -> None:
        self._proc = proc
        self._out = os.fdopen(to_browser, "wb", buffering=0)
        self._in = os.fdopen(from_browser, "rb", buffering=0)
        self._next_id = 0
        self._replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read_loop, name="cdp-reader", daemon=True)
        self._reader.start()
        self._session_id: str | None = None

    def _read_loop(self) -> None:
        buffer = b""
        while True:
            chunk = self._in.read(65536)
            if not chunk:
                break
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                waiter = self._replies.get(message.get("id", -1))
                if waiter is not None:
                    waiter.put(message)
        for waiter in list(self._replies.values()):
            waiter.put({"error": {"message": "the browser closed the DevTools pipe"}})

    def send(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30) -> dict[str, Any]:
        """Run one DevTools command on the attached page (or the browser before ``open``)."""
        with self._lock:
            self._next_id += 1
            command_id = self._next_id
            waiter: queue.Queue[dict[str, Any]] = queue.Queue(maxsize=1)
            self._replies[command_id] = waiter
        message: dict[str, Any] = {"id": command_id, "method": method, "params": params or {}}
        if self._session_id is not None and not method.startswith("Target."):
            message["sessionId"] = self._session_id
        self._out.write(json.dumps(message).encode() + b"\0")
        try:
            reply = waiter.get(timeout=timeout)
        except queue.Empty:
            raise CDPError(f"no reply to {method} within {timeout}s") from None
        finally:
            self._replies.pop(command_id, None)
        if "error" in reply:
            raise CDPError(f"{method} failed: {reply['error'].get('message')}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def open(self, url: str, width: int = 1280, height: int = 1400) -> None:
        """Open ``url`` in a new tab and attach every later command to it."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session_id = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise CDPError(f"script failed: {details.get('exception', {}).get('description') or details.get('text')}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 30, interval: float = 0.1) -> Any:
        """Poll until ``expression`` is truthy in the page; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CDPError(f"timed out after {timeout}s waiting for: {expression}")
            time.sleep(interval)

    def type_text(self, text: str) -> None:
        """Type into the focused element as a user would (frameworks see real input events)."""
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self._session_id = None
            self.send("Browser.close", timeout=5)
        except (CDPError, OSError):
            pass  # the browser already went away
        finally:
            self._out.close()

    def detach(self) -> None:
        """Close the reading end once the browser exited (the reader thread saw EOF)."""
        self._reader.join(timeout=5)
        self._in.close()


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are numbered 10 or more, so the child's dup2 onto 3 and 4 cannot clobber them."""
    import fcntl

    ends = []
    for fd in os.pipe():
        ends.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return ends[0], ends[1]


class Chromium:
    """A found Chromium executable and the ways to run it headless."""

    def __init__(self, executable: str) -> None:
        self.executable = executable

    def version(self) -> str:
        done = subprocess.run([self.executable, "--version"], capture_output=True, text=True, timeout=30, check=False)
        return done.stdout.strip()

    def _run(self, args: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
        with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
            argv = [self.executable, *_FLAGS, f"--user-data-dir={profile}", *args]
            done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
        if done.returncode != 0:
            raise ServiceError(f"chromium exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
        return done

    def dump_dom(self, url: str, budget_ms: int = 10_000, timeout: float = 60) -> str:
        """The page's DOM after its scripts ran for ``budget_ms`` of virtual time."""
        done = self._run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout)
        return done.stdout.decode("utf-8", errors="replace")

    def screenshot(self, url: str, path: Path, size: tuple[int, int] = (1280, 1400), budget_ms: int = 10_000) -> Path:
        self._run(
            [f"--virtual-time-budget={budget_ms}", f"--window-size={size[0]},{size[1]}", f"--screenshot={path}", url],
            60,
        )
        if not path.is_file():
            raise ServiceError(f"chromium wrote no screenshot to {path}")
        return path

    @contextmanager
    def session(self) -> Iterator[CDPSession]:
        """A live browser driven over ``--remote-debugging-pipe``; closed when the block ends."""
        to_browser_r, to_browser_w = _high_pipe()
        from_browser_r, from_browser_w = _high_pipe()

        def wire_pipes() -> None:  # in the child: Chromium reads commands on fd 3, writes on fd 4
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
            argv = [self.executable, *_FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"]
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=wire_pipes,  # only two dup2 calls run between fork and exec
                close_fds=False,  # fds 3 and 4 must survive into the browser
            )
            os.close(to_browser_r)
            os.close(from_browser_w)
            session = CDPSession(proc, to_browser_w, from_browser_r)
            try:
                yield session
            finally:
                session.close()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                session.detach()
