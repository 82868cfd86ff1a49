"""$ref resolution: local pointers, custom handlers, and the bounded HTTP fetch (against a real local server)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from powertools.validation import (
    InvalidSchemaFormatError,
    SchemaValidationError,
    clear_schema_cache,
    remote_refs,
    validate,
)

# upstream's documented example: the child schema comes from a handler for the https scheme.
PARENT = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://example.com/schemas/parent.json",
    "type": "object",
    "properties": {"ParentSchema": {"$ref": "https://SCHEMA"}},
}
CHILD = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://example.com/schemas/child.json",
    "type": "object",
    "properties": {"project": {"type": "string"}},
    "required": ["project"],
}


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_schema_cache()
    yield
    clear_schema_cache()


def test_local_definitions() -> None:
    schema = {
        "definitions": {"money": {"type": "number", "minimum": 0}},
        "type": "object",
        "properties": {"total": {"$ref": "#/definitions/money"}},
    }
    assert validate({"total": 3}, schema) == {"total": 3}
    with pytest.raises(SchemaValidationError, match=r"data.total must be bigger than or equal to 0"):
        validate({"total": -1}, schema)


def test_handler_resolves_remote_ref() -> None:
    asked: list[str] = []

    def get_child(uri: str) -> dict[str, Any]:
        asked.append(uri)
        return CHILD

    assert validate({"ParentSchema": {"project": "powertools"}}, PARENT, handlers={"https": get_child}) == {
        "ParentSchema": {"project": "powertools"}
    }
    with pytest.raises(SchemaValidationError) as caught:
        validate({"ParentSchema": {}}, PARENT, handlers={"https": get_child})
    assert caught.value.validation_message == "data.ParentSchema must contain ['project'] properties"
    assert asked == ["https://SCHEMA"]  # compiled once, resolved once


def test_schema_dicts_are_not_mutated() -> None:
    # fastjsonschema rewrites "$ref" values in place; we compile a private copy.
    schema = {"$id": "https://example.com/s.json", "definitions": {"n": {"type": "integer"}}, "$ref": "#/definitions/n"}
    before = json.dumps(schema)
    validate(1, schema)
    assert json.dumps(schema) == before


@pytest.mark.parametrize(
    ("schema", "handlers", "message"),
    [
        (
            {"properties": {"a": {"$ref": "mem://child"}}},
            None,
            "cannot resolve $ref 'mem://child': no handler for URI scheme 'mem'; pass handlers={'mem': fn}",
        ),
        (
            {"properties": {"a": {"$ref": "child.json"}}},
            None,
            "cannot resolve relative $ref 'child.json': give the schema an absolute $id or use a '#/...' pointer",
        ),
        (
            {"properties": {"a": {"$ref": "file:///etc/passwd"}}},
            None,
            "cannot resolve $ref 'file:///etc/passwd': no handler for URI scheme 'file'",
        ),
        (
            {"properties": {"a": {"$ref": "mem://child"}}},
            {"mem": lambda uri: {}["missing"]},
            "cannot resolve $ref 'mem://child': KeyError: 'missing'",
        ),
        (
            {"properties": {"a": {"$ref": "mem://child"}}},
            {"mem": lambda uri: "not a schema"},
            "$ref 'mem://child' resolved to str, expected a JSON Schema (dict)",
        ),
        (
            {"properties": {"a": {"$ref": "mem://child"}}},
            {"mem": lambda uri: {"type": "string", "format": "shoe-size"}},
            "unknown format 'shoe-size' at mem://child:",
        ),
        (
            {"properties": {"a": {"$ref": "mem://child"}}},
            {"mem": "not callable"},
            "handlers must map a URI scheme (str) to a callable taking the URI, got 'mem': 'not callable'",
        ),
    ],
)
def test_unresolvable_refs(schema: dict[str, Any], handlers: Any, message: str) -> None:
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({"a": "x"}, schema, handlers=handlers)
    assert str(caught.value).startswith(message)


class _SchemaServer(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.routes.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "application/schema+json")
        self.end_headers()
        self.wfile.write(body or b"{}")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def schema_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SchemaServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_http_ref_without_handler_is_fetched(schema_server: str) -> None:
    _SchemaServer.routes = {"/child.json": json.dumps(CHILD).encode()}
    schema = {"type": "object", "properties": {"child": {"$ref": f"{schema_server}/child.json"}}}
    assert validate({"child": {"project": "p"}}, schema) == {"child": {"project": "p"}}
    with pytest.raises(SchemaValidationError, match=r"data.child must contain \['project'\] properties"):
        validate({"child": {}}, schema)


def test_http_ref_errors_name_the_uri(schema_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _SchemaServer.routes = {"/big.json": b'{"description": "' + b"x" * 200 + b'"}'}
    missing = {"properties": {"a": {"$ref": f"{schema_server}/missing.json"}}}
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({}, missing)
    assert str(caught.value) == (
        f"cannot resolve $ref '{schema_server}/missing.json': HTTPError: HTTP Error 404: Not Found"
    )

    monkeypatch.setattr(remote_refs, "MAX_REMOTE_SCHEMA_BYTES", 100)
    big = {"properties": {"a": {"$ref": f"{schema_server}/big.json"}}}
    with pytest.raises(InvalidSchemaFormatError) as caught:
        validate({}, big)
    assert str(caught.value) == f"$ref '{schema_server}/big.json' is larger than 100 bytes"


def test_fetch_refuses_other_schemes() -> None:
    with pytest.raises(InvalidSchemaFormatError, match="only http and https are fetched"):
        remote_refs.fetch_schema_over_http("file:///etc/passwd")


class _TricklingServer(BaseHTTPRequestHandler):
    """Sends a valid schema one byte every 0.3 s: each read succeeds, the whole takes seconds."""

    def do_GET(self) -> None:
        body = b'{"type": "object", "description": "slow"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/schema+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for byte in body:
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return  # the client gave up: what the bound is for
            time.sleep(0.3)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_the_time_bound_covers_the_whole_fetch(monkeypatch: pytest.MonkeyPatch) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TricklingServer)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setattr(remote_refs, "REMOTE_SCHEMA_TIMEOUT_SECONDS", 1.0)
    uri = f"http://127.0.0.1:{server.server_address[1]}/slow.json"
    try:
        started = time.monotonic()
        with pytest.raises(InvalidSchemaFormatError, match=r"fetching \$ref '.*/slow.json' took longer than 1 s"):
            validate({}, {"properties": {"a": {"$ref": uri}}})
        # Each byte arrives well within the per-read timeout; only a bound on the whole fetch
        # stops it (the body alone needs 40 bytes x 0.3 s = 12 s).
        assert time.monotonic() - started < 6
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "schema",
    [
        {"$ref": "#"},
        {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"},
        {"properties": {"x": {"$ref": "#/properties/x"}}},
    ],
    ids=["self", "two-step", "property-self"],
)
def test_ref_loops_are_invalid_schemas(schema: dict[str, Any]) -> None:
    with pytest.raises(InvalidSchemaFormatError, match=r"leads back to itself through \$refs alone"):
        validate({"x": 1}, schema)


def test_recursion_through_data_is_still_fine() -> None:
    tree = {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}}
    assert validate({"children": [{"children": []}]}, tree) == {"children": [{"children": []}]}
