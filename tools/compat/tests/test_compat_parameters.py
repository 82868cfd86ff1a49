"""Parameters: the same calls under upstream and ours, against moto and the local AppConfigData.

Values, transforms and error classes must agree. Where packages/parameters/README.md
("Differences from upstream") documents a difference, the test asserts it exactly and
names the README entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from tools.compat.harness import FLAVOURS, Flavour

UPSTREAM_NAME, OURS_NAME = (flavour.name for flavour in FLAVOURS)


@pytest.fixture(autouse=True)
def fresh_default_providers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("POWERTOOLS_PARAMETERS_MAX_AGE", "POWERTOOLS_PARAMETERS_SSM_DECRYPT"):
        monkeypatch.delenv(name, raising=False)
    for flavour in FLAVOURS:
        flavour.parameters.clear_caches()
    yield
    for flavour in FLAVOURS:
        flavour.parameters.clear_caches()


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", call()
    except Exception as exc:
        return "error", exc


def both(scenario: Callable[[Flavour], Any]) -> dict[str, tuple[str, Any]]:
    return {flavour.name: outcome(lambda flavour=flavour: scenario(flavour)) for flavour in FLAVOURS}


def assert_same(results: dict[str, tuple[str, Any]]) -> Any:
    assert results[OURS_NAME] == results[UPSTREAM_NAME]
    return results[OURS_NAME]


def errors(results: dict[str, tuple[str, Any]]) -> tuple[BaseException, BaseException]:
    (up_kind, up_error), (our_kind, our_error) = results[UPSTREAM_NAME], results[OURS_NAME]
    assert (up_kind, our_kind) == ("error", "error"), results
    assert type(our_error).__name__ == type(up_error).__name__
    return up_error, our_error


def put(name: str, value: str, kind: str = "String") -> None:
    boto3.client("ssm").put_parameter(Name=name, Value=value, Type=kind, Overwrite=True)


# --- SSM -----------------------------------------------------------------------------------


def test_get_parameter_values_and_transforms(aws):
    put("/c/url", "https://example.org")
    put("/c/list", "a,b,c", "StringList")
    put("/c/secret", "s3cret-value", "SecureString")
    put("/c/cfg.json", '{"a": [1, 2], "b": null}')
    put("/c/key.binary", "aGVsbG8gd29ybGQ=")

    def scenario(pt: Flavour) -> list[Any]:
        get = pt.parameters.get_parameter
        return [
            get("/c/url"),
            get("/c/list"),
            get("/c/secret", decrypt=True),
            get("/c/cfg.json", transform="json"),
            get("/c/cfg.json", transform="auto"),
            get("/c/key.binary", transform="binary"),
            get("/c/key.binary", transform="auto"),
            get("/c/url", transform="auto"),
        ]

    assert assert_same(both(scenario))[1][0] == "https://example.org"


def test_decrypt_env_var(aws, monkeypatch):
    put("/c/secret", "s3cret-value", "SecureString")
    monkeypatch.setenv("POWERTOOLS_PARAMETERS_SSM_DECRYPT", "true")
    assert assert_same(both(lambda pt: pt.parameters.get_parameter("/c/secret"))) == ("ok", "s3cret-value")


def test_get_parameters_by_path(aws):
    put("/p/db/host", "db.local")
    put("/p/db/port", "5432")
    put("/p/cfg.json", '{"x": 1}')
    put("/p/bad.json", "{")
    put("/p/token", "tok-value", "SecureString")

    def scenario(pt: Flavour) -> list[Any]:
        params = pt.parameters
        provider = params.SSMProvider()
        return [
            params.get_parameters("/p", decrypt=True),
            params.get_parameters("/p", transform="auto", decrypt=True, force_fetch=True),
            provider.get_multiple("/p/", decrypt=True),  # the method is not recursive by default
            provider.get_multiple("/p/db"),
        ]

    _, values = assert_same(both(scenario))
    assert values[1]["bad.json"] is None


def test_get_parameters_by_name(aws):
    for index in range(12):
        put(f"/n/p{index:02d}", f"v{index}")
    put("/n/cfg.json", '{"on": true}')
    put("/n/enc", "enc-value", "SecureString")
    names = {f"/n/p{index:02d}": None for index in range(12)}

    def scenario(pt: Flavour) -> list[Any]:
        fetch = pt.parameters.get_parameters_by_name
        return [
            fetch(names),
            fetch({"/n/cfg.json": {"transform": "auto"}, "/n/enc": {"decrypt": True}, "/n/p00": None}),
            fetch({"/n/p01": None, "/n/gone": None}, raise_on_error=False),
            fetch({"/n/cfg.json": None}, transform="json", max_age=0),
        ]

    assert_same(both(scenario))


def test_decryption_split_requests(aws):
    """README: "Names that need decryption are batched too" (upstream: one GetParameter each)."""
    for index in range(3):
        put(f"/d/enc{index}", f"enc-{index}", "SecureString")
    put("/d/plain", "plain")
    sent: dict[str, list[str]] = {}

    def scenario(pt: Flavour) -> Any:
        provider = pt.parameters.SSMProvider()
        operations = sent.setdefault(pt.name, [])
        provider.client.meta.events.register(
            "before-send.ssm.*", lambda event_name, **kwargs: operations.append(event_name.rsplit(".", 1)[-1])
        )
        return provider.get_parameters_by_name(
            {f"/d/enc{index}": {"decrypt": True} for index in range(3)} | {"/d/plain": None}
        )

    assert_same(both(scenario))
    assert sorted(sent[UPSTREAM_NAME]) == ["GetParameter", "GetParameter", "GetParameter", "GetParameters"]
    assert sent[OURS_NAME] == ["GetParameters", "GetParameters"]


def test_get_parameters_by_name_errors(aws):
    put("/n/here", "1")
    up_error, our_error = errors(
        both(lambda pt: pt.parameters.get_parameters_by_name({"/n/here": None, "/n/gone": None}))
    )
    assert str(our_error) == str(up_error) == "Failed to fetch parameters: ['/n/gone']"
    up_error, our_error = errors(
        both(lambda pt: pt.parameters.get_parameters_by_name({"_errors": None}, raise_on_error=False))
    )
    assert str(our_error) == str(up_error)


def test_set_parameter(aws):
    def scenario(pt: Flavour) -> list[Any]:
        name = f"/set/{pt.name}"
        first = pt.parameters.set_parameter(name, "one")
        second = pt.parameters.set_parameter(name, "two", overwrite=True, tier="Advanced")
        stored = boto3.client("ssm").get_parameter(Name=name)["Parameter"]
        return [first["Version"], first["Tier"], second["Version"], second["Tier"], stored["Value"]]

    assert assert_same(both(scenario)) == ("ok", [1, "Standard", 2, "Advanced", "two"])


def test_set_parameter_that_exists(aws):
    """README: "Errors name what failed" (the name goes into the message)."""
    put("/set/exists", "x")
    up_error, our_error = errors(both(lambda pt: pt.parameters.set_parameter("/set/exists", "y")))
    assert str(up_error).startswith("Error setting parameter - ")
    assert str(our_error) == str(up_error).replace(
        "Error setting parameter - ", "Error setting parameter '/set/exists' - "
    )


def test_set_parameter_string_list_from_a_list(aws):
    """README: "A list is a StringList" (upstream hands the list to botocore, which rejects it)."""
    results = both(lambda pt: pt.parameters.set_parameter("/set/list", ["a", "b"], parameter_type="StringList"))
    up_kind, up_error = results[UPSTREAM_NAME]
    assert (up_kind, type(up_error).__name__) == ("error", "SetParameterError")
    assert "Invalid type for parameter Value" in str(up_error)
    assert results[OURS_NAME][0] == "ok"
    assert boto3.client("ssm").get_parameter(Name="/set/list")["Parameter"]["Value"] == "a,b"


# --- errors name what failed ---------------------------------------------------------------


def test_missing_parameter_error(aws):
    """README: "Errors name what failed": ours is upstream's message after "Failed to get parameter '<name>': "."""
    up_error, our_error = errors(both(lambda pt: pt.parameters.get_parameter("/missing")))
    assert "ParameterNotFound" in str(up_error)
    assert str(our_error) == f"Failed to get parameter '/missing': {up_error}"


