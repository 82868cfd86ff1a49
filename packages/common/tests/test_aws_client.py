from typing import Any

from botocore.config import Config

from powertools.common.aws import build_client, build_resource


def test_client_reaches_the_emulator_with_powertools_user_agent(aws: Any) -> None:
    client = build_client("s3", utility="common", version="0.1.0")
    assert "powertools/common/0.1.0" in client.meta.config.user_agent_extra
    client.create_bucket(Bucket="common-test")
    assert [b["Name"] for b in client.list_buckets()["Buckets"]] == ["common-test"]


def test_user_config_is_kept_and_tag_appended(aws: Any) -> None:
    client = build_client(
        "s3", utility="logger", version="1.2.3", config=Config(user_agent_extra="mine", connect_timeout=7)
    )
    assert client.meta.config.user_agent_extra == "mine powertools/logger/1.2.3"
    assert client.meta.config.connect_timeout == 7


def test_ready_client_is_returned_untouched(aws: Any) -> None:
    import boto3

    mine = boto3.client("dynamodb")
    assert build_client("dynamodb", utility="x", version="0", client=mine) is mine


def test_resource_is_tagged_and_reaches_the_emulator(aws: Any) -> None:
    resource = build_resource("s3", utility="parameters", version="9.9.9")
    assert "powertools/parameters/9.9.9" in resource.meta.client.meta.config.user_agent_extra
    resource.create_bucket(Bucket="resource-test")
    assert [b.name for b in resource.buckets.all()] == ["resource-test"]
    assert build_resource("s3", utility="x", version="0", resource=resource) is resource
