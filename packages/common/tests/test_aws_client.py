from typing import Any

from botocore.config import Config

from powertools.common.aws import build_client


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
