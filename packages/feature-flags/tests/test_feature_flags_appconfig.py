"""AppConfigStore through a real boto3 appconfigdata client against the local AppConfigData endpoint."""

from __future__ import annotations

import sys
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.stub import Stubber

from powertools.common.exceptions import ConfigurationError
from powertools.feature_flags import (
    AppConfigStore,
    ConfigurationStoreError,
    FeatureFlags,
    SchemaValidationError,
    StoreClientError,
)
from powertools.feature_flags import appconfig as appconfig_module

FLAGS: dict[str, Any] = {
    "premium": {
        "default": False,
        "rules": {"gold": {"when_match": True, "conditions": [{"action": "EQUALS", "key": "tier", "value": "gold"}]}},
    }
}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(appconfig_module, "monotonic", fake)
    return fake


def test_evaluates_flags_from_appconfig(appconfig_data: Any, clock: Clock) -> None:
    appconfig_data.put_configuration("shop", "prod", "features", FLAGS)
    flags = FeatureFlags(store=AppConfigStore(environment="prod", application="shop", name="features"))
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is True
    assert flags.evaluate(name="premium", context={"tier": "free"}, default=False) is False
    assert flags.get_enabled_features(context={"tier": "gold"}) == ["premium"]
    assert appconfig_data.fetch_count == 1  # cached for max_age
    assert appconfig_data.session_count == 1


def test_change_picked_up_only_after_max_age(appconfig_data: Any, clock: Clock) -> None:
    appconfig_data.put_configuration("shop", "prod", "features", FLAGS)
    store = AppConfigStore(environment="prod", application="shop", name="features", max_age=30)
    flags = FeatureFlags(store=store)
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is True
    appconfig_data.put_configuration("shop", "prod", "features", {"premium": {"default": False}})

    clock.now += 29.9
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is True
    assert appconfig_data.fetch_count == 1

    clock.now += 0.1
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is False
    assert appconfig_data.fetch_count == 2

    clock.now += 30  # unchanged: AppConfig answers with an empty body, the same dict is kept
    before = store.get_configuration()
    clock.now += 30
    assert store.get_configuration() is before
    assert appconfig_data.fetch_count == 4


def test_max_age_below_appconfig_minimum_polls_every_15_seconds(appconfig_data: Any, clock: Clock) -> None:
    appconfig_data.put_configuration("shop", "prod", "features", FLAGS)
    flags = FeatureFlags(store=AppConfigStore(environment="prod", application="shop", name="features", max_age=5))
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is True
    appconfig_data.put_configuration("shop", "prod", "features", {"premium": {"default": False}})
    clock.now += 10  # past max_age, within AppConfig's poll interval: no call
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is True
    assert appconfig_data.fetch_count == 1
    clock.now += 5
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is False
    assert appconfig_data.fetch_count == 2


def test_envelope(appconfig_data: Any, clock: Clock) -> None:
    document = {"features": FLAGS, "other": {"unrelated": 1}}
    appconfig_data.put_configuration("shop", "prod", "features", document)
    store = AppConfigStore(environment="prod", application="shop", name="features", envelope="features")
    flags = FeatureFlags(store=store)
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default=False) is True
    assert store.get_raw_configuration == document
    assert store.get_configuration() == FLAGS
    assert store.get_configuration() is store.get_configuration()  # extracted once per document


def test_envelope_with_jmespath_options(appconfig_data: Any, clock: Clock) -> None:
    import json

    from jmespath import functions

    class Custom(functions.Functions):
        @functions.signature({"types": ["string"]})
        def _func_parse(self, value: str) -> Any:
            return json.loads(value)

    appconfig_data.put_configuration("shop", "prod", "features", {"wrapped": json.dumps(FLAGS)})
    store = AppConfigStore(
        environment="prod",
        application="shop",
        name="features",
        envelope="parse(wrapped)",
        jmespath_options={"custom_functions": Custom()},
    )
    assert FeatureFlags(store=store).evaluate(name="premium", context={"tier": "gold"}, default=False) is True


