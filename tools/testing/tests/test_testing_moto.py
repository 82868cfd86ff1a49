import os

import boto3
import pytest
from botocore.exceptions import ClientError

from powertools_testing.moto_service import MotoServer


def test_env_points_boto3_at_moto(moto_server: MotoServer) -> None:
    assert os.environ["AWS_ENDPOINT_URL"] == moto_server.endpoint_url
    assert moto_server.endpoint_url.startswith("http://127.0.0.1:")
    assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
    assert os.environ["AWS_REGION"] == "us-east-1"
    client = boto3.client("sts")
    assert client.meta.endpoint_url == moto_server.endpoint_url
    assert client.get_caller_identity()["Account"]  # answered by moto, not AWS


def test_dynamodb_put_get_and_reset(aws: MotoServer) -> None:
    ddb = boto3.client("dynamodb")  # no endpoint_url: the environment routes it
    ddb.create_table(
        TableName="orders",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    ddb.put_item(TableName="orders", Item={"id": {"S": "1"}, "total": {"N": "42"}})
    item = ddb.get_item(TableName="orders", Key={"id": {"S": "1"}})["Item"]
    assert item == {"id": {"S": "1"}, "total": {"N": "42"}}

    aws.reset()
    assert ddb.list_tables()["TableNames"] == []
    with pytest.raises(ClientError) as exc:
        ddb.get_item(TableName="orders", Key={"id": {"S": "1"}})
    assert exc.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_s3_round_trip(aws: MotoServer) -> None:
    s3 = boto3.resource("s3")
    bucket = s3.Bucket("powertools-test-bucket")
    bucket.create()
    bucket.put_object(Key="a/b.json", Body=b'{"ok": true}')
    body = bucket.Object("a/b.json").get()["Body"].read()
    assert body == b'{"ok": true}'


def test_aws_fixture_starts_clean(aws: MotoServer) -> None:
    # The previous test left a bucket behind; `aws` resets before each test.
    assert boto3.client("s3").list_buckets()["Buckets"] == []
    assert boto3.client("dynamodb").list_tables()["TableNames"] == []
