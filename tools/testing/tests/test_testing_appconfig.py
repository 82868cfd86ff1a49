import json
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from powertools_testing.appconfig_service import AppConfigDataServer


def _client() -> Any:
    return boto3.client("appconfigdata")


def _start(client: Any, profile: str = "flags") -> str:
    response = client.start_configuration_session(
        ApplicationIdentifier="app",
        EnvironmentIdentifier="prod",
        ConfigurationProfileIdentifier=profile,
        RequiredMinimumPollIntervalInSeconds=15,
    )
    token: str = response["InitialConfigurationToken"]
    return token


def test_client_is_routed_here(appconfig_data: AppConfigDataServer) -> None:
    assert _client().meta.endpoint_url == appconfig_data.endpoint_url


def test_session_fetch_unchanged_then_updated(appconfig_data: AppConfigDataServer) -> None:
    appconfig_data.put_configuration("app", "prod", "flags", {"beta": {"default": True}})
    client = _client()
    token = _start(client)

    first = client.get_latest_configuration(ConfigurationToken=token)
    assert json.loads(first["Configuration"].read()) == {"beta": {"default": True}}
    assert first["ContentType"] == "application/json"
    assert first["VersionLabel"] == "1"
    assert first["NextPollIntervalInSeconds"] == 15
    assert first["NextPollConfigurationToken"] != token

    second = client.get_latest_configuration(ConfigurationToken=first["NextPollConfigurationToken"])
    assert second["Configuration"].read() == b""  # unchanged since this session's last fetch

    appconfig_data.put_configuration("app", "prod", "flags", "plain: text", content_type="application/x-yaml")
    third = client.get_latest_configuration(ConfigurationToken=second["NextPollConfigurationToken"])
    assert third["Configuration"].read() == b"plain: text"
    assert third["ContentType"] == "application/x-yaml"
    assert third["VersionLabel"] == "2"
    assert appconfig_data.fetch_count == 3
    assert appconfig_data.session_count == 1


def test_used_token_is_rejected(appconfig_data: AppConfigDataServer) -> None:
    appconfig_data.put_configuration("app", "prod", "flags", b"{}")
    client = _client()
    token = _start(client)
    client.get_latest_configuration(ConfigurationToken=token)
    with pytest.raises(ClientError) as exc:
        client.get_latest_configuration(ConfigurationToken=token)
    assert exc.value.response["Error"]["Code"] == "BadRequestException"
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


@pytest.mark.parametrize(
    ("application", "environment", "profile", "resource_type"),
    [
        ("nope", "prod", "flags", "Application"),
        ("app", "nope", "flags", "Environment"),
        ("app", "prod", "nope", "ConfigurationProfile"),
    ],
)
def test_unknown_resource_raises_resource_not_found(
    appconfig_data: AppConfigDataServer, application: str, environment: str, profile: str, resource_type: str
) -> None:
    appconfig_data.put_configuration("app", "prod", "flags", {})
    client = _client()
    with pytest.raises(client.exceptions.ResourceNotFoundException) as exc:
        client.start_configuration_session(
            ApplicationIdentifier=application,
            EnvironmentIdentifier=environment,
            ConfigurationProfileIdentifier=profile,
        )
    error = exc.value.response["Error"]
    assert isinstance(exc.value, ClientError)
    assert error["Code"] == "ResourceNotFoundException"
    assert dict(exc.value.response)["ResourceType"] == resource_type  # modelled error member
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_clear_forgets_everything(appconfig_data: AppConfigDataServer) -> None:
    appconfig_data.put_configuration("app", "prod", "flags", {})
    client = _client()
    token = _start(client)
    appconfig_data.clear()
    assert appconfig_data.fetch_count == appconfig_data.session_count == 0
    with pytest.raises(ClientError, match="BadRequestException"):
        client.get_latest_configuration(ConfigurationToken=token)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        _start(client)


def test_fixture_starts_empty(appconfig_data: AppConfigDataServer) -> None:
    assert appconfig_data.fetch_count == 0
    with pytest.raises(_client().exceptions.ResourceNotFoundException):
        _start(_client())


def test_deleted_configuration_is_not_found(appconfig_data: AppConfigDataServer) -> None:
    appconfig_data.put_configuration("app", "prod", "flags", {"a": 1})
    client = _client()
    token = _start(client)
    appconfig_data.delete_configuration("app", "prod", "flags")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_latest_configuration(ConfigurationToken=token)
