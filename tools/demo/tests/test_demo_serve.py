"""``hatch run demo --serve``: the orders API over real HTTP until SIGINT, then a clean exit."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
START_TIMEOUT = 90  # moto's first start on a busy machine
ORDER = {"customer_id": "c-1001", "lines": [{"sku": "KB-01", "quantity": 2, "unit_price": 49.5}]}


class Served:
    """The ``--serve`` process, its output read line by line in a thread (so its pipe never fills)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout: float) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        raise AssertionError(f"no line matching {pattern!r}; output so far:\n{self.output()}")

    def output(self) -> str:
        while not self.lines.empty():
            self.seen.append(self.lines.get_nowait())
        return "".join(self.seen)


@pytest.fixture
def served() -> Iterator[Served]:
    # A fresh interpreter, as the command runs it; stderr (the dev server's request log) merged in.
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools.demo", "--serve", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield Served(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def request(method: str, url: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(status, content type, body text) of one real HTTP request; error statuses included."""
    data = json.dumps(body).encode() if body is not None else None
    sent = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(sent, timeout=30) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def port_open(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1):
            return True
    except OSError:
        return False


def test_serve_answers_real_http_requests_and_stops_cleanly_on_sigint(served: Served) -> None:
    moto = served.wait_for(r"moto at (http://127\.0\.0\.1:\d+)", START_TIMEOUT).group(1)
    base = served.wait_for(r"^Orders API:\s+(http://127\.0\.0\.1:\d+)\s*$", START_TIMEOUT).group(1)
    served.wait_for(rf"^Swagger UI:\s+{re.escape(base)}/swagger\s*$", 5)

    status, content_type, text = request("POST", f"{base}/orders", ORDER, {"Idempotency-Key": "serve-test-1"})
    assert status == 201, text
    assert content_type == "application/json"
    created = json.loads(text)
    assert created["total"] == "118.80"  # 2 * 49.50 * 1.20 (the tax rate from SSM)
    assert created["shipping"] == "standard"

    status, _, text = request("GET", f"{base}/orders/{created['order_id']}")
    assert (status, json.loads(text)) == (200, created)
    status, _, text = request("GET", f"{base}/orders?customer_id=c-1001&limit=5")
    assert (status, json.loads(text)) == (200, [created])

    bad = {**ORDER, "lines": [{"sku": "KB-01", "quantity": 0, "unit_price": 49.5}]}
    status, _, text = request("POST", f"{base}/orders", bad)
    assert status == 422
    assert json.loads(text) == {
        "statusCode": 422,
        "detail": [{"loc": ["body", "lines", 0, "quantity"], "type": "greater_than"}],
    }

    status, content_type, text = request("GET", f"{base}/swagger?format=json")
    assert status == 200
    assert content_type == "application/json"
    document = json.loads(text)
    assert document["info"]["title"] == "Orders API"
    assert {"/orders", "/orders/{order_id}"} <= set(document["paths"])
    status, content_type, page = request("GET", f"{base}/swagger")
    assert status == 200
    assert content_type.startswith("text/html")
    assert "swagger-ui" in page

    assert port_open(moto)
    served.proc.send_signal(signal.SIGINT)
    assert served.proc.wait(timeout=20) == 0, served.output()
    out = served.output()
    assert out.rstrip().splitlines()[-1] == "Stopped."
    assert '"message":"order created"' in out  # the function's log records go to the terminal
    assert '"POST /orders" 201' in out  # and the dev server's request log
    assert "Traceback" not in out
    assert not port_open(base)  # the dev server is gone
    assert not port_open(moto)  # and so is moto


def test_serve_stops_on_sigterm_too(served: Served) -> None:
    served.wait_for(r"^Orders API:\s+http://", START_TIMEOUT)
    served.proc.send_signal(signal.SIGTERM)
    assert served.proc.wait(timeout=20) == 0, served.output()
    assert served.output().rstrip().splitlines()[-1] == "Stopped."


def test_port_without_serve_is_a_usage_error() -> None:
    from tools.demo.__main__ import main

    with pytest.raises(SystemExit) as exited:
        main(["--port", "8080"])
    assert exited.value.code == 2


def test_a_busy_port_fails_at_once_with_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "tools.demo", "--serve", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"error: cannot listen on 127.0.0.1:{port}" in done.stdout
    assert "Starting local services" not in done.stdout


def test_sigint_while_starting_still_exits_0(served: Served) -> None:
    served.wait_for(r"^Starting local services", START_TIMEOUT)
    served.proc.send_signal(signal.SIGINT)
    assert served.proc.wait(timeout=30) == 0, served.output()
    out = served.output()
    assert "Traceback" not in out
    # Mostly the services are still starting; on a fast machine the API may already be up.
    assert "SIGINT before the API was served" in out or out.rstrip().endswith("Stopped.")
