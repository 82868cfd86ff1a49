"""Return values, Response, compression, cache control and CORS as clients receive them."""

from __future__ import annotations

import base64
import datetime
import gzip
import json
from decimal import Decimal
from typing import Any

from powertools.event_handler import (
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    Cookie,
    CORSConfig,
    Response,
    SameSite,
    content_types,
)


def http_event(path: str, method: str = "GET", headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "rawPath": path,
        "headers": headers or {},
        "requestContext": {"http": {"method": method}, "stage": "$default"},
    }


def test_dict_list_str_and_tuple_returns_become_json() -> None:
    app = APIGatewayHttpResolver()
    app.get("/dict")(lambda: {"a": Decimal("1.5"), "when": datetime.date(2026, 11, 29)})
    app.get("/list")(lambda: [1, 2])
    app.get("/str")(lambda: "already text")
    app.get("/tuple")(lambda: ({"created": True}, 201))
    app.post("/status", status_code=202)(lambda: {"queued": True})

    def answer(path: str, method: str = "GET") -> tuple[int, str]:
        result = app.resolve(http_event(path, method), None)
        assert result["headers"] == {"Content-Type": "application/json"}
        return result["statusCode"], result["body"]

    assert answer("/dict") == (200, '{"a":"1.5","when":"2026-11-29"}')  # Decimal as its string, as upstream
    assert answer("/list") == (200, "[1,2]")
    assert answer("/str") == (200, "already text")
    assert answer("/tuple") == (201, '{"created":true}')
    assert answer("/status", "POST") == (202, '{"queued":true}')


def test_custom_serializer_is_used_for_json_bodies() -> None:
    app = APIGatewayHttpResolver(serializer=lambda value: json.dumps(value, sort_keys=True, indent=1))
    app.get("/")(lambda: {"b": 1, "a": 2})

    assert app.resolve(http_event("/"), None)["body"] == '{\n "a": 2,\n "b": 1\n}'


def test_response_headers_override_content_type() -> None:
    app = APIGatewayHttpResolver()
    app.get("/")(
        lambda: Response(200, content_types.TEXT_PLAIN, "<p>hi</p>", headers={"Content-Type": content_types.TEXT_HTML})
    )

    assert app.resolve(http_event("/"), None)["headers"] == {"Content-Type": "text/html"}


def test_bytes_body_is_base64_encoded() -> None:
    app = APIGatewayHttpResolver()
    app.get("/logo")(lambda: Response(200, "image/svg+xml", b"<svg/>"))

    assert app.resolve(http_event("/logo"), None) == {
        "statusCode": 200,
        "body": base64.b64encode(b"<svg/>").decode(),
        "isBase64Encoded": True,
        "headers": {"Content-Type": "image/svg+xml"},
        "cookies": [],
    }


