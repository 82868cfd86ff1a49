"""The dev server over real sockets, for every integration format: the event the resolver saw
and the HTTP response the client got."""

from __future__ import annotations

import base64
import http.client
import json
from typing import Any

import pytest

from powertools.event_handler import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    Cookie,
    LambdaFunctionUrlResolver,
    Response,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
)
from powertools.event_handler.dev_server import FORMATS, ServerOptions, running_server

RESOLVERS: dict[str, Any] = {
    "rest": APIGatewayRestResolver,
    "http": APIGatewayHttpResolver,
    "alb": ALBResolver,
    "function-url": LambdaFunctionUrlResolver,
    "lattice": VPCLatticeV2Resolver,
    "lattice-v1": VPCLatticeResolver,
}
BINARY = bytes(range(256)) * 4  # every byte value, not valid UTF-8


def _app(fmt: str) -> tuple[Any, list[dict[str, Any]]]:
    app = RESOLVERS[fmt]()
    seen: list[dict[str, Any]] = []

    @app.get("/items/<item_id>")
    def get_item(item_id: str) -> Response:
        seen.append({"item_id": item_id, "event": app.current_event.raw_event})
        return Response(
            200,
            "application/json",
            json.dumps({"id": item_id}),
            headers={"X-Multi": ["a", "b"]},
            cookies=[Cookie("session", "abc"), Cookie("theme", "dark", secure=False)],
        )

    @app.post("/blob")
    def echo_blob() -> Response:
        event = app.current_event.raw_event
        seen.append({"event": event})
        encoded = event.get("isBase64Encoded", event.get("is_base64_encoded"))
        body = base64.b64decode(event["body"]) if encoded else event["body"].encode()
        return Response(201, "application/octet-stream", body[::-1])

    return app, seen


