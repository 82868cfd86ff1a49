"""AppConfigExtensionProvider against a local HTTP server speaking the AppConfig Agent's protocol."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from powertools.parameters import AppConfigExtensionProvider, GetParameterError
from powertools_testing import free_port


class Agent(ThreadingHTTPServer):
    """Serves ``configs[path]``; records every request path."""

    def __init__(self) -> None:
        self.configs: dict[str, bytes] = {}
        self.paths: list[str] = []
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: Agent

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        body = self.server.configs.get(self.path.split("?")[0])
        status = 200 if body is not None else 404
        payload = body if body is not None else b"Configuration not found"
        self.send_response(status)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def agent() -> Iterator[Agent]:
    server = Agent()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_reads_and_caches_through_the_agent(agent, monkeypatch):
    agent.configs["/applications/shop/environments/prod/configurations/features"] = b'{"beta": true}'
    monkeypatch.setenv("AWS_APPCONFIG_EXTENSION_HTTP_PORT", str(agent.server_address[1]))
    provider = AppConfigExtensionProvider(environment="prod", application="shop")
    assert provider.get("features", transform="json") == {"beta": True}
    assert provider.get("features", transform="json") == {"beta": True}
    assert provider.get("features") == b'{"beta": true}'
    assert len(agent.paths) == 2


def test_names_are_quoted_and_options_become_the_query(agent):
    agent.configs["/applications/my%20app/environments/prod/configurations/a%2Fb"] = b"x"
    provider = AppConfigExtensionProvider(environment="prod", application="my app", port=agent.server_address[1])
    assert provider.get("a/b", flag="on") == b"x"
    assert agent.paths == ["/applications/my%20app/environments/prod/configurations/a%2Fb?flag=on"]


def test_agent_error_names_the_configuration(agent):
    provider = AppConfigExtensionProvider(environment="prod", application="shop", port=agent.server_address[1])
    with pytest.raises(GetParameterError) as info:
        provider.get("missing")
    assert str(info.value) == (
        "AWS AppConfig Agent Lambda extension returned HTTP 404 for "
        "/applications/shop/environments/prod/configurations/missing: Configuration not found"
    )


def test_no_agent_listening():
    provider = AppConfigExtensionProvider(environment="prod", application="shop", port=free_port(), timeout=1)
    with pytest.raises(
        GetParameterError, match="Unable to reach the AWS AppConfig Agent Lambda extension on localhost:"
    ):
        provider.get("features")