def test_missing_secret_error(aws):
    up_error, our_error = errors(both(lambda pt: pt.parameters.get_secret("missing")))
    assert "ResourceNotFoundException" in str(up_error)
    assert str(our_error) == f"Failed to get secret 'missing': {up_error}"


@pytest.mark.parametrize(
    ("value", "transform"), [("{not json", "json"), ("abc", "binary"), ("{", "auto")], ids=["json", "binary", "auto"]
)
def test_transform_errors(aws, value, transform):
    """README: "Errors name what failed": "Unable to transform value of '<name>' using ..."."""
    put("/t/value.json", value)
    up_error, our_error = errors(both(lambda pt: pt.parameters.get_parameter("/t/value.json", transform=transform)))
    assert str(our_error) == str(up_error).replace(
        "Unable to transform value using", "Unable to transform value of '/t/value.json' using"
    )


# --- Secrets Manager -----------------------------------------------------------------------


def test_secrets(aws):
    client = boto3.client("secretsmanager")
    client.create_secret(Name="db", SecretString='{"user": "app", "password": "pw-1"}')
    client.create_secret(Name="cert", SecretBinary=b"\x00\x01raw")
    client.create_secret(Name="b64", SecretString="aGk=")

    def scenario(pt: Flavour) -> list[Any]:
        get = pt.parameters.get_secret
        return [
            get("db"),
            get("db", transform="json"),
            get("cert"),
            get("b64", transform="binary"),
            pt.parameters.get_secrets_by_name(["db", "b64"]),
            pt.parameters.get_secrets_by_name(["db", "b64"], transform="json", force_fetch=True),
        ]

    assert_same(both(scenario))