def test_gzip_when_route_asks_and_client_accepts() -> None:
    app = APIGatewayHttpResolver()
    app.get("/big", compress=True)(lambda: {"items": list(range(5))})
    app.get("/never")(lambda: {"items": []})
    app.get("/forced")(lambda: Response(200, content_types.TEXT_PLAIN, "x", compress=True))
    app.get("/off", compress=True)(lambda: Response(200, content_types.TEXT_PLAIN, "x", compress=False))

    result = app.resolve(http_event("/big", headers={"accept-encoding": "gzip, br"}), None)
    assert result["isBase64Encoded"] is True
    assert result["headers"] == {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    assert gzip.decompress(base64.b64decode(result["body"])) == b'{"items":[0,1,2,3,4]}'

    plain = app.resolve(http_event("/big"), None)
    assert (plain["body"], plain["headers"]) == ('{"items":[0,1,2,3,4]}', {"Content-Type": "application/json"})

    assert (
        "Content-Encoding"
        not in app.resolve(http_event("/never", headers={"accept-encoding": "gzip"}), None)["headers"]
    )
    forced = app.resolve(http_event("/forced", headers={"Accept-Encoding": "gzip"}), None)
    assert gzip.decompress(base64.b64decode(forced["body"])) == b"x"
    assert app.resolve(http_event("/off", headers={"accept-encoding": "gzip"}), None)["body"] == "x"


def test_cache_control_only_for_successful_responses() -> None:
    app = APIGatewayHttpResolver()
    app.get("/ok", cache_control="max-age=300")(lambda: {"ok": True})
    app.get("/missing", cache_control="max-age=300")(lambda: ({"ok": False}, 404))

    assert app.resolve(http_event("/ok"), None)["headers"]["Cache-Control"] == "max-age=300"
    assert app.resolve(http_event("/missing"), None)["headers"]["Cache-Control"] == "no-cache"


def test_cookie_attributes_are_rendered_in_rfc_order() -> None:
    cookie = Cookie(
        "session",
        "abc",
        path="/",
        domain="example.com",
        http_only=True,
        max_age=-1,
        expires=datetime.datetime(2026, 11, 29, 8, 30, tzinfo=datetime.timezone.utc),
        same_site=SameSite.STRICT_MODE,
        custom_attributes=["Partitioned"],
    )

    assert str(cookie) == (
        "session=abc; Path=/; Domain=example.com; Expires=Sun, 29 Nov 2026 08:30:00 GMT; Max-Age=0; "
        "HttpOnly; Secure; SameSite=Strict; Partitioned"
    )


def test_cookie_rejects_attribute_injection() -> None:
    import pytest

    with pytest.raises(ValueError, match="must not contain"):
        Cookie("session", "abc; Domain=evil.example")


CORS = CORSConfig(
    allow_origin="https://app.example.com",
    extra_origins=["https://admin.example.com"],
    allow_headers=["X-Correlation-Id"],
    expose_headers=["X-Request-Id", "X-Total"],
    max_age=600,
    allow_credentials=True,
)
ALLOW_HEADERS = "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,X-Correlation-Id"


def cors_app() -> APIGatewayRestResolver:
    app = APIGatewayRestResolver(cors=CORS)
    app.get("/todos")(lambda: {"todos": []})
    app.post("/todos")(lambda: ({"created": True}, 201))
    app.delete("/todos/<todo_id>", cors=False)(lambda todo_id: {"deleted": todo_id})
    return app


def rest_event(path: str, method: str, origin: str | None) -> dict[str, Any]:
    headers = {"Origin": origin} if origin else {}
    return {"httpMethod": method, "path": path, "headers": headers, "requestContext": {}}


def test_cors_preflight_is_answered_automatically() -> None:
    result = cors_app().resolve(rest_event("/todos", "OPTIONS", "https://admin.example.com"), None)

    assert result == {
        "statusCode": 204,
        "body": "",
        "isBase64Encoded": False,
        "multiValueHeaders": {
            "Access-Control-Allow-Methods": ["GET,OPTIONS,POST"],
            "Access-Control-Allow-Origin": ["https://admin.example.com"],
            "Access-Control-Allow-Headers": [ALLOW_HEADERS],
            "Access-Control-Expose-Headers": ["X-Request-Id,X-Total"],
            "Access-Control-Max-Age": ["600"],
            "Access-Control-Allow-Credentials": ["true"],
        },
    }


def test_cors_headers_on_allowed_origin_only_and_per_route_opt_out() -> None:
    app = cors_app()

    allowed = app.resolve(rest_event("/todos", "GET", "https://app.example.com"), None)["multiValueHeaders"]
    assert allowed["Access-Control-Allow-Origin"] == ["https://app.example.com"]
    assert allowed["Access-Control-Allow-Credentials"] == ["true"]

    foreign = app.resolve(rest_event("/todos", "GET", "https://evil.example"), None)["multiValueHeaders"]
    assert foreign == {"Content-Type": ["application/json"]}

    opted_out = app.resolve(rest_event("/todos/1", "DELETE", "https://app.example.com"), None)["multiValueHeaders"]
    assert opted_out == {"Content-Type": ["application/json"]}


def test_wildcard_origin_never_allows_credentials() -> None:
    app = APIGatewayHttpResolver(cors=CORSConfig(allow_credentials=True))
    app.get("/")(dict)
    headers = app.resolve(http_event("/", headers={"origin": "https://any.example"}), None)["headers"]

    assert headers == {
        "Content-Type": "application/json",
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key",
    }


def test_route_level_cors_without_resolver_config_uses_defaults() -> None:
    app = APIGatewayHttpResolver()
    app.get("/open", cors=True)(dict)

    headers = app.resolve(http_event("/open", headers={"origin": "https://x.example"}), None)["headers"]
    assert headers["Access-Control-Allow-Origin"] == "*"
