"""A local Lambda Runtime API: what a runtime interface client talks to inside Lambda.

Implements the four calls of the 2018-06-01 Runtime API that a runtime client makes:

* ``GET  /2018-06-01/runtime/invocation/next`` — blocks until an invocation is queued, then
  returns the event with the ``Lambda-Runtime-*`` headers;
* ``POST /2018-06-01/runtime/invocation/{id}/response`` and ``.../{id}/error``;
* ``POST /2018-06-01/runtime/init/error``.

``invoke(event)`` queues an event and waits for the runtime's answer, so a test drives a real
runtime client (e.g. ``awslambdaric``) in another process exactly as the Lambda service would.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from powertools_testing.util import LOCALHOST

PREFIX = "/2018-06-01/runtime"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:smoke"


@dataclass
class Invocation:
    request_id: str
    event: Any
    deadline_ms: int
    done: threading.Event = field(default_factory=threading.Event)
    response: Any = None
    error: dict[str, Any] | None = None


class InvocationTimeoutError(TimeoutError):
    """The runtime did not answer an invocation in time."""


class LambdaRuntimeAPI:
    """``start()``, then point ``AWS_LAMBDA_RUNTIME_API`` at ``.address`` and ``invoke(...)``."""

    def __init__(self) -> None:
        self._pending: queue.Queue[Invocation] = queue.Queue()
        self._by_id: dict[str, Invocation] = {}
        self.init_errors: list[dict[str, Any]] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def address(self) -> str:
        assert self._server is not None, "not started"
        return f"{LOCALHOST}:{self._server.server_address[1]}"

    def start(self) -> None:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet: tests read what they need
                pass

            def do_GET(self) -> None:
                if self.path != f"{PREFIX}/invocation/next":
                    self._reply(404, {"errorMessage": f"unknown path {self.path}"})
                    return
                invocation = api._pending.get()
                body = json.dumps(invocation.event).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Lambda-Runtime-Aws-Request-Id", invocation.request_id)
                self.send_header("Lambda-Runtime-Deadline-Ms", str(invocation.deadline_ms))
                self.send_header("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN)
                self.send_header("Lambda-Runtime-Trace-Id", f"Root=1-{uuid.uuid4().hex[:8]}-{uuid.uuid4().hex[:24]}")
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                payload = json.loads(raw) if raw else None
                if self.path == f"{PREFIX}/init/error":
                    api.init_errors.append(payload or {})
                    self._reply(202, {})
                    return
                parts = self.path[len(PREFIX) :].strip("/").split("/")
                invocation = api._by_id.get(parts[1]) if len(parts) == 3 and parts[0] == "invocation" else None
                if invocation is None or parts[2] not in ("response", "error"):
                    self._reply(404, {"errorMessage": f"unknown path {self.path}"})
                    return
                if parts[2] == "response":
                    invocation.response = payload
                else:
                    invocation.error = payload or {}
                invocation.done.set()
                self._reply(202, {})

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer((LOCALHOST, 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="lambda-runtime-api", daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def invoke(self, event: Any, timeout: float = 30.0) -> Invocation:
        """Queue ``event`` for the runtime and wait for its response or error."""
        invocation = Invocation(str(uuid.uuid4()), event, int((time.time() + timeout) * 1000))
        self._by_id[invocation.request_id] = invocation
        self._pending.put(invocation)
        if not invocation.done.wait(timeout):
            raise InvocationTimeoutError(f"no answer to invocation {invocation.request_id} within {timeout} s")
        return invocation
