"""moto in server mode: one child process serving every AWS service over HTTP."""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

from powertools_testing.process import ManagedProcess, start_with_port_retry
from powertools_testing.util import LOCALHOST, ServiceError, free_port, local_http

STARTUP_TIMEOUT = 60.0  # importing moto's backends takes seconds on a busy 2-core machine


class MotoServer:
    """A ``moto.server`` subprocess on a free 127.0.0.1 port."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.host = LOCALHOST
        self.port = 0
        self._process: ManagedProcess | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> None:
        self._process = start_with_port_retry(self._make_process, self._wait_ready)

    def stop(self) -> None:
        if self._process is not None:
            self._process.stop()
            self._process = None

    def reset(self) -> None:
        """Wipe every moto backend (moto's ``POST /moto-api/reset``)."""
        request = urllib.request.Request(f"{self.endpoint_url}/moto-api/reset", method="POST")
        try:
            with local_http.open(request, timeout=30) as response:
                response.read()
        except OSError as exc:
            raise ServiceError(f"moto reset failed at {self.endpoint_url}: {exc}") from exc

    def _make_process(self) -> ManagedProcess:
        self.port = free_port()
        env = dict(os.environ)
        # moto builds some URLs (e.g. SQS queue URLs) from MOTO_PORT.
        env["MOTO_PORT"] = str(self.port)
        # The server itself must never see an endpoint override pointing at itself.
        for name in [n for n in env if n.startswith("AWS_ENDPOINT_URL")]:
            del env[name]
        argv = [sys.executable, "-m", "moto.server", "-H", self.host, "-p", str(self.port)]
        return ManagedProcess("moto_server", argv, self.workdir, env)

    def _wait_ready(self, process: ManagedProcess) -> None:
        process.wait_ready(self._answers_http, STARTUP_TIMEOUT)

    def _answers_http(self) -> bool:
        try:
            with local_http.open(f"{self.endpoint_url}/moto-api/", timeout=2):
                return True
        except urllib.error.HTTPError:
            return True  # any HTTP answer means the server is up
        except OSError:
            return False
