"""A local AppConfigData endpoint (moto has no AppConfigData data plane).

It speaks the rest-json protocol of botocore's ``appconfigdata`` 2021-11-11 model:

* ``POST /configurationsessions`` (StartConfigurationSession) -> 201
  ``{"InitialConfigurationToken": ...}``
* ``GET /configuration?configuration_token=...`` (GetLatestConfiguration) -> 200, the
  configuration as the raw body, metadata in the ``Content-Type``,
  ``Next-Poll-Configuration-Token``, ``Next-Poll-Interval-In-Seconds`` and
  ``Version-Label`` headers. The body is empty when the session already has the
  latest version.

Each token is good for one call, as in AWS. Errors use the AWS JSON error shape
(``x-amzn-ErrorType`` header, ``{"Message": ...}`` body) so botocore raises the
modelled exception. Poll intervals are reported but not enforced.
"""

from __future__ import annotations

import json
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from powertools_testing.util import LOCALHOST

DEFAULT_POLL_INTERVAL = 60
MIN_POLL_INTERVAL, MAX_POLL_INTERVAL = 15, 86400

ConfigKey = tuple[str, str, str]


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Deployed:
    content: bytes
    content_type: str
    version: int
    version_label: str


@dataclass(frozen=True)
class _Token:
    key: ConfigKey
    seen_version: int | None  # the version this session last received, if any
    poll_interval: int


def aws_error(status: int, code: str, message: str, **extra: Any) -> Reply:
    body = json.dumps({"Message": message, **extra}).encode()
    headers = {"Content-Type": "application/json", "x-amzn-ErrorType": code}
    return Reply(status, body, headers)


def _encode(content: bytes | str | dict[str, Any]) -> bytes:
    if isinstance(content, dict):
        return json.dumps(content).encode()
    if isinstance(content, str):
        return content.encode()
    return bytes(content)


class AppConfigDataService:
    """The protocol logic and state, independent of HTTP so it stays easy to read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._configs: dict[ConfigKey, _Deployed] = {}
        # Outlives delete_configuration so that a redeploy is always a new version.
        self._versions: dict[ConfigKey, int] = {}
        self._tokens: dict[str, _Token] = {}
        self.fetch_count = 0
        self.session_count = 0

    def put_configuration(
        self,
        application: str,
        environment: str,
        profile: str,
        content: bytes | str | dict[str, Any],
        content_type: str = "application/json",
        version_label: str | None = None,
    ) -> int:
        """Deploy a new version; open sessions get it on their next fetch. Returns the version."""
        key = (application, environment, profile)
        with self._lock:
            version = self._versions.get(key, 0) + 1
            self._versions[key] = version
            label = version_label if version_label is not None else str(version)
            self._configs[key] = _Deployed(_encode(content), content_type, version, label)
        return version

    def delete_configuration(self, application: str, environment: str, profile: str) -> None:
        with self._lock:
            self._configs.pop((application, environment, profile), None)

    def clear(self) -> None:
        """Forget every configuration, session and counter."""
        with self._lock:
            self._configs.clear()
            self._versions.clear()
            self._tokens.clear()
            self.fetch_count = 0
            self.session_count = 0

    def start_session(self, request: dict[str, Any]) -> Reply:
        names = ("ApplicationIdentifier", "EnvironmentIdentifier", "ConfigurationProfileIdentifier")
        missing = [name for name in names if not isinstance(request.get(name), str)]
        if missing:
            return _bad_request(f"Missing required parameter(s): {', '.join(missing)}")
        interval = request.get("RequiredMinimumPollIntervalInSeconds", DEFAULT_POLL_INTERVAL)
        if not isinstance(interval, int) or not MIN_POLL_INTERVAL <= interval <= MAX_POLL_INTERVAL:
            return _bad_request(
                f"RequiredMinimumPollIntervalInSeconds must be between {MIN_POLL_INTERVAL} and {MAX_POLL_INTERVAL}"
            )
        key: ConfigKey = (request[names[0]], request[names[1]], request[names[2]])
        with self._lock:
            self.session_count += 1
            not_found = self._find_missing(key)
            if not_found is not None:
                return not_found
            token = self._issue(_Token(key, None, interval))
        body = json.dumps({"InitialConfigurationToken": token}).encode()
        return Reply(201, body, {"Content-Type": "application/json"})

    def get_latest(self, token_value: str | None) -> Reply:
        with self._lock:
            self.fetch_count += 1
            if not token_value:
                return _bad_request("Missing required parameter: configuration_token")
            # pop: a token is valid for exactly one call.
            token = self._tokens.pop(token_value, None)
            if token is None:
                return _bad_request(
                    "Invalid or expired configuration token",
                    Details={"InvalidParameters": {"ConfigurationToken": {"Problem": "Expired"}}},
                )
            deployed = self._configs.get(token.key)
            if deployed is None:
                return aws_error(
                    404,
                    "ResourceNotFoundException",
                    "Deployed configuration not found: " + "/".join(token.key),
                    ResourceType="Configuration",
                )
            next_token = self._issue(_Token(token.key, deployed.version, token.poll_interval))
        changed = deployed.version != token.seen_version
        headers = {
            "Content-Type": deployed.content_type,
            "Next-Poll-Configuration-Token": next_token,
            "Next-Poll-Interval-In-Seconds": str(token.poll_interval),
        }
        if changed:
            headers["Version-Label"] = deployed.version_label
        return Reply(200, deployed.content if changed else b"", headers)

    def _find_missing(self, key: ConfigKey) -> Reply | None:
        """404 for the first unknown part, checked application -> environment -> profile."""
        for depth, resource_type in enumerate(("Application", "Environment", "ConfigurationProfile"), start=1):
            if not any(known[:depth] == key[:depth] for known in self._configs):
                return aws_error(
                    404,
                    "ResourceNotFoundException",
                    f"{resource_type} {key[depth - 1]} not found",
                    ResourceType=resource_type,
                    ReferencedBy={},
                )
        return None

    def _issue(self, token: _Token) -> str:
        value = secrets.token_urlsafe(32)
        self._tokens[value] = token
        return value


def _bad_request(message: str, **extra: Any) -> Reply:
    return aws_error(400, "BadRequestException", message, Reason="InvalidParameters", **extra)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as botocore's connection pool expects
    server: _Server

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if urlsplit(self.path).path != "/configurationsessions":
            self._send(_unknown_operation("POST", self.path))
            return
        try:
            request = json.loads(raw or b"{}")
        except ValueError:
            self._send(_bad_request("Request body is not valid JSON"))
            return
        if not isinstance(request, dict):
            self._send(_bad_request("Request body must be a JSON object"))
            return
        self._send(self.server.service.start_session(request))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/configuration":
            self._send(_unknown_operation("GET", self.path))
            return
        token = parse_qs(url.query).get("configuration_token", [None])[0]
        self._send(self.server.service.get_latest(token))

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the test output is not the place for access logs


def _unknown_operation(method: str, path: str) -> Reply:
    return aws_error(404, "UnknownOperationException", f"No AppConfigData operation for {method} {path}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, service: AppConfigDataService) -> None:
        super().__init__((LOCALHOST, 0), _Handler)  # port 0: the OS picks, no race
        self.service = service


class AppConfigDataServer(AppConfigDataService):
    """The service above on a background thread, at ``endpoint_url``."""

    def __init__(self) -> None:
        super().__init__()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.host = LOCALHOST
        self.port = 0

    @property
    def endpoint_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        self._server = _Server(self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="appconfigdata-server",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
