"""AppConfig through real boto3 ``appconfigdata`` clients against the local AppConfigData endpoint."""

from __future__ import annotations

import boto3
import pytest

from powertools.parameters import AppConfigProvider, GetParameterError, TransformParameterError, get_app_config
from powertools.parameters.constants import DEFAULT_PROVIDERS


def test_reads_the_configuration_as_bytes_and_json(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {"beta": True})
    assert get_app_config("features", environment="prod", application="shop") == b'{"beta": true}'
    assert get_app_config("features", environment="prod", application="shop", transform="json", force_fetch=True) == {
        "beta": True
    }


def test_cached_for_max_age_then_polled_with_the_same_session(appconfig_data, clock):
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 1})
    provider = AppConfigProvider(environment="prod", application="shop")

    assert provider.get("features", max_age=30, transform="json") == {"v": 1}
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 2})
    clock.advance(29)
    assert provider.get("features", max_age=30, transform="json") == {"v": 1}
    assert (appconfig_data.session_count, appconfig_data.fetch_count) == (1, 1)

    clock.advance(2)
    assert provider.get("features", max_age=30, transform="json") == {"v": 2}
    # The same session, its token renewed: no second StartConfigurationSession.
    assert (appconfig_data.session_count, appconfig_data.fetch_count) == (1, 2)


def test_an_unchanged_reply_serves_the_last_configuration(appconfig_data, clock):
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 1})
    provider = AppConfigProvider(environment="prod", application="shop")
    assert provider.get("features", max_age=15) == b'{"v": 1}'
    clock.advance(16)
    assert provider.get("features", max_age=15) == b'{"v": 1}'  # the service sent an empty body
    assert appconfig_data.fetch_count == 2


def test_poll_interval_follows_max_age_within_appconfigs_minimum(appconfig_data, clock):
    """A max_age under 15 s still waits AppConfig's 15 s minimum between calls (fewer billed calls)."""
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 1})
    provider = AppConfigProvider(environment="prod", application="shop")
    provider.get("features", max_age=5)
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 2})
    clock.advance(6)
    assert provider.get("features", max_age=5) == b'{"v": 1}'  # cache expired, session says wait
    assert appconfig_data.fetch_count == 1
    clock.advance(9)
    assert provider.get("features", max_age=5) == b'{"v": 2}'
    assert appconfig_data.fetch_count == 2


def test_force_fetch_asks_the_service_at_once(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 1})
    provider = AppConfigProvider(environment="prod", application="shop")
    provider.get("features")
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 2})
    assert provider.get("features", force_fetch=True) == b'{"v": 2}'
    assert appconfig_data.fetch_count == 2


def test_application_defaults_to_the_service_name(appconfig_data, monkeypatch):
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "orders")
    appconfig_data.put_configuration("orders", "dev", "limits", "max=5", content_type="text/plain")
    assert AppConfigProvider(environment="dev").get("limits") == b"max=5"


def test_get_app_config_keeps_one_provider_per_environment(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {"env": "prod"})
    appconfig_data.put_configuration("shop", "dev", "features", {"env": "dev"})
    assert get_app_config("features", "prod", "shop", transform="json") == {"env": "prod"}
    assert get_app_config("features", "dev", "shop", transform="json") == {"env": "dev"}
    assert len([key for key in DEFAULT_PROVIDERS if key.startswith("appconfig")]) == 2


def test_unknown_profile_names_it(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {})
    with pytest.raises(GetParameterError) as info:
        get_app_config("missing", environment="prod", application="shop")
    assert str(info.value).startswith(
        "Failed to get configuration 'missing': An error occurred (ResourceNotFoundException)"
    )


def test_malformed_json_names_the_profile(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "broken", "{", content_type="application/json")
    with pytest.raises(TransformParameterError, match="Unable to transform value of 'broken' using 'json' transform"):
        get_app_config("broken", environment="prod", application="shop", transform="json")


def test_unknown_session_option_is_rejected(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {})
    with pytest.raises(GetParameterError, match=r"Unknown option\(s\) \['Foo'\] for configuration 'features'"):
        AppConfigProvider(environment="prod", application="shop").get("features", Foo=1)


def test_explicit_poll_interval_option(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 1})
    provider = AppConfigProvider(environment="prod", application="shop", boto3_client=boto3.client("appconfigdata"))
    assert provider.get("features", RequiredMinimumPollIntervalInSeconds=60) == b'{"v": 1}'


def test_clear_cache_starts_a_new_session(appconfig_data):
    appconfig_data.put_configuration("shop", "prod", "features", {"v": 1})
    provider = AppConfigProvider(environment="prod", application="shop")
    provider.get("features")
    provider.clear_cache()
    provider.get("features")
    assert appconfig_data.session_count == 2
