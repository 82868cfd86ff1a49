"""The HTTP event shapes in powertools.common.events, read from the shared sample events."""

from __future__ import annotations

from typing import Any

import pytest

from powertools.common.events.alb import ALBEvent
from powertools.common.events.api_gateway import APIGatewayProxyEvent, APIGatewayProxyEventV2
from powertools.common.events.function_url import LambdaFunctionUrlEvent
from powertools.common.events.proxy import (
    CaseInsensitiveDict,
    HttpApiHeadersSerializer,
    MultiValueHeadersSerializer,
    SingleValueHeadersSerializer,
)
from powertools.common.events.vpc_lattice import VPCLatticeEvent, VPCLatticeEventV2
from powertools.common.exceptions import InvalidEventError


def test_rest_event(load_event: Any) -> None:
    event = APIGatewayProxyEvent(load_event("apigw_rest"))

    assert (event.http_method, event.path, event.resource) == ("GET", "/todos/1", "/todos/{id}")
    assert event.headers["x-correlation-id"] == event.get_header_value("X-CORRELATION-ID")
    assert event.get_header_value("x-correlation-id", case_sensitive=True) is None
    assert event.multi_value_headers["x-custom-tag"] == ["alpha", "beta"]
    assert event.resolved_headers_field["X-Custom-Tag"] == ["alpha", "beta"]
    assert event.get_query_string_value("include") == "comments"
    assert event.get_multi_value_query_string_values("include") == ["author", "comments"]
    assert event.get_multi_value_query_string_values("absent", ["x"]) == ["x"]
    assert event.resolved_query_string_parameters == {"include": ["author", "comments"], "format": ["full"]}
    assert event.path_parameters == {"id": "1"}
    assert event.stage_variables == {"TABLE_NAME": "todos-prod", "LOG_LEVEL": "INFO"}
    context = event.request_context
    assert (context.stage, context.path, context.identity.source_ip) == ("prod", "/prod/todos/1", "203.0.113.42")
    assert context.authorizer.claims["cognito:username"] == "jdoe"
    assert (event.body, event.decoded_body, event.json_body) == (None, None, None)
    assert isinstance(event.header_serializer(), MultiValueHeadersSerializer)


def test_rest_event_has_no_version(load_event: Any) -> None:
    # REST payloads carry no "version": None here (upstream raises KeyError), never an invented "1.0".
    assert APIGatewayProxyEvent(load_event("apigw_rest")).version is None
    assert APIGatewayProxyEvent({"version": "1.0"}).version == "1.0"


def test_rest_event_json_and_binary_bodies(load_event: Any) -> None:
    posted = APIGatewayProxyEvent(load_event("apigw_rest_post_json"))
    binary = APIGatewayProxyEvent(load_event("apigw_rest_binary"))

    assert posted.json_body == {"title": "Buy milk", "completed": False, "priority": 2, "tags": ["groceries", "home"]}
    assert posted.json_body is posted.json_body  # parsed once
    assert binary.is_base64_encoded is True
    with pytest.raises(InvalidEventError, match="not UTF-8") as raised:
        _ = binary.decoded_body  # a PNG is not text
    assert raised.value.field == "body"


def test_http_api_event(load_event: Any) -> None:
    event = APIGatewayProxyEventV2(load_event("apigw_http"))

    assert (event.http_method, event.path, event.raw_path, event.route_key) == (
        "GET",
        "/todos/1",
        "/todos/1",
        "GET /todos/{id}",
    )
    assert event.cookies == ["theme=dark", "session_id=3b5d7f9a1c2e"]
    assert event.resolved_cookies_field == {"theme": "dark", "session_id": "3b5d7f9a1c2e"}
    assert event.resolved_headers_field["x-custom-tag"] == ["alpha", "beta"]
    assert event.get_multi_value_query_string_values("include") == ["author", "comments"]
    assert event.request_context.authorizer.jwt_scopes == ["todos/read", "todos/write"]
    assert event.request_context.http.source_ip == "203.0.113.42"
    assert isinstance(event.header_serializer(), HttpApiHeadersSerializer)


