"""``python -m powertools.event_handler serve`` as a real child process, including --reload."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

APP = """\
from powertools.event_handler import APIGatewayHttpResolver

app = APIGatewayHttpResolver()


@app.get("/greet/<name>")
def greet(name: str) -> dict:
    return {{"greeting": "{word} " + name, "stage": app.current_event.request_context.stage}}
"""
_SERVING = re.compile(r"serving \S+ on (http://[\d.]+:\d+)")


class Child:
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: list[str] = []
        self._url: str | None = None
        self._ready = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:  # keeps the pipe empty and remembers the log
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line)
            found = _SERVING.search(line)
            if found and self._url is None:
                self._url = found.group(1)
                self._ready.set()
        self._ready.set()

    def url(self) -> str:
        self._ready.wait(20)
        assert self._url is not None, "".join(self.lines)
        return self._url

    def log(self) -> str:
        return "".join(self.lines)


@contextmanager
def serve(tmp_path: Path, *args: str) -> Iterator[Child]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "powertools.event_handler", "serve", *args],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield Child(proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_module_app_over_http(tmp_path: Path) -> None:
    (tmp_path / "tests_app.py").write_text(APP.format(word="hello"))
    with serve(tmp_path, "tests_app:app", "--port", "0", "--stage", "v1") as child:
        status, body = _get(child.url() + "/greet/ana")
        missing = _get(child.url() + "/nowhere")
    assert status == 200
    assert body == b'{"greeting":"hello ana","stage":"v1"}'
    assert missing[0] == 404
    # The format comes from the resolver (HTTP API) and every request is logged with its status.
    assert "as http events" in child.log()
    assert '"GET /greet/ana" 200' in child.log()


def test_reload_restarts_on_change(tmp_path: Path) -> None:
    app_file = tmp_path / "tests_app.py"
    app_file.write_text(APP.format(word="hello"))
    with serve(tmp_path, "tests_app:app", "--port", "0", "--reload") as child:
        url = child.url() + "/greet/ana"
        assert _get(url) == (200, b'{"greeting":"hello ana","stage":"$default"}')
        app_file.write_text(APP.format(word="bye"))
        stamp = time.time() + 2  # a distinct mtime even on coarse-grained file systems
        os.utime(app_file, (stamp, stamp))
        deadline = time.monotonic() + 20
        while (result := _get(url))[1] != b'{"greeting":"bye ana","stage":"$default"}' and time.monotonic() < deadline:
            time.sleep(0.1)
    assert result == (200, b'{"greeting":"bye ana","stage":"$default"}')
    assert "change detected in tests_app.py: restarting" in child.log()
    # Stopping the supervisor (SIGTERM) stops the server child too: the port no longer answers.
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=5)


def test_reload_child_exits_when_the_supervisor_is_killed(tmp_path: Path) -> None:
    (tmp_path / "tests_app.py").write_text(APP.format(word="hello"))
    with serve(tmp_path, "tests_app:app", "--port", "0", "--reload") as child:
        url = child.url() + "/greet/ana"
        assert _get(url)[0] == 200
        child.proc.kill()  # no chance to clean up
        child.proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=1).close()
            except urllib.error.URLError:
                break
            except TimeoutError:
                continue
            time.sleep(0.1)
        else:
            pytest.fail("the server child still answers after its supervisor was killed")


def _touch_later(path: Path, text: str, seconds: int) -> None:
    path.write_text(text)
    stamp = time.time() + seconds  # a distinct mtime even on coarse-grained file systems
    os.utime(path, (stamp, stamp))


def test_reload_survives_a_broken_edit(tmp_path: Path) -> None:
    app_file = tmp_path / "tests_app.py"
    app_file.write_text(APP.format(word="hello"))
    with serve(tmp_path, "tests_app:app", "--port", "0", "--reload") as child:
        url = child.url() + "/greet/ana"
        assert _get(url)[0] == 200
        _touch_later(app_file, "def broken(:\n", 2)
        deadline = time.monotonic() + 20
        while "waiting for a change to restart" not in child.log() and time.monotonic() < deadline:
            time.sleep(0.1)
        _touch_later(app_file, APP.format(word="fixed"), 4)
        result = _get(url)  # queued in the listening socket until the fixed app serves it
    assert "SyntaxError" in child.log()
    assert "server exited with code 1; waiting for a change to restart" in child.log()
    assert result == (200, b'{"greeting":"fixed ana","stage":"$default"}')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope_module_zz:app"], "error: cannot import module 'nope_module_zz'"),
        (["tests_app:missing"], "error: module 'tests_app' has no attribute 'missing'"),
        (["tests_app:app", "--timeout", "0"], "--timeout: '0' must be greater than 0"),
        (["tests_app:app", "--format", "soap"], "argument --format: invalid choice: 'soap'"),
    ],
)
def test_cli_errors_exit_2_with_a_message(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "tests_app.py").write_text(APP.format(word="hello"))
    done = subprocess.run(
        [sys.executable, "-m", "powertools.event_handler", "serve", *args, "--port", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert message in done.stderr
