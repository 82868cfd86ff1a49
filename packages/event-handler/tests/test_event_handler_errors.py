"""HTTP exceptions, exception handlers, not-found handlers, debug mode and malformed events."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from powertools.common.exceptions import InvalidEventError
from powertools.event_handler import (
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    BadRequestError,
    ForbiddenError,
    InternalServerError,
    LambdaFunctionUrlResolver,
    NotFoundError,
    RequestEntityTooLargeError,
    RequestTimeoutError,
    Response,
    ServiceError,
    UnauthorizedError,
    content_types,
)


def rest_event(path: str, method: str = "GET", body: str | None = None, b64: bool = False) -> dict[str, Any]:
    return {"httpMethod": method, "path": path, "headers": {}, "body": body, "isBase64Encoded": b64}


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (BadRequestError("nope"), 400),
        (UnauthorizedError("nope"), 401),
        (ForbiddenError("nope"), 403),
        (NotFoundError("nope"), 404),
        (RequestTimeoutError("nope"), 408),
        (RequestEntityTooLargeError("nope"), 413),
        (InternalServerError("nope"), 500),
        (ServiceError(418, "nope"), 418),
    ],
)
def test_http_exceptions_become_json_error_responses(error: ServiceError, status: int) -> None:
    app = APIGatewayRestResolver()

    @app.get("/fail")
    def fail() -> None:
        raise error

    assert app.resolve(rest_event("/fail"), None) == {
        "statusCode": status,
        "body": json.dumps({"statusCode": status, "message": "nope"}, separators=(",", ":")),
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }


def test_exception_handler_matches_subclasses_and_may_raise_http_errors() -> None:
    app = APIGatewayRestResolver()

    @app.get("/value")
    def value() -> None:
        raise UnicodeError("bad text")  # a ValueError subclass

    @app.get("/key")
    def key() -> None:
        raise KeyError("missing")

    @app.exception_handler(ValueError)
    def on_value(exc: ValueError) -> Response[Any]:
        return Response(422, content_types.APPLICATION_JSON, {"error": str(exc)})

    @app.exception_handler([KeyError, IndexError])
    def on_lookup(exc: Exception) -> None:
        raise ForbiddenError("lookup refused")

    value_result = app.resolve(rest_event("/value"), None)
    key_result = app.resolve(rest_event("/key"), None)

    assert (value_result["statusCode"], value_result["body"]) == (422, '{"error":"bad text"}')
    assert (key_result["statusCode"], key_result["body"]) == (403, '{"statusCode":403,"message":"lookup refused"}')


def test_custom_not_found_handler() -> None:
    app = APIGatewayRestResolver()

    @app.not_found
    def missing(exc: NotFoundError) -> Response[str]:
        return Response(404, content_types.TEXT_PLAIN, f"no route for {app.current_event.path}")

    result = app.resolve(rest_event("/nowhere"), None)
    assert (result["statusCode"], result["body"]) == (404, "no route for /nowhere")


def test_unhandled_exception_propagates_out_of_resolve_naming_the_route() -> None:
    app = APIGatewayRestResolver(debug=False)

    @app.get("/crash")
    def crash() -> None:
        raise RuntimeError("database down")

    # As upstream: Lambda's Errors metric, retries and X-Ray faults must see the failure.
    with pytest.raises(RuntimeError, match="database down") as raised:
        app.resolve(rest_event("/crash"), None)
    if sys.version_info >= (3, 11):
        assert raised.value.__notes__ == ["raised by route GET /crash"]


def test_exception_handler_for_exception_gives_users_a_json_500() -> None:
    app = APIGatewayRestResolver(debug=False)

    @app.exception_handler(Exception)
    def internal_error(exc: Exception) -> Response[dict[str, object]]:
        return Response(500, content_types.APPLICATION_JSON, {"statusCode": 500, "message": "Internal server error"})

    @app.get("/crash")
    def crash() -> None:
        raise RuntimeError("database down")

    assert app.resolve(rest_event("/crash"), None) == {
        "statusCode": 500,
        "body": '{"statusCode":500,"message":"Internal server error"}',
        "isBase64Encoded": False,
        "multiValueHeaders": {"Content-Type": ["application/json"]},
    }


def test_errors_in_an_exception_handler_and_in_serialization_propagate_naming_the_route() -> None:
    app = APIGatewayRestResolver(debug=False)

    @app.exception_handler(KeyError)
    def broken_handler(exc: KeyError) -> None:
        raise ValueError("handler broke")

    @app.get("/lookup")
    def lookup() -> None:
        raise KeyError("x")

    @app.get("/unserializable")
    def unserializable() -> dict[str, object]:
        return {"value": object()}

    with pytest.raises(ValueError, match="handler broke") as in_handler:
        app.resolve(rest_event("/lookup"), None)
    with pytest.raises(TypeError, match="not JSON serializable") as in_serializer:
        app.resolve(rest_event("/unserializable"), None)
    if sys.version_info >= (3, 11):
        assert in_handler.value.__notes__ == ["raised by route GET /lookup in its exception handler"]
        assert in_serializer.value.__notes__ == ["raised by route GET /unserializable while serializing its response"]


def test_debug_mode_returns_the_traceback_and_prints_a_redacted_event_on_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POWERTOOLS_EVENT_HANDLER_DEBUG", "true")
    app = APIGatewayRestResolver()

    @app.get("/crash")
    def crash() -> None:
        raise RuntimeError("kaboom")

    event = rest_event("/crash")
    event["headers"] = {"Authorization": "Bearer token-value", "Accept": "*/*"}
    event["multiValueHeaders"] = {"X-API-Key": ["key-value"]}
    event["requestContext"] = {"identity": {"apiKey": "identity-key"}, "authorizer": {"authorization": "nested"}}
    result = app.resolve(event, None)

    assert result["statusCode"] == 500
    assert result["multiValueHeaders"] == {"Content-Type": ["text/plain"]}
    assert result["body"].startswith("Traceback (most recent call last):")
    assert result["body"].rstrip().endswith("RuntimeError: kaboom")
    printed = capsys.readouterr().out
    # One line: CloudWatch makes every printed line its own log event.
    assert printed.count("\n") == 1
    logged = json.loads(printed)
    assert logged["path"] == "/crash"
    assert logged["headers"] == {"Authorization": "*****", "Accept": "*/*"}
    assert logged["multiValueHeaders"] == {"X-API-Key": "*****"}
    assert logged["requestContext"] == {"identity": {"apiKey": "*****"}, "authorizer": {"authorization": "*****"}}


def test_powertools_dev_turns_debug_on_and_explicit_false_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    from powertools.common import config

    monkeypatch.setattr(config, "_dev_warning_shown", False)  # the warning is shown once per process
    monkeypatch.setenv("POWERTOOLS_DEV", "1")
    with pytest.warns(UserWarning, match="POWERTOOLS_DEV"):
        assert APIGatewayRestResolver()._debug is True
    assert APIGatewayRestResolver(debug=False)._debug is False


@pytest.mark.parametrize(
    ("body", "b64", "message"),
    [
        ("{not json", False, "body is not valid JSON: Expecting property name enclosed in double quotes at position 1"),
        ("***", True, "body is not valid base64"),
        ("//79", True, "body is base64 of bytes that are not UTF-8 text"),
    ],
)
def test_malformed_body_is_a_400_naming_the_problem(body: str, b64: bool, message: str) -> None:
    app = APIGatewayRestResolver()
    app.post("/todos")(lambda: {"got": app.current_event.json_body})

    result = app.resolve(rest_event("/todos", "POST", body, b64), None)

    assert result["statusCode"] == 400
    assert json.loads(result["body"])["message"].startswith(message)


@pytest.mark.parametrize(
    ("resolver", "event", "field"),
    [
        (APIGatewayRestResolver, {"path": "/x", "headers": {}}, "httpMethod"),
        (APIGatewayRestResolver, {"httpMethod": "GET", "headers": {}}, "path"),
        (APIGatewayHttpResolver, {"rawPath": "/x"}, "requestContext.http.method"),
        (APIGatewayHttpResolver, {"requestContext": {"http": {"method": "GET"}}}, "rawPath"),
    ],
)
def test_event_missing_required_fields_raises_a_typed_error(resolver: Any, event: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidEventError, match=field.replace(".", r"\.")) as raised:
        resolver().resolve(event, None)
    assert raised.value.field == field


@pytest.mark.parametrize("resolver", [APIGatewayHttpResolver, LambdaFunctionUrlResolver])
@pytest.mark.parametrize("stage", ["prod", "$default"])
@pytest.mark.parametrize("raw_path", [None, 7, ["/orders"]])
def test_non_string_raw_path_raises_a_typed_error_naming_it(resolver: Any, stage: str, raw_path: Any) -> None:
    event = {"rawPath": raw_path, "requestContext": {"http": {"method": "GET"}, "stage": stage}}
    with pytest.raises(InvalidEventError, match="rawPath") as raised:
        resolver().resolve(event, None)
    assert raised.value.field == "rawPath"


def test_event_that_is_not_an_object_raises_a_typed_error() -> None:
    with pytest.raises(InvalidEventError, match="expects the event as a JSON object"):
        APIGatewayRestResolver().resolve(["not", "an", "event"], None)  # type: ignore[arg-type]


def test_absurd_headers_get_a_431_without_running_the_route() -> None:
    app = APIGatewayRestResolver()
    ran: list[bool] = []
    app.get("/")(lambda: ran.append(True) or {})
    event = rest_event("/")
    event["headers"] = {"X-Padding": "a" * 70_000}

    result = app.resolve(event, None)

    assert result["statusCode"] == 431
    assert json.loads(result["body"])["message"].startswith("Request headers too large: 70009 bytes")
    assert ran == []


def test_a_header_repeated_in_multi_value_headers_counts_toward_the_bound() -> None:
    app = APIGatewayRestResolver()
    ran: list[bool] = []
    app.get("/")(lambda: ran.append(True) or {})
    event = rest_event("/")
    # The single-value map holds only the last value; the repeats are in multiValueHeaders.
    event["headers"] = {"X-Tag": "t" * 100}
    event["multiValueHeaders"] = {"X-Tag": ["t" * 100] * 1_000}

    result = app.resolve(event, None)

    assert result["statusCode"] == 431
    assert json.loads(result["body"])["message"].startswith("Request headers too large: 100005 bytes")
    assert ran == []
    event["multiValueHeaders"] = {"X-Tag": ["t" * 100] * 10}  # both maps of an ordinary request: fine
    assert app.resolve(event, None)["statusCode"] == 200


def test_response_validation_codes_need_validation_enabled() -> None:
    with pytest.raises(ValueError, match="'response_validation_error_http_code' cannot be set when enable_validation"):
        APIGatewayRestResolver(response_validation_error_http_code=500)
    with pytest.raises(ValueError, match="'custom_response_validation_http_code' cannot be set for route"):
        APIGatewayRestResolver().get("/x", custom_response_validation_http_code=500)
    with pytest.raises(ValueError, match="'999' must be an integer representing an HTTP status code"):
        APIGatewayRestResolver(enable_validation=True, response_validation_error_http_code=999)


def test_deeply_nested_json_body_is_a_400_not_a_crash() -> None:
    app = APIGatewayRestResolver()
    app.post("/todos")(lambda: {"got": app.current_event.json_body})
    event = {"httpMethod": "POST", "path": "/todos", "body": "[" * 100_000 + "]" * 100_000, "headers": {}}

    result = app.resolve(event, None)

    assert result["statusCode"] == 400
    assert "nested too deeply" in result["body"]