def test_get_secrets_by_name_exact_names(aws):
    """README: "get_secrets_by_name returns exactly the names asked for"."""
    client = boto3.client("secretsmanager")
    client.create_secret(Name="app/db", SecretString="db-value")
    client.create_secret(Name="app/db-replica", SecretString="replica-value")
    results = both(lambda pt: pt.parameters.get_secrets_by_name(["app/db"]))
    # Upstream's name filter is a prefix match: the replica comes along.
    assert results[UPSTREAM_NAME] == ("ok", {"app/db": "db-value", "app/db-replica": "replica-value"})
    assert results[OURS_NAME] == ("ok", {"app/db": "db-value"})

    results = both(lambda pt: pt.parameters.get_secrets_by_name(["app/db", "app/gone"], force_fetch=True))
    assert results[UPSTREAM_NAME][0] == "ok"  # the missing one is silently left out
    assert "app/gone" not in results[UPSTREAM_NAME][1]
    kind, error = results[OURS_NAME]
    assert (kind, type(error).__name__) == ("error", "GetSecretError")
    assert str(error).startswith("Failed to retrieve secrets ['app/gone']")


def test_set_secret(aws):
    def scenario(pt: Flavour) -> list[Any]:
        name = f"set-{pt.name}"
        created = pt.parameters.set_secret(name, "first")
        updated = pt.parameters.set_secret(name, "second")
        binary = pt.parameters.set_secret(f"{name}-bin", b"\x00bytes")
        stored = boto3.client("secretsmanager").get_secret_value(SecretId=name)["SecretString"]
        stored_binary = boto3.client("secretsmanager").get_secret_value(SecretId=f"{name}-bin")["SecretBinary"]
        return [sorted(created), sorted(updated), created["Name"] == name, binary["Name"], stored, stored_binary]

    results = both(scenario)
    up, ours = results[UPSTREAM_NAME][1], results[OURS_NAME][1]
    assert ours[:3] == up[:3]
    assert (up[3], ours[3]) == ("set-upstream-bin", "set-ours-bin")
    assert up[4:] == ours[4:] == ["second", b"\x00bytes"]


# --- AppConfig -----------------------------------------------------------------------------


def test_app_config(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {"beta": {"default": True}})
    appconfig_data.put_configuration("shop", "prod", "text", "plain=1", content_type="text/plain")

    def scenario(pt: Flavour) -> list[Any]:
        get = pt.parameters.get_app_config
        provider = pt.parameters.AppConfigProvider(environment="prod", application="shop")
        return [
            get("features", environment="prod", application="shop"),
            get("features", environment="prod", application="shop", transform="json", force_fetch=True),
            get("text", environment="prod", application="shop"),
            provider.get("features", transform="json"),
            provider.get("features", transform="json"),
        ]

    assert_same(both(scenario))


def test_app_config_unchanged_reply_serves_the_last_value(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 1})

    def scenario(pt: Flavour) -> list[Any]:
        provider = pt.parameters.AppConfigProvider(environment="prod", application="shop")
        return [provider.get("features", max_age=0), provider.get("features", max_age=0, force_fetch=True)]

    assert assert_same(both(scenario)) == ("ok", [b'{"v": 1}', b'{"v": 1}'])


