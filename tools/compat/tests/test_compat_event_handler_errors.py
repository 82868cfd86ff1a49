"""Event handler: unhandled errors, debug output, strip_prefixes and warnings behave as upstream."""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

import pytest

from powertools_testing.events import load_event
from tools.compat.harness import FLAVOURS, Flavour, SimpleLambdaContext


def crashing_app(pt: Flavour, **options: Any) -> Any:
    app = pt.event_handler.APIGatewayRestResolver(**options)

    @app.get("/crash")
    def crash() -> None:
        raise RuntimeError("database down")

    return app


def crash_event() -> dict[str, Any]:
    event = load_event("apigw_rest")
    event["path"] = "/crash"
    event["httpMethod"] = "GET"
    return event


def test_unhandled_exception_propagates_out_of_resolve() -> None:
    for flavour in FLAVOURS:
        with pytest.raises(RuntimeError, match="database down"):
            crashing_app(flavour, debug=False).resolve(crash_event(), SimpleLambdaContext())


def test_exception_handler_for_exception_gives_the_same_json_500() -> None:
    responses = {}
    for flavour in FLAVOURS:
        eh = flavour.event_handler
        app = crashing_app(flavour, debug=False)

        @app.exception_handler(Exception)
        def internal_error(exc: Exception, eh: Any = eh) -> Any:
            return eh.Response(500, eh.content_types.APPLICATION_JSON, {"statusCode": 500, "message": "oops"})

        responses[flavour.name] = app.resolve(crash_event(), SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]
    assert responses["ours"]["statusCode"] == 500


def test_debug_output_is_one_json_line(capsys: pytest.CaptureFixture[str]) -> None:
    printed = {}
    for flavour in FLAVOURS:
        app = crashing_app(flavour, debug=True)
        event = crash_event()
        event["path"] = "/nowhere"
        app.resolve(event, SimpleLambdaContext())
        printed[flavour.name] = capsys.readouterr().out
    # The event is the first printed line, whole (upstream goes on to print middleware frames).
    upstream, ours = (json.loads(printed[name].split("\n", 1)[0]) for name in ("upstream", "ours"))
    # Documented difference: ours masks credentials; everything else is the same event.
    assert ours["requestContext"]["identity"]["apiKey"] == "*****"
    assert ours["headers"].keys() == upstream["headers"].keys()
    for key in ("path", "httpMethod", "queryStringParameters", "pathParameters", "body"):
        assert ours[key] == upstream[key]


def test_strip_prefixes_skips_entries_that_are_neither_str_nor_regex() -> None:
    responses = {}
    for flavour in FLAVOURS:
        app = flavour.event_handler.APIGatewayRestResolver(strip_prefixes=[42, re.compile(r"^/v\d+"), "/api"])

        @app.get("/items")
        def items() -> dict[str, str]:
            return {"ok": "yes"}

        event = crash_event()
        event["path"] = "/v2/items"
        responses[flavour.name] = app.resolve(event, SimpleLambdaContext())
    assert responses["ours"] == responses["upstream"]
    assert responses["ours"]["statusCode"] == 200


def test_duplicate_route_and_data_class_event_warn_with_upstreams_text() -> None:
    messages = {}
    for flavour in FLAVOURS:
        app = flavour.event_handler.APIGatewayRestResolver()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")

            @app.get("/items")
            def first() -> str:
                return "1"

            @app.get("/items")
            def second() -> str:
                return "2"

            wrapped = flavour.data_classes.APIGatewayProxyEvent(crash_event())
            app.resolve(wrapped, SimpleLambdaContext())  # 404: no /crash route here
        messages[flavour.name] = [str(w.message) for w in caught]
    assert messages["ours"] == messages["upstream"]
    assert len(messages["ours"]) == 2