def test_unknown_profile_returns_the_default(appconfig_data: Any, clock: Clock) -> None:
    appconfig_data.put_configuration("shop", "prod", "features", FLAGS)
    store = AppConfigStore(environment="prod", application="shop", name="missing")
    flags = FeatureFlags(store=store)
    assert flags.evaluate(name="premium", context={"tier": "gold"}, default="fallback") == "fallback"
    assert flags.get_enabled_features(context={"tier": "gold"}) == []
    with pytest.raises(ConfigurationStoreError, match="application=shop, environment=prod, name=missing") as raised:
        store.get_configuration()
    assert "ResourceNotFoundException" in repr(raised.value.__cause__)


def test_store_unreachable_returns_the_default(clock: Clock) -> None:
    # A closed local port: a real connection refused, no mock.
    from powertools_testing import free_port

    client = boto3.client(
        "appconfigdata",
        region_name="us-east-1",
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        aws_access_key_id="x",
        aws_secret_access_key="x",
        config=Config(retries={"max_attempts": 1}, connect_timeout=1),
    )
    store = AppConfigStore(environment="prod", application="shop", name="features", boto3_client=client)
    assert FeatureFlags(store=store).evaluate(name="premium", default=True) is True
    with pytest.raises(ConfigurationStoreError, match="Unable to get AWS AppConfig configuration file"):
        store.get_configuration()


def test_not_json_is_a_store_error(appconfig_data: Any, clock: Clock) -> None:
    appconfig_data.put_configuration("shop", "prod", "features", "premium: yes", content_type="application/x-yaml")
    store = AppConfigStore(environment="prod", application="shop", name="features")
    with pytest.raises(ConfigurationStoreError, match="is not valid JSON"):
        store.get_configuration()
    assert FeatureFlags(store=store).evaluate(name="premium", default=True) is True


def test_malformed_flags_in_appconfig_raise_schema_errors(appconfig_data: Any, clock: Clock) -> None:
    appconfig_data.put_configuration("shop", "prod", "features", {"premium": {"default": "yes"}})
    flags = FeatureFlags(store=AppConfigStore(environment="prod", application="shop", name="features"))
    with pytest.raises(SchemaValidationError, match="feature=premium"):
        flags.evaluate(name="premium", default=False)


def test_access_denied_is_propagated(clock: Clock) -> None:
    # No emulator can deny access: a botocore Stubber produces AppConfig's AccessDeniedException.
    client = boto3.client("appconfigdata", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    stubber = Stubber(client)
    stubber.add_client_error(
        "start_configuration_session", service_error_code="AccessDeniedException", service_message="not allowed"
    )
    store = AppConfigStore(environment="prod", application="shop", name="features", boto3_client=client)
    with stubber, pytest.raises(StoreClientError, match="AWS AppConfig denied access to application=shop"):
        FeatureFlags(store=store).evaluate(name="premium", default=False)


def test_boto3_loads_on_first_fetch_only() -> None:
    import subprocess

    code = (
        "import sys\n"
        "from powertools.feature_flags import AppConfigStore, FeatureFlags\n"
        "FeatureFlags(store=AppConfigStore(environment='e', application='a', name='n'))\n"
        "print(sorted(m for m in ('boto3', 'botocore', 'jmespath') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_extension_store_is_not_supported_yet() -> None:
    from powertools.feature_flags import AppConfigExtensionStore

    with pytest.raises(ConfigurationError, match="the AppConfig Lambda extension is not supported yet"):
        AppConfigExtensionStore(environment="prod", application="shop", name="features")


@pytest.mark.parametrize(("option", "value"), [("max_age", -1), ("max_age", "5"), ("use_extension", True)])
def test_bad_options(option: str, value: Any) -> None:
    with pytest.raises(ConfigurationError, match=option):
        AppConfigStore(environment="prod", application="shop", name="features", **{option: value})