def test_app_config_second_environment(appconfig_data):
    """README: "get_app_config keeps one provider per application and environment"."""
    appconfig_data.put_configuration("shop", "prod", "features", {"env": "prod"})
    appconfig_data.put_configuration("shop", "dev", "features", {"env": "dev"})

    def scenario(pt: Flavour) -> list[Any]:
        get = pt.parameters.get_app_config
        return [get("features", "prod", "shop", transform="json"), get("features", "dev", "shop", transform="json")]

    results = both(scenario)
    assert results[UPSTREAM_NAME] == ("ok", [{"env": "prod"}, {"env": "prod"}])  # dev silently read prod
    assert results[OURS_NAME] == ("ok", [{"env": "prod"}, {"env": "dev"}])


def test_app_config_missing_profile(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {})
    up_error, our_error = errors(both(lambda pt: pt.parameters.get_app_config("nope", "prod", "shop")))
    assert str(our_error) == f"Failed to get configuration 'nope': {up_error}"


# --- DynamoDB and custom providers -----------------------------------------------------------


def test_dynamodb(aws):
    table = boto3.resource("dynamodb").create_table(
        TableName="params",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "id", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    single = boto3.resource("dynamodb").create_table(
        TableName="single",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    single.put_item(Item={"id": "url", "value": "https://x"})
    single.put_item(Item={"id": "cfg", "value": json.dumps({"a": 1})})
    for key, value in {"a": "1", "b.json": '{"b": 2}', "c": "3"}.items():
        table.put_item(Item={"id": "svc", "sk": key, "value": value})

    def scenario(pt: Flavour) -> list[Any]:
        one = pt.parameters.DynamoDBProvider("single")
        many = pt.parameters.DynamoDBProvider("params")
        return [one.get("url"), one.get("cfg", transform="json"), many.get_multiple("svc", transform="auto")]

    assert_same(both(scenario))
    errors(both(lambda pt: pt.parameters.DynamoDBProvider("single").get("absent")))


def test_custom_provider_written_for_upstream_runs_unchanged():
    def scenario(pt: Flavour) -> list[Any]:
        class Store(pt.parameters.BaseProvider):  # type: ignore[misc,name-defined]
            def __init__(self) -> None:
                super().__init__()
                self.reads = 0

            def _get(self, name: str, **sdk_options: Any) -> str:
                self.reads += 1
                return json.dumps({"name": name, **sdk_options})

            def _get_multiple(self, path: str, **sdk_options: Any) -> dict[str, str]:
                self.reads += 1
                return {"a.json": "[1]", "b": "x", "c.binary": "aGk="}

        store = Store()
        return [
            store.get("x", transform="json"),
            store.get("x", transform="json"),
            store.get("y", Extra=1),
            store.get_multiple("/p", transform="auto"),
            store.get_multiple("/p", transform="auto"),
            store.reads,
        ]

    assert assert_same(both(scenario))[1][-1] == 3


# --- throttling (a stub: moto never throttles) ---------------------------------------------


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def stream(self, **kwargs: Any) -> Any:
        yield self.data


def _throttle(request: Any, **kwargs: Any) -> AWSResponse:
    body = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode()
    return AWSResponse(request.url, 400, {"Content-Type": "application/x-amz-json-1.1"}, _Body(body))


def test_throttled_batch(aws, monkeypatch):
    """README: "Throttled batches are retried, then raise GetParameterError"."""
    from botocore.config import Config

    monkeypatch.setattr("powertools.parameters._retry.sleep", lambda seconds: None)

    def scenario(pt: Flavour) -> Any:
        provider = pt.parameters.SSMProvider(boto_config=Config(retries={"total_max_attempts": 1}))
        provider.client.meta.events.register("before-send.ssm.GetParameters", _throttle)
        return provider.get_parameters_by_name({"/a": None, "/b": None})

    results = both(scenario)
    up_kind, up_error = results[UPSTREAM_NAME]
    from botocore.exceptions import ClientError

    assert up_kind == "error"
    assert isinstance(up_error, ClientError)  # botocore's own ThrottlingException escapes
    assert type(up_error).__name__ == "ThrottlingException"
    our_kind, our_error = results[OURS_NAME]
    assert (our_kind, type(our_error).__name__) == ("error", "GetParameterError")
    assert str(our_error) == "Throttled by SSM after 6 attempt(s); parameters not fetched: ['/a', '/b']"
