"""The threaded stdlib HTTP server: read a request, build the event, invoke, write the response."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from powertools.event_handler.dev_server.errors import DevServerError
from powertools.event_handler.dev_server.events import BUILDERS
from powertools.event_handler.dev_server.invoke import Invoker
from powertools.event_handler.dev_server.loader import Handler
from powertools.event_handler.dev_server.request import HttpRequest
from powertools.event_handler.dev_server.response import (
    HttpResponse,
    MalformedResponseError,
    text_response,
    to_http,
)

# Lambda's synchronous invocation payload limit.
MAX_BODY_BYTES = 6 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class ServerOptions:
    format_name: str = "rest"
    stage: str | None = None  # None: "dev" for REST APIs, "$default" for HTTP APIs
    timeout: float = DEFAULT_TIMEOUT
    max_body_bytes: int = MAX_BODY_BYTES
    function_name: str = "local-dev-server"

    def __post_init__(self) -> None:
        if self.format_name not in BUILDERS:
            raise DevServerError(f"unknown format {self.format_name!r}: expected one of {', '.join(BUILDERS)}")
        if not self.timeout > 0:
            raise DevServerError(f"timeout must be a positive number of seconds, not {self.timeout!r}")


class DevServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` holding what every request needs; daemon threads so Ctrl-C exits."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: Handler,
        options: ServerOptions,
        *,
        sock: socket.socket | None = None,
    ) -> None:
        self.options = options
        self.invoker = Invoker(handler, timeout=options.timeout, function_name=options.function_name)
        super().__init__(address, _RequestHandler, bind_and_activate=sock is None)
        if sock is not None:  # a socket inherited from the --reload supervisor, already listening
            self.socket.close()
            self.socket = sock
            self.server_address = sock.getsockname()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def handle_request_object(self, request: HttpRequest) -> HttpResponse:
        """Build the event, invoke, and map every outcome to the HTTP answer API Gateway would give."""
        event = BUILDERS[self.options.format_name](request, self.options.stage)
        outcome = self.invoker.invoke(event)
        if outcome.busy:
            return text_response(503, "Service Unavailable: a previous invocation is still running")
        if outcome.timed_out:
            log(f"request {request.request_id}: task timed out after {self.options.timeout:g} seconds")
            return text_response(504, f"Task timed out after {self.options.timeout:g} seconds")
        if outcome.error is not None:
            return text_response(500, "Internal Server Error: the handler raised (traceback in the server log)")
        try:
            return to_http(outcome.result, self.options.format_name)
        except MalformedResponseError as exc:
            log(f"request {request.request_id}: malformed Lambda proxy response: {exc}")
            return text_response(502, "Bad Gateway: malformed Lambda proxy response (details in the server log)")


def _host_name(host_header: str | None) -> str:
    """``example.com:3000`` -> ``example.com``; ``[::1]:3000`` -> ``::1``."""
    if not host_header:
        return "localhost"
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0] or "localhost"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def log(message: str) -> None:
    print(f"[dev-server] {message}", file=sys.stderr, flush=True)


class _RequestHandler(BaseHTTPRequestHandler):
    server: DevServer
    protocol_version = "HTTP/1.1"
    server_version = "powertools-dev-server"
    timeout = 60  # seconds a connection may sit idle or half-sent before its thread gives up

    def _dispatch(self) -> None:
        started = time.perf_counter()
        body = self._read_body()
        if isinstance(body, HttpResponse):
            self._write(body)
            self.close_connection = True  # the unread body would desync keep-alive
            return
        request = HttpRequest(
            method=self.command,
            target=self.path,
            headers=list(self.headers.items()),
            body=body,
            source_ip=self.client_address[0],
            host=_host_name(self.headers.get("host")),
        )
        response = self.server.handle_request_object(request)
        self._write(response)
        elapsed = (time.perf_counter() - started) * 1000
        log(f'{request.source_ip} "{self.command} {self.path}" {response.status} {elapsed:.1f}ms {request.request_id}')

    def _read_body(self) -> bytes | HttpResponse:
        if "chunked" in (self.headers.get("transfer-encoding") or "").lower():
            return text_response(411, "Length Required: send a Content-Length (chunked bodies are not supported)")
        raw = self.headers.get("content-length")
        if raw is None:
            return b""
        try:
            length = int(raw)
        except ValueError:
            return text_response(400, f"Bad Request: Content-Length {raw!r} is not a number")
        if length < 0:
            return text_response(400, "Bad Request: negative Content-Length")
        if length > self.server.options.max_body_bytes:
            return text_response(
                413, f"Payload Too Large: the body exceeds {self.server.options.max_body_bytes} bytes (Lambda's limit)"
            )
        return self.rfile.read(length)

    def _write(self, response: HttpResponse) -> None:
        self.send_response(response.status)
        for name, value in response.headers:
            if name.lower() in ("content-length", "transfer-encoding", "connection"):
                continue  # framing is this server's job
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request is written by _dispatch, with the request id

    def log_error(self, format: str, *args: Any) -> None:
        log(f"{self.client_address[0]}: {format % args}")  # malformed request lines, timeouts

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch


def create_server(
    handler: Handler,
    options: ServerOptions,
    host: str = "127.0.0.1",
    port: int = 3000,
    *,
    sock: socket.socket | None = None,
) -> DevServer:
    """A ready, not yet serving, DevServer (``serve_forever()`` it, or use it in a thread for tests)."""
    try:
        return DevServer((host, port), handler, options, sock=sock)
    except OSError as exc:
        raise DevServerError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


@contextmanager
def running_server(
    handler: Handler, options: ServerOptions | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[DevServer]:
    """Serve in a background thread for the ``with`` block (port 0: a free one; see ``.url``)."""
    server = create_server(handler, options or ServerOptions(), host, port)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="dev-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