def _get(url_host: tuple[str, int], path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection(*url_host, timeout=10)
    conn.putrequest("GET", path)
    conn.putheader("X-Custom", "one")
    conn.putheader("X-Custom", "two")
    conn.putheader("Cookie", "a=1; b=2")
    conn.putheader("User-Agent", "dev-server-test")
    conn.endheaders()
    return conn.getresponse()


@pytest.mark.parametrize("fmt", FORMATS)
def test_get_event_and_response(fmt: str) -> None:
    app, seen = _app(fmt)
    with running_server(app.resolve, ServerOptions(format_name=fmt, stage="beta")) as server:
        response = _get(server.server_address, "/items/42?tag=x&tag=y%20z&one=1")
        body = response.read()
        second = _get(server.server_address, "/items/43")
        second.read()

    assert response.status == 200
    assert json.loads(body) == {"id": "42"}
    assert response.getheader("Content-Type") == "application/json"
    # Multi-value headers: separate lines where the integration keeps them apart, joined where it joins.
    assert response.msg.get_all("X-Multi") in (["a", "b"], ["a, b"])
    assert response.msg.get_all("Set-Cookie") == ["session=abc; Secure", "theme=dark"]

    assert seen[0]["item_id"] == "42"
    event = seen[0]["event"]
    EXPECTED_EVENT[fmt](event)
    if fmt not in ("alb", "lattice", "lattice-v1"):  # integrations with a request id
        first_id, second_id = (s["event"]["requestContext"]["requestId"] for s in seen)
        assert first_id != second_id


def _rest(event: dict[str, Any]) -> None:
    assert event["httpMethod"] == "GET"
    assert event["path"] == "/items/42"
    assert event["resource"] == "/{proxy+}"
    assert event["pathParameters"] == {"proxy": "items/42"}
    assert event["multiValueQueryStringParameters"] == {"tag": ["x", "y z"], "one": ["1"]}
    assert event["queryStringParameters"] == {"tag": "y z", "one": "1"}
    assert event["multiValueHeaders"]["X-Custom"] == ["one", "two"]
    assert event["headers"]["X-Custom"] == "two"
    assert event["headers"]["Cookie"] == "a=1; b=2"
    context = event["requestContext"]
    assert context["stage"] == "beta"
    assert context["path"] == "/items/42"  # no stage segment in the dev server URL
    assert context["identity"] == {"sourceIp": "127.0.0.1", "userAgent": "dev-server-test"}
    assert isinstance(context["requestTimeEpoch"], int)
    assert event["body"] is None
    assert event["isBase64Encoded"] is False


def _v2(event: dict[str, Any], stage: str) -> None:
    assert event["version"] == "2.0"
    assert event["rawPath"] == "/items/42"
    assert event["rawQueryString"] == "tag=x&tag=y%20z&one=1"
    assert event["queryStringParameters"] == {"tag": "x,y z", "one": "1"}
    assert event["headers"]["x-custom"] == "one,two"
    assert "cookie" not in event["headers"]
    assert event["cookies"] == ["a=1", "b=2"]
    http_context = event["requestContext"]["http"]
    assert http_context == {
        "method": "GET",
        "path": "/items/42",
        "protocol": "HTTP/1.1",
        "sourceIp": "127.0.0.1",
        "userAgent": "dev-server-test",
    }
    assert event["requestContext"]["stage"] == stage
    assert "body" not in event


def _alb(event: dict[str, Any]) -> None:
    assert event["httpMethod"] == "GET"
    assert event["path"] == "/items/42"
    assert event["multiValueQueryStringParameters"] == {"tag": ["x", "y%20z"], "one": ["1"]}  # ALB leaves them encoded
    assert event["multiValueHeaders"]["x-custom"] == ["one", "two"]
    assert event["multiValueHeaders"]["cookie"] == ["a=1; b=2"]
    assert "targetGroupArn" in event["requestContext"]["elb"]


def _lattice(event: dict[str, Any]) -> None:
    assert event["version"] == "2.0"
    assert event["method"] == "GET"
    assert event["path"] == "/items/42"
    assert event["queryStringParameters"] == {"tag": ["x", "y z"], "one": ["1"]}
    assert event["headers"]["x-custom"] == ["one", "two"]
    assert event["headers"]["cookie"] == ["a=1; b=2"]
    assert event["requestContext"]["region"] == "us-east-1"


def _lattice_v1(event: dict[str, Any]) -> None:
    assert event["raw_path"] == "/items/42?tag=x&tag=y%20z&one=1"
    assert event["method"] == "GET"
    assert event["query_string_parameters"] == {"tag": "y z", "one": "1"}
    assert event["headers"]["x-custom"] == "one,two"


EXPECTED_EVENT = {
    "rest": _rest,
    "http": lambda event: _v2(event, "beta"),
    "function-url": lambda event: _v2(event, "$default"),
    "alb": _alb,
    "lattice": _lattice,
    "lattice-v1": _lattice_v1,
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_binary_body_round_trip(fmt: str) -> None:
    app, seen = _app(fmt)
    with running_server(app.resolve, ServerOptions(format_name=fmt)) as server:
        conn = http.client.HTTPConnection(*server.server_address, timeout=10)
        conn.request("POST", "/blob", body=BINARY, headers={"Content-Type": "application/octet-stream"})
        response = conn.getresponse()
        body = response.read()

    assert response.status == 201
    assert response.getheader("Content-Type") == "application/octet-stream"
    assert body == BINARY[::-1]
    event = seen[0]["event"]
    assert event.get("isBase64Encoded", event.get("is_base64_encoded")) is True
    assert base64.b64decode(event["body"]) == BINARY


@pytest.mark.parametrize("fmt", ["rest", "http"])
def test_text_body_stays_text(fmt: str) -> None:
    app, seen = _app(fmt)
    payload = json.dumps({"title": "Buy milk ✓"}).encode()
    with running_server(app.resolve, ServerOptions(format_name=fmt)) as server:
        conn = http.client.HTTPConnection(*server.server_address, timeout=10)
        conn.request("POST", "/blob", body=payload, headers={"Content-Type": "application/json; charset=utf-8"})
        response = conn.getresponse()
        assert response.read() == payload[::-1]
    event = seen[0]["event"]
    assert event["isBase64Encoded"] is False
    assert event["body"] == payload.decode()


@pytest.mark.parametrize(("fmt", "stage"), [("rest", "dev"), ("http", "$default"), ("function-url", "$default")])
def test_default_stage_per_integration(fmt: str, stage: str) -> None:
    app, seen = _app(fmt)
    with running_server(app.resolve, ServerOptions(format_name=fmt)) as server:
        _get(server.server_address, "/items/1").read()
    assert seen[0]["event"]["requestContext"]["stage"] == stage


def test_async_handler_is_awaited() -> None:
    app = APIGatewayHttpResolver()

    @app.get("/async/<name>")
    async def greet(name: str) -> dict:
        return {"hello": name}

    async def handler(event: dict, context: Any) -> dict:
        return await app.resolve_async(event, context)

    with running_server(handler, ServerOptions(format_name="http")) as server:
        response = _get(server.server_address, "/async/ana")
        assert response.status == 200
        assert json.loads(response.read()) == {"hello": "ana"}


def test_host_header_forms_reach_the_event() -> None:
    app, seen = _app("rest")
    with running_server(app.resolve) as server:
        for host in ("api.example.com:3000", "[::1]:3000", "plain.example.com"):
            conn = http.client.HTTPConnection(*server.server_address, timeout=10)
            conn.request("GET", "/items/1", headers={"Host": host})
            conn.getresponse().read()
    assert [s["event"]["requestContext"]["domainName"] for s in seen] == ["api.example.com", "::1", "plain.example.com"]