def test_function_url_event(load_event: Any) -> None:
    event = LambdaFunctionUrlEvent(load_event("function_url"))

    assert (event.http_method, event.path) == ("POST", "/webhooks/stripe")
    assert event.json_body == {"event": "signup", "plan": "pro"}
    assert event.path_parameters == {}
    assert event.stage_variables == {}


def test_alb_events(load_event: Any) -> None:
    single = ALBEvent(load_event("alb"))
    multi = ALBEvent(load_event("alb_multi_value"))

    assert single.request_context.elb_target_group_arn.startswith("arn:aws:elasticloadbalancing:us-east-1")
    assert single.resolved_query_string_parameters["q"] == ["buy%20milk"]
    single.decode_query_parameters = True
    assert single.resolved_query_string_parameters["q"] == ["buy milk"]
    assert single.resolved_cookies_field == {"theme": "dark", "session_id": "3b5d7f9a1c2e"}
    assert isinstance(single.header_serializer(), SingleValueHeadersSerializer)
    assert multi.decoded_body == "title=Buy+milk&tags=groceries&tags=home"
    assert multi.resolved_headers_field["X-Custom-Tag"] == ["alpha", "beta"]
    assert multi.resolved_cookies_field == {"theme": "dark", "session_id": "3b5d7f9a1c2e"}
    assert isinstance(multi.header_serializer(), MultiValueHeadersSerializer)


def test_vpc_lattice_events(load_event: Any) -> None:
    v1 = VPCLatticeEvent(load_event("vpc_lattice_v1"))
    v2 = VPCLatticeEventV2(load_event("vpc_lattice_v2"))

    assert (v1.http_method, v1.method, v1.path, v1.is_base64_encoded) == ("POST", "POST", "/todos", True)
    assert v1.json_body == {"title": "Buy milk", "completed": False}
    assert v1.get_query_string_value("notify") == "true"
    assert (v2.http_method, v2.path, v2.version) == ("POST", "/todos", "2.0")
    # v2 header values stay the lists Lattice sends (as upstream); look-ups ignore case.
    assert v2.headers["X-Custom-Tag"] == ["alpha", "beta"]
    assert v2.get_header_value("x-custom-tag") == ["alpha", "beta"]
    assert v2.get_header_value("X-Custom-Tag", case_sensitive=True) is None
    assert v2.get_header_value("missing", "fallback") == "fallback"
    assert v2.resolved_headers_field["x-custom-tag"] == ["alpha", "beta"]
    assert v2.query_string_parameters == {"notify": "true", "tag": "groceries,home"}
    assert v2.get_multi_value_query_string_values("tag") == ["groceries", "home"]
    assert v2.request_context.identity.principal_org_id == "o-a1b2c3d4e5"
    assert v2.request_context.time_epoch == "1715681730123456"  # as sent, as upstream returns it


def test_v1_lattice_raw_path_keeps_query_but_path_drops_it(load_event: Any) -> None:
    raw = load_event("vpc_lattice_v1")
    raw["raw_path"] = "/todos?notify=true"
    event = VPCLatticeEvent(raw)

    assert (event.raw_path, event.path) == ("/todos?notify=true", "/todos")


def test_case_insensitive_dict_behaves_like_a_dict() -> None:
    headers = CaseInsensitiveDict({"Content-Type": "text/plain"})
    headers["X-One"] = "1"

    assert headers["content-type"] == headers.get("CONTENT-TYPE") == "text/plain"
    assert "x-ONE" in headers
    assert headers == {"content-type": "text/plain", "x-one": "1"}
    assert headers == {"CONTENT-TYPE": "text/plain", "X-ONE": "1"}
    assert dict(headers) == {"content-type": "text/plain", "x-one": "1"}
    assert headers.pop("X-ONE") == "1"
