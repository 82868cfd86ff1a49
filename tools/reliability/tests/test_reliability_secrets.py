"""Secrets: nothing sensitive leaves through logs, error messages or HTTP responses.

- A handler with the powertools Logger at DEBUG (``log_event=True``, ``POWERTOOLS_DEBUG=1``)
  reads a secret and a SecureString (moto), succeeding and failing (transform errors, missing
  names), and logs each failure with ``logger.exception``: the value appears in no log line of
  the Logger, no record of a ``powertools.*`` logger, nothing on stdout/stderr and no traceback.
- The REST resolver outside debug mode never returns a traceback or exception text, whatever a
  route, middleware, exception handler or serializer raises (it re-raises, as upstream, or
  answers with its fixed bodies); in debug mode the traceback is returned (documented).
- CORS: with ``allow_credentials=True`` a response never carries ``Access-Control-Allow-Origin: *``
  together with ``Access-Control-Allow-Credentials``, and an origin not allowed is never reflected.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from hypothesis import given
from hypothesis import strategies as st

import powertools.common.debug as common_debug
from powertools.common.typing import LocalLambdaContext
from powertools.event_handler import APIGatewayRestResolver, CORSConfig, Response
from powertools.logger import Logger
from tools.reliability.ledger import LEDGER
from tools.reliability.strategies import SETTINGS

SECRET = "Narwhal-Topaz-5520-secret"


@pytest.fixture
def debug_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """POWERTOOLS_DEBUG=1 as at a cold start: the debug handler is attached afresh."""
    monkeypatch.setenv("POWERTOOLS_DEBUG", "1")
    root = logging.getLogger("powertools")
    handlers, level = list(root.handlers), root.level
    monkeypatch.setattr(common_debug, "_debug_on", False)
    common_debug.enable_debug_from_env()
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_secrets_never_reach_logs_or_errors(
    aws: Any, debug_on: None, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    from powertools.parameters import get_parameter, get_secret

    target = "parameters via Logger at DEBUG, POWERTOOLS_DEBUG=1, logger.exception"
    claim = "secret value in no log line, debug record, stdout/stderr or traceback"
    boto3.client("secretsmanager").create_secret(Name="reliability-db", SecretString=SECRET)
    boto3.client("ssm").put_parameter(Name="/reliability/key", Value=SECRET, Type="SecureString")
    caplog.set_level(logging.DEBUG, logger="powertools")
    stream = io.StringIO()
    logger = Logger(service="payments", level="DEBUG", stream=stream)
    reads: list[Callable[[], Any]] = [
        lambda: get_secret("reliability-db"),
        lambda: get_secret("reliability-db", transform="json", force_fetch=True),
        lambda: get_secret("reliability-db", transform="binary", force_fetch=True),
        lambda: get_parameter("/reliability/key", decrypt=True),
        lambda: get_parameter("/reliability/key", decrypt=True, transform="json", force_fetch=True),
        lambda: get_parameter("/reliability/missing", decrypt=True),
        lambda: get_secret("reliability-missing"),
    ]
    tracebacks: list[str] = []

    @logger.inject_lambda_context(log_event=True)
    def handler(event: dict[str, Any], context: Any) -> str:
        read = reads[event["step"]]
        try:
            value = read()
        except Exception as exc:
            tracebacks.append("".join(traceback.format_exception(exc)))
            logger.exception("reading the configuration failed")
            return "failed"
        logger.debug("configuration read", extra={"kind": type(value).__name__})
        return "read"

    outcomes = [handler({"step": step}, LocalLambdaContext()) for step in range(len(reads))]
    LEDGER.invocation("secrets", target, claim, len(reads))
    assert outcomes == ["read", "failed", "failed", "read", "failed", "failed", "failed"]
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["message"] for line in lines if line["level"] == "ERROR"] == ["reading the configuration failed"] * 5
    assert all("exception" in line for line in lines if line["level"] == "ERROR")
    output = capfd.readouterr()
    assert "Fetching" in output.err  # the debug log is on and written
    ours = [record for record in caplog.records if record.name.startswith("powertools")]
    assert ours
    for text in [stream.getvalue(), output.out, output.err, *tracebacks, *(r.getMessage() for r in ours)]:
        LEDGER.case("secrets", target, claim)
        assert SECRET not in text


# --- the REST resolver never returns exception text outside debug mode --------------------------


class Unserializable:
    def __repr__(self) -> str:
        return f"Unserializable({SECRET})"


def build_app(debug: bool, failure: str, message: str) -> APIGatewayRestResolver:
    app = APIGatewayRestResolver(debug=debug)
    errors: dict[str, BaseException] = {
        "KeyError": KeyError(message),
        "ValueError": ValueError(message),
        "RuntimeError": RuntimeError(message),
        "ZeroDivisionError": ZeroDivisionError(message),
        "custom": type("PaymentDeclined", (Exception,), {})(message),
    }

    if failure == "middleware":

        def middleware(app: Any, next_middleware: Any) -> Any:
            raise RuntimeError(message)

        app.use([middleware])

    if failure == "exception handler":

        @app.exception_handler(LookupError)
        def broken_handler(exc: Exception) -> Response:
            raise RuntimeError(f"{message} while handling {exc}")

    @app.get("/pay")
    def pay() -> Any:
        if failure == "serializer":
            return {"card": Unserializable()}
        if failure in ("exception handler", "middleware"):
            raise LookupError(message)
        raise errors[failure]

    return app


def pay_event() -> dict[str, Any]:
    return {
        "resource": "/pay",
        "path": "/pay",
        "httpMethod": "GET",
        "headers": {},
        "multiValueHeaders": {},
        "requestContext": {"requestId": "r", "stage": "prod"},
        "body": None,
        "isBase64Encoded": False,
    }


def response_headers(response: dict[str, Any]) -> dict[str, str]:
    single = response.get("headers") or {}
    multi = {name: values[-1] for name, values in (response.get("multiValueHeaders") or {}).items()}
    return {**single, **multi}


FAILURES = ["KeyError", "ValueError", "RuntimeError", "ZeroDivisionError", "custom", "middleware",
            "exception handler", "serializer"]  # fmt: skip


@SETTINGS
@given(failure=st.sampled_from(FAILURES), noise=st.text(max_size=30))
def test_rest_resolver_returns_no_exception_text_outside_debug(failure: str, noise: str) -> None:
    target = "REST resolver: errors in route, middleware, exception handler, serializer"
    claim = "outside debug: re-raised or a fixed body, never exception text or a traceback"
    message = f"{SECRET} {noise}"
    LEDGER.case("secrets", target, claim)
    app = build_app(debug=False, failure=failure, message=message)
    try:
        response = app.resolve(pay_event(), LocalLambdaContext())
    except Exception:
        return  # Lambda reports the error; API Gateway answers the client with its own 502
    text = json.dumps(response)
    assert SECRET not in text
    assert "Traceback" not in text


@pytest.mark.parametrize("failure", FAILURES[:6])  # raised in the route or a middleware
def test_rest_resolver_returns_the_traceback_in_debug_mode(failure: str) -> None:
    app = build_app(debug=True, failure=failure, message=SECRET)
    response = app.resolve(pay_event(), LocalLambdaContext())
    LEDGER.case("secrets", "REST resolver debug mode", "debug=True: a 500 with the traceback (documented)")
    assert response["statusCode"] == 500
    assert response_headers(response)["Content-Type"] == "text/plain"
    assert response["body"].startswith("Traceback (most recent call last):")


# --- CORS with credentials -------------------------------------------------------------------------

ORIGINS = st.one_of(
    st.sampled_from(["*", "null", "https://shop.example", "https://evil.example", "https://shop.example.evil", ""]),
    st.text(max_size=30),
)


@SETTINGS
@given(
    allow=st.sampled_from(["*", "https://shop.example"]),
    extra=st.lists(st.sampled_from(["https://admin.example", "*"]), max_size=2),
    origin=ORIGINS,
    method=st.sampled_from(["GET", "OPTIONS"]),
)
def test_cors_never_allows_any_origin_with_credentials(allow: str, extra: list[str], origin: str, method: str) -> None:
    target = "CORS with allow_credentials=True (fuzzed origins, preflight too)"
    claim = "never '*' with credentials; a disallowed origin is never reflected"
    LEDGER.case("secrets", target, claim)
    cors = CORSConfig(allow_origin=allow, extra_origins=extra, allow_credentials=True)
    app = APIGatewayRestResolver(cors=cors)

    @app.get("/account")
    def account() -> dict[str, str]:
        return {"balance": "10"}

    event = pay_event() | {"resource": "/account", "path": "/account", "httpMethod": method}
    event["headers"] = {"Origin": origin}
    event["multiValueHeaders"] = {"Origin": [origin]}
    response = app.resolve(event, LocalLambdaContext())
    headers = response_headers(response)
    allowed_origin = headers.get("Access-Control-Allow-Origin")
    credentials = headers.get("Access-Control-Allow-Credentials")
    if credentials is not None:
        assert allowed_origin not in (None, "*")
    if allowed_origin is not None and allowed_origin != "*":
        assert allowed_origin == origin
        assert origin in (allow, *extra)


# --- debug mode prints the event, credentials masked ------------------------------------------------

SECRET_HEADERS = ["Authorization", "Cookie", "X-Api-Key", "X-Amz-Security-Token", "Proxy-Authorization"]


@SETTINGS
@given(
    header=st.sampled_from(SECRET_HEADERS),
    casing=st.sampled_from([str.lower, str.upper, str.title, lambda s: s]),
    shape=st.sampled_from(["rest", "http", "nested authorizer"]),
)
def test_debug_event_output_masks_credentials(header: str, casing: Any, shape: str) -> None:
    from powertools.event_handler import APIGatewayHttpResolver

    target = "REST/HTTP resolver debug output of the event (fuzzed header casing, cookies, apiKey)"
    claim = "credential headers, cookies and apiKey printed as *****"
    LEDGER.case("secrets", target, claim)
    name = casing(header)
    if shape == "http":
        app: Any = APIGatewayHttpResolver(debug=True)
        event: dict[str, Any] = {
            "version": "2.0",
            "routeKey": "GET /pay",
            "rawPath": "/pay",
            "rawQueryString": "",
            "cookies": [f"session={SECRET}"],
            "headers": {name: SECRET},
            "requestContext": {"http": {"method": "GET", "path": "/pay"}, "stage": "$default", "requestId": "r"},
            "isBase64Encoded": False,
        }
    else:
        app = APIGatewayRestResolver(debug=True)
        event = pay_event()
        event["headers"] = {name: SECRET}
        event["multiValueHeaders"] = {name: [SECRET]}
        event["requestContext"]["identity"] = {"apiKey": SECRET}
        if shape == "nested authorizer":
            event["requestContext"]["authorizer"] = {"claims": {name: SECRET}}

    @app.get("/pay")
    def pay() -> dict[str, str]:
        return {"ok": "yes"}

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        response = app.resolve(event, LocalLambdaContext())
    assert response["statusCode"] == 200
    assert "*****" in printed.getvalue()  # the event was printed, masked
    assert SECRET not in printed.getvalue()


@SETTINGS
@given(path=st.text(min_size=1, max_size=60), method=st.sampled_from(["GET", "POST", "DELETE", "PATCH"]))
def test_unmatched_requests_do_not_echo_the_request(path: str, method: str) -> None:
    target = "REST resolver 404/405 answers (fuzzed paths and methods)"
    claim = "a fixed body: the request path is never echoed back"
    LEDGER.case("secrets", target, claim)
    app = APIGatewayRestResolver()

    @app.get("/pay")
    def pay() -> dict[str, str]:
        return {"ok": "yes"}

    marker = f"/{SECRET}/{path}"
    event = pay_event() | {"path": marker, "resource": marker, "httpMethod": method}
    response = app.resolve(event, LocalLambdaContext())
    assert response["statusCode"] in (404, 405)
    assert SECRET not in json.dumps(response)
