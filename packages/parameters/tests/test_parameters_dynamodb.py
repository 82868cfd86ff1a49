"""DynamoDBProvider through real boto3 against moto in server mode."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import boto3
import pytest

from powertools.parameters import DynamoDBProvider, GetParameterError


def table(name: str, key: str = "id", sort: str | None = None) -> Any:
    schema = [{"AttributeName": key, "KeyType": "HASH"}]
    attributes = [{"AttributeName": key, "AttributeType": "S"}]
    if sort:
        schema.append({"AttributeName": sort, "KeyType": "RANGE"})
        attributes.append({"AttributeName": sort, "AttributeType": "S"})
    return boto3.resource("dynamodb").create_table(
        TableName=name, KeySchema=schema, AttributeDefinitions=attributes, BillingMode="PAY_PER_REQUEST"
    )


def counted_resource(requests: Any) -> Any:
    resource = boto3.resource("dynamodb")
    requests.attach(resource.meta.client)
    return resource


def test_get_reads_the_value_attribute(aws, requests):
    table("params").put_item(Item={"id": "db-url", "value": "postgres://db"})
    provider = DynamoDBProvider("params", boto3_client=counted_resource(requests))
    assert provider.get("db-url") == "postgres://db"
    assert provider.get("db-url") == "postgres://db"
    assert requests.counts() == {"GetItem": 1}


def test_custom_attribute_names_and_get_multiple(aws, requests):
    items = table("config", key="pk", sort="name")
    items.put_item(Item={"pk": "svc", "name": "timeout", "val": "30"})
    items.put_item(Item={"pk": "svc", "name": "limits.json", "val": '{"rps": 10}'})
    items.put_item(Item={"pk": "other", "name": "x", "val": "no"})
    provider = DynamoDBProvider(
        "config", key_attr="pk", sort_attr="name", value_attr="val", boto3_client=counted_resource(requests)
    )
    assert provider.get_multiple("svc", transform="auto") == {"timeout": "30", "limits.json": {"rps": 10}}
    assert provider.get_multiple("svc", transform="auto") == {"timeout": "30", "limits.json": {"rps": 10}}
    assert requests.counts() == {"Query": 1}


def test_get_multiple_pages_through_the_partition(aws, requests):
    items = table("big", sort="sk")
    for index in range(25):
        items.put_item(Item={"id": "p", "sk": f"k{index:02d}", "value": str(index)})
    provider = DynamoDBProvider("big", boto3_client=counted_resource(requests))
    values = provider.get_multiple("p", Limit=10)  # sdk options reach Query: pages of 10
    assert values == {f"k{index:02d}": str(index) for index in range(25)}
    assert requests.counts() == {"Query": 3}


def test_non_string_values_come_back_as_boto3_types(aws):
    table("typed").put_item(Item={"id": "n", "value": Decimal("42"), "extra": True})
    table("maps").put_item(Item={"id": "m", "value": {"a": [1, "b"]}})
    assert DynamoDBProvider("typed").get("n") == Decimal("42")
    assert DynamoDBProvider("maps").get("m") == {"a": [Decimal("1"), "b"]}


def test_missing_item_and_missing_attribute_name_the_parameter(aws):
    table("params").put_item(Item={"id": "no-value", "other": "x"})
    provider = DynamoDBProvider("params")
    with pytest.raises(GetParameterError) as info:
        provider.get("absent")
    assert str(info.value) == "Failed to get parameter 'absent': no item with id='absent' in table 'params'"
    with pytest.raises(
        GetParameterError, match="Failed to get parameter 'no-value': its item has no attribute 'value'"
    ):
        provider.get("no-value")


def test_missing_table_names_the_parameter(aws):
    with pytest.raises(GetParameterError) as info:
        DynamoDBProvider("nowhere").get("x")
    assert str(info.value).startswith("Failed to get parameter 'x': An error occurred (ResourceNotFoundException)")


def test_endpoint_url_and_session(aws, moto_server):
    table("params").put_item(Item={"id": "a", "value": "1"})
    session = boto3.session.Session(region_name="us-east-1")
    provider = DynamoDBProvider("params", endpoint_url=moto_server.endpoint_url, boto3_session=session)
    assert provider.get("a") == "1"
    assert provider.table.name == "params"
    assert "powertools/parameters/" in provider.resource.meta.client.meta.config.user_agent_extra
