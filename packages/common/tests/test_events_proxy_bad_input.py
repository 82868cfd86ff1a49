"""Malformed HTTP events raise InvalidEventError naming the field, never KeyError."""

from __future__ import annotations

import pytest

from powertools.common.events.alb import ALBEvent
from powertools.common.events.api_gateway import APIGatewayProxyEvent, APIGatewayProxyEventV2
from powertools.common.events.vpc_lattice import VPCLatticeEvent, VPCLatticeEventV2
from powertools.common.exceptions import InvalidEventError


@pytest.mark.parametrize(
    ("event", "attribute", "field"),
    [
        (APIGatewayProxyEvent({}), "http_method", "httpMethod"),
        (APIGatewayProxyEvent({}), "path", "path"),
        (APIGatewayProxyEvent({}), "request_context", "requestContext"),
        (APIGatewayProxyEventV2({}), "http_method", "requestContext.http.method"),
        (APIGatewayProxyEventV2({"requestContext": {"http": "GET"}}), "http_method", "requestContext.http.method"),
        (APIGatewayProxyEventV2({}), "raw_path", "rawPath"),
        (ALBEvent({}), "request_context", "requestContext"),
        (VPCLatticeEvent({}), "path", "raw_path"),
        (VPCLatticeEventV2({}), "http_method", "method"),
    ],
)
def test_missing_required_field(event: object, attribute: str, field: str) -> None:
    with pytest.raises(InvalidEventError) as raised:
        getattr(event, attribute)
    assert raised.value.field == field
    assert field in str(raised.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"body": "{", "isBase64Encoded": False}, "body is not valid JSON"),
        ({"body": "%%%", "isBase64Encoded": True}, "body is not valid base64"),
        ({"body": "//79", "isBase64Encoded": True}, "not UTF-8 text"),
    ],
)
def test_bad_body(raw: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidEventError, match=message):
        _ = APIGatewayProxyEvent(raw).json_body


def test_empty_sections_read_as_empty() -> None:
    event = APIGatewayProxyEvent({"headers": None, "queryStringParameters": None, "body": ""})

    assert event.headers == {}
    assert event.query_string_parameters == {}
    assert event.resolved_query_string_parameters == {}
    assert event.get_header_value("x", "default") == "default"
    assert event.json_body is None
    assert event.resolved_cookies_field == {}


def test_non_utf8_body_is_also_upstreams_unicode_decode_error() -> None:
    """Code written for upstream catches UnicodeDecodeError (or ValueError); both still work."""
    event = APIGatewayProxyEvent({"body": "//79", "isBase64Encoded": True})

    with pytest.raises(UnicodeDecodeError) as raised:
        _ = event.decoded_body
    assert isinstance(raised.value, InvalidEventError)
    assert isinstance(raised.value, ValueError)
    assert raised.value.field == "body"
    assert str(raised.value) == "body is base64 of bytes that are not UTF-8 text"
    assert (raised.value.encoding, raised.value.object) == ("utf-8", b"\xff\xfe\xfd")


@pytest.mark.parametrize("raw_path", [None, 7, ["/orders"], {"p": "/orders"}])
@pytest.mark.parametrize("stage", ["prod", "$default", None])
def test_v2_path_with_a_non_string_raw_path_names_it(raw_path: object, stage: object) -> None:
    event = APIGatewayProxyEventV2({"rawPath": raw_path, "requestContext": {"stage": stage}})
    with pytest.raises(InvalidEventError, match="rawPath") as raised:
        _ = event.path
    assert raised.value.field == "rawPath"


def test_v2_path_strips_a_named_stage() -> None:
    assert APIGatewayProxyEventV2({"rawPath": "/prod/orders", "requestContext": {"stage": "prod"}}).path == "/orders"
    assert APIGatewayProxyEventV2({"rawPath": "/prod", "requestContext": {"stage": "prod"}}).path == "/"
    assert APIGatewayProxyEventV2({"rawPath": "/orders", "requestContext": {"stage": "$default"}}).path == "/orders"


@pytest.mark.parametrize("cognito", [True, "id", ["amr"], 7, None])
def test_v2_iam_cognito_identity_not_an_object_reads_as_absent(cognito: object) -> None:
    event = APIGatewayProxyEventV2(
        {"requestContext": {"authorizer": {"iam": {"accessKey": "AKIA", "cognitoIdentity": cognito}}}}
    )
    iam = event.request_context.authorizer.iam

    assert iam.cognito_amr == []
    assert iam.cognito_identity_id == ""
    assert iam.cognito_identity_pool_id == ""
    assert iam.access_key == "AKIA"


def test_v2_iam_cognito_identity_object_is_read() -> None:
    cognito = {"amr": ["authenticated"], "identityId": "us-east-1:id", "identityPoolId": "us-east-1:pool"}
    iam = APIGatewayProxyEventV2(
        {"requestContext": {"authorizer": {"iam": {"cognitoIdentity": cognito}}}}
    ).request_context.authorizer.iam

    assert (iam.cognito_amr, iam.cognito_identity_id, iam.cognito_identity_pool_id) == (
        ["authenticated"],
        "us-east-1:id",
        "us-east-1:pool",
    )
