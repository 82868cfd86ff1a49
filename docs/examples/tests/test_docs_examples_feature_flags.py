"""docs/packages/feature-flags.md: the documented configuration (feature_flags/features.json)
deployed to the local AppConfigData endpoint, or stored in DynamoDB in moto, and each example's
handler evaluating it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest

EXAMPLES = Path(__file__).resolve().parent.parent


def documented_flags() -> dict[str, Any]:
    return json.loads((EXAMPLES / "feature_flags/features.json").read_text())


@pytest.fixture
def deployed(appconfig_data: Any) -> Any:
    appconfig_data.put_configuration("shop", "prod", "features", documented_flags())
    return appconfig_data


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (
            {"tier": "gold", "region": "eu-west-1", "tenant_id": 40},
            {"premium": True, "page_size": 50, "enabled": ["premium_features", "page_size", "maintenance_banner"]},
        ),
        (  # gold, but outside the rule's regions; tenant 47 is outside the 10% rollout
            {"tier": "gold", "region": "us-east-1", "tenant_id": 47},
            {"premium": False, "page_size": 20, "enabled": ["page_size", "maintenance_banner"]},
        ),
        (
            {"region": "eu-central-1", "tenant_id": 41},
            {"premium": False, "page_size": 50, "enabled": ["page_size", "maintenance_banner"]},
        ),
    ],
)
def test_appconfig_handler_evaluates_the_documented_rules(
    load_example: Any, lambda_context: Any, deployed: Any, event: dict[str, Any], expected: dict[str, Any]
) -> None:
    example = load_example("feature_flags/appconfig_handler.py")
    assert example.lambda_handler(event, lambda_context) == expected


def test_appconfig_handler_keeps_the_document_for_max_age(
    load_example: Any, lambda_context: Any, deployed: Any
) -> None:
    example = load_example("feature_flags/appconfig_handler.py")
    event = {"tier": "gold", "region": "eu-west-1", "tenant_id": 40}
    assert example.lambda_handler(event, lambda_context)["premium"] is True
    fetches = deployed.fetch_count

    changed = documented_flags()
    changed["premium_features"]["rules"] = {}
    deployed.put_configuration("shop", "prod", "features", changed)

    assert example.lambda_handler(event, lambda_context)["premium"] is True  # within max_age=60
    assert deployed.fetch_count == fetches


def test_appconfig_handler_without_a_configuration_gives_the_defaults(
    load_example: Any, lambda_context: Any, appconfig_data: Any
) -> None:
    example = load_example("feature_flags/appconfig_handler.py")
    event = {"tier": "gold", "region": "eu-west-1", "tenant_id": 40}
    assert example.lambda_handler(event, lambda_context) == {"premium": False, "page_size": 20, "enabled": []}


# The library also warns about the failed condition before calling the handler; not what this checks.
@pytest.mark.filterwarnings("ignore::powertools.common.warnings.PowertoolsUserWarning")
def test_exception_handler_turns_a_bad_context_into_a_400(
    load_example: Any, lambda_context: Any, deployed: Any
) -> None:
    example = load_example("feature_flags/exception_handler.py")

    assert example.lambda_handler({"tenant_id": 31}, lambda_context) == {"statusCode": 200, "page_size": 50}
    assert example.lambda_handler({"tenant_id": 35}, lambda_context) == {"statusCode": 200, "page_size": 20}
    assert example.lambda_handler({"tenant_id": "t-31"}, lambda_context) == {
        "statusCode": 400,
        "error": "bad feature flag context",
    }


def test_envelope_selects_the_flags_from_a_bigger_document(
    load_example: Any, lambda_context: Any, appconfig_data: Any
) -> None:
    document = {"features": documented_flags(), "limits": {"max_items": 25}}
    appconfig_data.put_configuration("shop", "prod", "config", document)
    example = load_example("feature_flags/envelope.py")

    assert example.lambda_handler({}, lambda_context) == {"banner": True}


@pytest.fixture
def flags_table(aws: Any) -> Any:
    client = boto3.client("dynamodb")
    client.create_table(
        TableName="feature-flags",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    return client


def put_flags(client: Any, flags: dict[str, Any]) -> None:
    item = {"pk": {"S": "shop"}, "document": {"S": json.dumps(flags)}}
    client.put_item(TableName="feature-flags", Item=item)


def test_dynamodb_store(load_example: Any, lambda_context: Any, flags_table: Any) -> None:
    put_flags(flags_table, documented_flags())
    example = load_example("feature_flags/dynamodb_store.py")

    assert example.lambda_handler({"tier": "gold", "region": "eu-central-1"}, lambda_context) == {"premium": True}
    assert example.lambda_handler({"tier": "silver", "region": "eu-central-1"}, lambda_context) == {"premium": False}

    store = example.flags.store
    first = store.get_configuration()
    store.max_age = 0  # read the item on every call from here on
    assert store.get_configuration() is first  # unchanged document: the same dict, compiled once

    changed = documented_flags()
    changed["premium_features"]["default"] = True
    put_flags(flags_table, changed)
    assert example.lambda_handler({"tier": "silver", "region": "eu-central-1"}, lambda_context) == {"premium": True}


def test_dynamodb_store_without_the_item_gives_the_default(
    load_example: Any, lambda_context: Any, flags_table: Any
) -> None:
    example = load_example("feature_flags/dynamodb_store.py")
    assert example.lambda_handler({"tier": "gold", "region": "eu-central-1"}, lambda_context) == {"premium": False}
