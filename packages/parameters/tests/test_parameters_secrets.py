"""Secrets Manager through real boto3 clients against moto in server mode."""

from __future__ import annotations

import base64

import boto3
import pytest

from powertools.parameters import (
    GetParameterError,
    GetSecretError,
    SecretsProvider,
    SetSecretError,
    TransformParameterError,
    get_secret,
    get_secrets_by_name,
    set_secret,
)


def create(name: str, **value: object) -> None:
    boto3.client("secretsmanager").create_secret(Name=name, **value)


def test_string_and_binary_secrets(aws, default_provider, requests):
    create("db", SecretString='{"user": "app", "password": "pw-123456"}')
    create("cert", SecretBinary=b"\x00\x01binary")
    default_provider("secrets")
    assert get_secret("db") == '{"user": "app", "password": "pw-123456"}'
    assert get_secret("db", transform="json") == {"user": "app", "password": "pw-123456"}
    assert get_secret("cert") == b"\x00\x01binary"
    assert requests.counts() == {"GetSecretValue": 3}
    assert get_secret("db") == '{"user": "app", "password": "pw-123456"}'
    assert requests.count() == 3


def test_binary_transform_of_a_base64_secret(aws):
    create("key.binary", SecretString=base64.b64encode(b"raw-key-bytes").decode())
    assert get_secret("key.binary", transform="auto") == b"raw-key-bytes"
    assert get_secret("key.binary", transform="binary") == b"raw-key-bytes"


def test_version_stage_is_part_of_the_cache_key(aws, default_provider, requests):
    create("rotating", SecretString="v1-value")
    boto3.client("secretsmanager").put_secret_value(SecretId="rotating", SecretString="v2-value")
    default_provider("secrets")
    assert get_secret("rotating") == "v2-value"
    assert get_secret("rotating", VersionStage="AWSPREVIOUS") == "v1-value"
    assert get_secret("rotating") == "v2-value"
    assert requests.count() == 2


def test_missing_secret_names_it(aws):
    with pytest.raises(GetParameterError) as info:
        get_secret("nope")
    assert str(info.value).startswith("Failed to get secret 'nope': An error occurred (ResourceNotFoundException)")


def test_get_secrets_by_name_is_exact_and_batched(aws, default_provider, requests):
    create("app/db", SecretString="db-value")
    create("app/db-replica", SecretString="replica-value")  # a name-prefix match must not leak in
    create("app/api", SecretString='{"key": "k"}')
    default_provider("secrets")

    values = get_secrets_by_name(["app/db", "app/api"])
    assert values == {"app/db": "db-value", "app/api": '{"key": "k"}'}
    assert requests.counts() == {"BatchGetSecretValue": 1}
    assert requests.requests_for("BatchGetSecretValue")[0]["SecretIdList"] == ["app/db", "app/api"]

    # Each secret is cached on its own, shared with get_secret.
    assert get_secret("app/db") == "db-value"
    assert get_secrets_by_name(["app/api", "app/db-replica"]) == {
        "app/api": '{"key": "k"}',
        "app/db-replica": "replica-value",
    }
    assert requests.requests_for("BatchGetSecretValue")[1]["SecretIdList"] == ["app/db-replica"]
    assert requests.count() == 2


def test_get_secrets_by_name_transform(aws):
    create("a.json", SecretString='{"x": 1}')
    create("b", SecretString="plain")
    assert get_secrets_by_name(["a.json", "b"], transform="auto") == {"a.json": {"x": 1}, "b": "plain"}
    create("c", SecretString="{broken")
    assert get_secrets_by_name(["c"], transform="json") == {"c": None}


def test_get_secrets_by_name_more_than_20(aws, default_provider, requests):
    names = [f"bulk/{index:02d}" for index in range(23)]
    for index, name in enumerate(names):
        create(name, SecretString=f"value-{index}")
    default_provider("secrets")
    assert get_secrets_by_name(names) == {name: f"value-{index}" for index, name in enumerate(names)}
    assert [len(body["SecretIdList"]) for body in requests.requests_for("BatchGetSecretValue")] == [20, 3]


def test_get_secrets_by_name_names_the_missing_ones(aws):
    create("here", SecretString="x-value")
    with pytest.raises(GetSecretError) as info:
        get_secrets_by_name(["here", "gone"])
    assert str(info.value).startswith("Failed to retrieve secrets ['gone']")
    assert info.value.name == "gone"
    with pytest.raises(GetSecretError, match="You must provide at least one secret name"):
        get_secrets_by_name([])


def test_set_secret_creates_then_updates(aws):
    created = set_secret("new-secret", "first-value")
    assert created["Name"] == "new-secret"
    updated = set_secret("new-secret", {"rotated": True})
    assert updated["Name"] == "new-secret"
    assert updated["VersionId"] != created["VersionId"]
    stored = boto3.client("secretsmanager").get_secret_value(SecretId="new-secret")
    assert stored["SecretString"] == '{"rotated": true}'

    set_secret("blob", b"\xff\x00bytes", client_request_token="a" * 32)
    stored = boto3.client("secretsmanager").get_secret_value(SecretId="blob")
    assert (stored["SecretBinary"], stored["VersionId"]) == (b"\xff\x00bytes", "a" * 32)


def test_set_secret_failure_names_the_secret(aws):
    create("dup", SecretString="one-value")
    set_secret("dup", "two-value", client_request_token="b" * 32)
    # A client request token reused with a different value is refused.
    with pytest.raises(SetSecretError) as info:
        set_secret("dup", "three-value", client_request_token="b" * 32)
    assert str(info.value).startswith("Error setting secret 'dup' - An error occurred (ResourceExistsException)")
    assert "three-value" not in str(info.value)


def test_bad_json_secret_raises_a_transform_error_naming_it(aws):
    create("cfg", SecretString="{oops")
    with pytest.raises(TransformParameterError) as info:
        get_secret("cfg", transform="json")
    assert str(info.value) == (
        "Unable to transform value of 'cfg' using 'json' transform: "
        "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    )


def test_provider_with_a_given_client(aws, requests):
    create("s", SecretString="value-s")
    client = requests.attach(boto3.client("secretsmanager"))
    provider = SecretsProvider(boto3_client=client)
    assert provider.get("s") == "value-s"
    assert provider.client is client
    assert requests.count() == 1
