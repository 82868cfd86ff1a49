"""Secrets: Swagger UI's asset route never serves a file from outside the packaged assets folder.

``app.enable_swagger(path="/swagger")`` serves Swagger UI's files (the ``swagger`` extra,
swagger-ui-py) under ``/swagger/<name>``. Traversal in every spelling (``..``, ``%2e%2e``,
encoded twice, backslashes, overlong UTF-8, NUL bytes, absolute paths) is a 404 through every
HTTP resolver and over a real socket (the local dev server), and no response carries a byte of
a file outside the folder (``/etc/passwd``, swagger_ui's own ``__init__.py`` next to it). The
asset reader itself is fuzzed against a folder with a canary file beside it.
"""

from __future__ import annotations

import base64
import http.client
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powertools.common.typing import LocalLambdaContext
from powertools.event_handler.dev_server import running_server
from powertools.event_handler.swagger import assets
from powertools_testing.events import load_event
from tools.reliability.ledger import LEDGER
from tools.reliability.strategies import SETTINGS
from tools.reliability.targets import http_resolvers

CLAIM = "404, never a byte of a file outside the assets folder"

RESOLVERS = http_resolvers()

ESCAPES = [
    "/swagger/../../etc/passwd",
    "/swagger/..",
    "/swagger/%2e%2e",
    "/swagger/%2e%2e%2fetc%2fpasswd",
    "/swagger/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/swagger/..%2f..%2fetc%2fpasswd",
    "/swagger/%252e%252e%252fetc%252fpasswd",
    "/swagger/%25252e%25252e%25252fetc%25252fpasswd",
    "/swagger/..%252f..%252fetc%252fpasswd",
    "/swagger/%2fetc%2fpasswd",
    "/swagger//etc/passwd",
    "/swagger/..\\..\\etc\\passwd",
    "/swagger/..%5c..%5cetc%5cpasswd",
    "/swagger/%c0%ae%c0%ae%c0%afetc%c0%afpasswd",
    "/swagger/.%2e/__init__.py",
    "/swagger/%2e%2e%2f__init__.py",
    "/swagger/..%2f__init__.py",
    "/swagger/swagger-ui.css%2f..%2f..%2f__init__.py",
    "/swagger/swagger-ui.css%00.png",
    "/swagger/swagger-ui.css/../../__init__.py",
    "/swagger/%2e%2e%2fstatic%2fswagger-ui.css",
    "/swagger/__init__.py",
    "/swagger/.hidden.css",
    "/swagger/~/.ssh/id_rsa",
    "/swagger/" + "..%2f" * 200 + "etc%2fpasswd",
]

DOTS = st.sampled_from(
    ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%25252e%25252e", "%c0%ae%c0%ae", "..."]
)
SEPARATORS = st.sampled_from(["/", "%2f", "%2F", "%252f", "\\", "%5c", "%255c", "%c0%af", "//"])
TARGETS = st.sampled_from(["etc/passwd", "etc%2fpasswd", "__init__.py", "static%2fswagger-ui.css", "swagger-ui.css"])


@st.composite
def traversals(draw: st.DrawFn) -> str:
    steps = draw(st.lists(st.tuples(DOTS, SEPARATORS), min_size=1, max_size=6))
    return "/swagger/" + "".join(dots + separator for dots, separator in steps) + draw(TARGETS)


def _outside_contents() -> list[bytes]:
    """Files a traversal would aim at: /etc/passwd and the files beside the assets folder."""
    folder = assets.asset_path()
    assert folder is not None, "the swagger extra (swagger-ui-py) is not installed"
    found = [path.read_bytes() for path in folder.parent.iterdir() if path.is_file() and path.stat().st_size > 64]
    passwd = Path("/etc/passwd")
    if passwd.is_file():
        found.append(passwd.read_bytes())
    return found


OUTSIDE = _outside_contents()


def _body_bytes(response: dict[str, Any]) -> bytes:
    body = response.get("body") or ""
    return base64.b64decode(body) if response.get("isBase64Encoded") else body.encode("utf-8", "surrogatepass")


def _assert_no_outside_content(body: bytes) -> None:
    assert b"root:" not in body
    for content in OUTSIDE:
        assert content[:64] not in body


def _event(name: str, path: str) -> dict[str, Any]:
    _, sample, where = RESOLVERS[name]
    event = load_event(sample)
    for dotted, value in zip(where, ("GET", path), strict=True):
        *parents, last = dotted.split(".")
        node = event
        for key in parents:
            node = node[key]
        node[last] = value
    return event


def _swagger_app(name: str) -> Any:
    app = RESOLVERS[name][0]()
    app.enable_swagger(path="/swagger")
    return app


@pytest.mark.parametrize("name", sorted(RESOLVERS))
def test_swagger_asset_paths_cannot_escape(name: str) -> None:
    app = _swagger_app(name)
    ok = app.resolve(_event(name, "/swagger/swagger-ui.css"), LocalLambdaContext())
    assert ok["statusCode"] == 200  # the route serves the packaged assets
    for path in ESCAPES:
        response = app.resolve(_event(name, path), LocalLambdaContext())
        LEDGER.case("secrets", f"Swagger asset paths: {name}", CLAIM)
        assert response["statusCode"] == 404, (path, response["statusCode"])
        _assert_no_outside_content(_body_bytes(response))


@SETTINGS
@given(path=traversals(), name=st.sampled_from(sorted(RESOLVERS)))
def test_swagger_asset_traversal_spellings(path: str, name: str) -> None:
    LEDGER.case("secrets", "Swagger asset paths: generated traversal spellings (every resolver)", CLAIM)
    response = _swagger_app(name).resolve(_event(name, path), LocalLambdaContext())
    assert response["statusCode"] == 404, (path, response["statusCode"])
    _assert_no_outside_content(_body_bytes(response))


def test_swagger_asset_paths_over_a_socket() -> None:
    """The dev server hands the raw request line to the app: the same answers over HTTP."""
    app = _swagger_app("APIGatewayRestResolver")
    with running_server(app.resolve) as server:
        for path in ESCAPES:
            connection = http.client.HTTPConnection(*server.server_address, timeout=10)
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
            finally:
                connection.close()
            LEDGER.case("secrets", "Swagger asset paths: over HTTP (local dev server)", CLAIM)
            assert response.status == 404, (path, response.status)
            _assert_no_outside_content(body)


@SETTINGS
@given(name=st.one_of(traversals().map(lambda path: path.removeprefix("/swagger/")), st.text(max_size=40)))
def test_asset_reader_never_leaves_its_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    root = tmp_path_factory.getbasetemp() / "swagger-canary"
    folder = root / "static"
    if not folder.exists():
        folder.mkdir(parents=True)
        (folder / "ok.css").write_text("body{}")
        (root / "canary.css").write_text("CANARY-outside-the-folder")
        (folder / "link.css").symlink_to(root / "canary.css")
    target = "Swagger asset reader (fuzzed names, a canary beside the folder)"
    LEDGER.case("secrets", target, CLAIM.replace("404", "None"))
    found = assets.read_asset(name, folder)
    if found is not None:
        assert found[0] == b"body{}"
    assert json.dumps(str(found)).find("CANARY") == -1
