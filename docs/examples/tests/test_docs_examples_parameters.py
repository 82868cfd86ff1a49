"""docs/packages/parameters.md: each example reads (or writes) SSM, Secrets Manager and DynamoDB in
moto, AppConfig at the local AppConfigData endpoint, and the RedisProvider a real redis-server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from powertools.parameters import GetParameterError, TransformParameterError, clear_caches


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("POWERTOOLS_PARAMETERS_MAX_AGE", raising=False)
    clear_caches()  # the default providers live for the process, as in a warm Lambda
    yield
    clear_caches()


@pytest.fixture
def stores(aws: Any, appconfig_data: Any) -> Any:
    """SSM, Secrets Manager (moto) and AppConfig (local) holding the orders service's settings."""
    ssm = boto3.client("ssm")
    ssm.put_parameter(Name="/orders/endpoint", Value="https://v1.example.com", Type="String")
    ssm.put_parameter(Name="/orders/api-key", Value="k-123", Type="SecureString")
    ssm.put_parameter(Name="/orders/tuning/batch-size", Value="10", Type="String")
    ssm.put_parameter(Name="/orders/tuning/retries", Value="3", Type="String")
    ssm.put_parameter(Name="/orders/limits.json", Value='{"max_items": 25}', Type="String")
    boto3.client("secretsmanager").create_secret(
        Name="orders/db", SecretString=json.dumps({"user": "app", "password": "s3cret"})
    )
    appconfig_data.put_configuration("orders", "prod", "flags", {"express_shipping": True})
    return ssm


def test_read_values_then_serve_them_from_the_cache(load_example: Any, lambda_context: Any, stores: Any) -> None:
    example = load_example("parameters/read_values.py")
    expected = {
        "client": {"endpoint": "https://v1.example.com", "authenticated": True, "batch_size": 10},
        "db_user": "app",
        "flags": {"express_shipping": True},
    }

    assert example.lambda_handler({}, lambda_context) == expected
    stores.put_parameter(Name="/orders/endpoint", Value="https://v2.example.com", Type="String", Overwrite=True)

    assert example.lambda_handler({}, lambda_context) == expected  # a warm invocation reads the cache
    clear_caches()
    assert example.lambda_handler({}, lambda_context)["client"]["endpoint"] == "https://v2.example.com"


def test_read_values_decrypts_the_api_key(load_example: Any, lambda_context: Any, stores: Any) -> None:
    from powertools.parameters import get_parameter

    load_example("parameters/read_values.py").lambda_handler({}, lambda_context)
    assert get_parameter("/orders/api-key", decrypt=True) == "k-123"


def test_read_values_names_a_missing_parameter(load_example: Any, lambda_context: Any, stores: Any) -> None:
    example = load_example("parameters/read_values.py")
    stores.delete_parameter(Name="/orders/endpoint")

    with pytest.raises(GetParameterError, match=r"^Failed to get parameter '/orders/endpoint':"):
        example.lambda_handler({}, lambda_context)


def test_by_name_reads_and_transforms(load_example: Any, lambda_context: Any, stores: Any) -> None:
    example = load_example("parameters/by_name.py")

    assert example.lambda_handler({}, lambda_context) == {"endpoint": "https://v1.example.com", "max_items": 25}

    clear_caches()
    stores.put_parameter(Name="/orders/limits.json", Value="{not json", Type="String", Overwrite=True)
    with pytest.raises(TransformParameterError, match=r"'/orders/limits\.json'"):
        example.lambda_handler({}, lambda_context)


def test_write_values(load_example: Any, lambda_context: Any, stores: Any) -> None:
    example = load_example("parameters/write_values.py")
    boto3.client("secretsmanager").delete_secret(SecretId="orders/db", ForceDeleteWithoutRecovery=True)
    event = {"endpoint": "https://v2.example.com", "hosts": ["a.internal", "b.internal"], "password": "rotated"}

    assert example.lambda_handler(event, lambda_context) == {
        "updated": ["/orders/endpoint", "/orders/hosts", "orders/db"]
    }
    assert stores.get_parameter(Name="/orders/endpoint")["Parameter"]["Value"] == "https://v2.example.com"
    hosts = stores.get_parameter(Name="/orders/hosts")["Parameter"]
    assert (hosts["Type"], hosts["Value"]) == ("StringList", "a.internal,b.internal")
    secret = boto3.client("secretsmanager").get_secret_value(SecretId="orders/db")["SecretString"]
    assert json.loads(secret) == {"user": "app", "password": "rotated"}

    event["password"] = "rotated-again"  # the secret exists now: a new version
    example.lambda_handler(event, lambda_context)
    secret = boto3.client("secretsmanager").get_secret_value(SecretId="orders/db")["SecretString"]
    assert json.loads(secret)["password"] == "rotated-again"


def test_providers(load_example: Any, lambda_context: Any, aws: Any, appconfig_data: Any) -> None:
    boto3.client("ssm", region_name="eu-west-1").put_parameter(
        Name="/orders/endpoint", Value="https://eu.example.com", Type="String"
    )
    dynamodb = boto3.client("dynamodb")
    dynamodb.create_table(
        TableName="app-settings",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    for sk, v in (("max-items", "25"), ("max-total", "1000")):
        dynamodb.put_item(TableName="app-settings", Item={"pk": {"S": "orders"}, "sk": {"S": sk}, "v": {"S": v}})
    dynamodb.put_item(TableName="app-settings", Item={"pk": {"S": "billing"}, "sk": {"S": "x"}, "v": {"S": "y"}})
    appconfig_data.put_configuration("orders", "prod", "flags", {"express_shipping": False})
    example = load_example("parameters/providers.py")

    assert example.lambda_handler({}, lambda_context) == {
        "endpoint": "https://eu.example.com",
        "limits": {"max-items": "25", "max-total": "1000"},
        "flags": {"express_shipping": False},
    }
    fetches = appconfig_data.fetch_count
    appconfig_data.put_configuration("orders", "prod", "flags", {"express_shipping": True})
    assert example.lambda_handler({}, lambda_context)["flags"] == {"express_shipping": False}  # cached
    assert appconfig_data.fetch_count == fetches


def test_redis_provider(load_example: Any, lambda_context: Any, redis: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SETTINGS_REDIS_URL", redis.url)
    with redis.client() as client:
        client.set("orders/db", json.dumps({"host": "db.internal", "port": 5432}))
        client.set("orders/tuning/batch-size", "10")
        client.set("orders/tuning/retries", "3")
    example = load_example("parameters/redis_provider.py")

    assert example.lambda_handler({}, lambda_context) == {
        "db_host": "db.internal",
        "tuning": {"batch-size": "10", "retries": "3"},
    }
    with redis.client() as client:
        client.set("orders/db", json.dumps({"host": "db2.internal"}))
    assert example.lambda_handler({}, lambda_context)["db_host"] == "db.internal"  # cached for max_age
    assert example.settings.get("orders/db", transform="json", force_fetch=True)["host"] == "db2.internal"

    with pytest.raises(GetParameterError, match=r"^Failed to get parameter 'orders/missing':"):
        example.settings.get("orders/missing")
