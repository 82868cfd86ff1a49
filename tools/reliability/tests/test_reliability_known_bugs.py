"""Library bugs the fuzz found, each pinned with its smallest reproducer as a strict xfail while open.

Fixed ones keep their reproducer as a plain passing test (``PARSER_BUGS``).

Each test states the documented behaviour (pydantic's ``ValidationError`` from the parser; a typed
``InvalidEventError`` or ``ResolverNotFoundError`` from the AppSync resolver). When a bug is fixed
its test passes, strict xfail fails the run, and the marker (and its entry in
``tools/reliability/known_bugs.py``) comes off; the test stays as a plain regression test.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from powertools.common.exceptions import InvalidEventError
from powertools.event_handler import AppSyncResolver, ResolverNotFoundError
from powertools.parser import envelopes, models, parse
from powertools_testing.events import load_event
from tools.reliability.ledger import LEDGER

CLAIM = "a typed error (ValidationError / InvalidEventError), not a bare TypeError/AttributeError"


def _kafka_header_with_none() -> Any:
    event = load_event("kafka_self_managed")
    record = next(iter(event["records"].values()))[0]
    event["records"] = {"orders-0": [{**record, "headers": [{"contentType": [97, None]}]}]}
    return parse(event, models.KafkaSelfManagedEventModel)


def _kafka_envelope_header_with_none() -> Any:
    event = load_event("kafka_msk")
    record = next(iter(event["records"].values()))[0]
    event["records"] = {"orders-0": [{**record, "headers": [{"contentType": [None]}]}]}
    return parse(event, dict, envelopes.KafkaEnvelope)


def _lattice_v2_time_epoch_none() -> Any:
    event = load_event("vpc_lattice_v2")
    event["requestContext"]["timeEpoch"] = None
    return parse(event, models.VpcLatticeV2Model)


def _s3_object_not_an_object() -> Any:
    event = load_event("s3_notification")
    event["Records"][0]["s3"]["object"] = 1
    return parse(event, models.S3Model)


def _dynamodb_list_attribute_not_a_list() -> Any:
    event = load_event("dynamodb_stream")
    event["Records"][0]["dynamodb"]["Keys"] = {"pk": {"L": 5}}
    return parse(event, models.DynamoDBStreamModel)


def _dynamodb_number_not_a_number() -> Any:
    event = load_event("dynamodb_stream")
    event["Records"][0]["dynamodb"]["Keys"] = {"pk": {"N": "abc"}}
    return parse(event, models.DynamoDBStreamModel)


def _dynamodb_number_none() -> Any:
    event = load_event("dynamodb_stream")
    event["Records"][0]["dynamodb"]["Keys"] = {"pk": {"N": None}}
    return parse(event, dict, envelopes.DynamoDBStreamEnvelope)


def _dynamodb_string_set_of_objects() -> Any:
    event = load_event("dynamodb_stream")
    event["Records"][0]["dynamodb"]["Keys"] = {"pk": {"SS": [{}]}}
    return parse(event, models.DynamoDBStreamModel)


PARSER_BUGS: dict[str, Callable[[], Any]] = {
    "KafkaSelfManagedEventModel: header byte None -> TypeError": _kafka_header_with_none,
    "KafkaEnvelope: header byte None -> TypeError": _kafka_envelope_header_with_none,
    "VpcLatticeV2Model: requestContext.timeEpoch None -> TypeError": _lattice_v2_time_epoch_none,
    "S3Model: s3.object not an object -> AttributeError": _s3_object_not_an_object,
    "DynamoDBStreamModel: {'L': 5} -> TypeError": _dynamodb_list_attribute_not_a_list,
    "DynamoDBStreamModel: {'N': 'abc'} -> decimal.InvalidOperation": _dynamodb_number_not_a_number,
    "DynamoDBStreamEnvelope: {'N': None} -> TypeError": _dynamodb_number_none,
    "DynamoDBStreamModel: {'SS': [{}]} -> TypeError": _dynamodb_string_set_of_objects,
}


# Fixed: each validator now raises ValueError (or leaves the value to its field type), so pydantic
# reports a ValidationError; the reproducers stay as regression tests.
@pytest.mark.parametrize("name", sorted(PARSER_BUGS))
def test_parser_wrong_typed_field_is_a_validation_error(name: str) -> None:
    LEDGER.case("fuzz", f"parser known bug: {name}", "ValidationError, not a bare TypeError/AttributeError")
    with pytest.raises(ValidationError):
        PARSER_BUGS[name]()


@pytest.mark.parametrize("batch", [False, True], ids=["single", "batch"])
def test_appsync_parent_type_name_not_a_string(batch: bool) -> None:
    LEDGER.case(
        "fuzz",
        "event-handler AppSyncResolver fixed bug: info.parentTypeName a list/object (was TypeError)",
        "InvalidAppSyncEventError or ResolverNotFoundError, not a bare TypeError",
    )
    app = AppSyncResolver()

    @app.resolver(field_name="getTodo")
    def get_todo(**arguments: Any) -> str:
        return "todo"

    @app.batch_resolver(field_name="getTodo")
    def get_todos(event: list[Any]) -> list[str]:
        return ["todo" for _ in event]

    event = {"info": {"fieldName": "getTodo", "parentTypeName": []}, "arguments": {}}
    with pytest.raises((InvalidEventError, ResolverNotFoundError)):
        app.resolve([event] if batch else event, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw_path", [None, 7, ["/orders"]], ids=["None", "int", "list"])
@pytest.mark.parametrize("through", ["APIGatewayHttpResolver", "LambdaFunctionUrlResolver", "data class .path"])
def test_http_api_raw_path_not_a_string_with_a_named_stage(through: str, raw_path: Any) -> None:
    from powertools.data_classes import APIGatewayProxyEventV2
    from powertools.event_handler import APIGatewayHttpResolver, LambdaFunctionUrlResolver

    LEDGER.case(
        "fuzz",
        "common APIGatewayProxyEventV2/LambdaFunctionUrlEvent fixed bug: non-string rawPath with a named stage "
        "(was AttributeError)",
        "InvalidEventError (resolve raises it for a non-string path), not a bare AttributeError",
    )
    event = load_event("apigw_http")
    event["rawPath"] = raw_path
    event["requestContext"]["stage"] = "prod"
    if through == "data class .path":
        with contextlib.suppress(InvalidEventError):  # a value (the property checks no types) or the typed error
            APIGatewayProxyEventV2(event).path  # noqa: B018
        return
    app = APIGatewayHttpResolver() if through == "APIGatewayHttpResolver" else LambdaFunctionUrlResolver()
    with pytest.raises(InvalidEventError):
        app.resolve(event, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("cognito", [True, "id", ["amr"]], ids=["bool", "str", "list"])
@pytest.mark.parametrize("prop", ["cognito_amr", "cognito_identity_id", "cognito_identity_pool_id"])
def test_http_api_iam_cognito_identity_not_an_object(prop: str, cognito: Any) -> None:
    from powertools.data_classes import APIGatewayProxyEventV2

    LEDGER.case(
        "fuzz",
        "common APIGatewayProxyEventV2 fixed bug: requestContext.authorizer.iam.cognitoIdentity not an object "
        "(was AttributeError)",
        "a value or InvalidEventError from cognito_amr / cognito_identity_id / cognito_identity_pool_id",
    )
    event = load_event("apigw_http_iam")
    event["requestContext"]["authorizer"] = {"iam": {"accessKey": "AKIA", "cognitoIdentity": cognito}}
    iam = APIGatewayProxyEventV2(event).request_context.authorizer.iam
    with contextlib.suppress(InvalidEventError):
        getattr(iam, prop)
