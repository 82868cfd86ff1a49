"""SSM Parameter Store through real boto3 clients against moto in server mode."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.config import Config

from powertools.common import ConfigurationError
from powertools.parameters import (
    GetParameterError,
    SetParameterError,
    SSMProvider,
    get_parameter,
    get_parameters,
    set_parameter,
)
from powertools.parameters.constants import DEFAULT_PROVIDERS


def put(name: str, value: str, kind: str = "String", **extra: Any) -> None:
    boto3.client("ssm").put_parameter(Name=name, Value=value, Type=kind, Overwrite=True, **extra)


def test_string_stringlist_and_securestring(aws, default_provider, requests):
    put("/app/url", "https://example.org")
    put("/app/hosts", "a,b,c", "StringList")
    put("/app/password", "hunter2-long", "SecureString")
    default_provider("ssm")

    assert get_parameter("/app/url") == "https://example.org"
    assert get_parameter("/app/hosts") == "a,b,c"
    assert get_parameter("/app/password", decrypt=True) == "hunter2-long"
    # Without decrypt the service returns the ciphertext, which moto spells "kms:alias/aws/ssm:<value>".
    assert get_parameter("/app/password") != "hunter2-long"
    assert requests.counts() == {"GetParameter": 4}


def test_second_read_is_served_from_the_cache(aws, default_provider, requests):
    put("/app/url", "v1")
    default_provider("ssm")
    assert get_parameter("/app/url") == "v1"
    put("/app/url", "v2")
    assert get_parameter("/app/url") == "v1"
    assert requests.count("GetParameter") == 1
    assert get_parameter("/app/url", force_fetch=True) == "v2"
    assert requests.count("GetParameter") == 2
    assert get_parameter("/app/url") == "v2"  # force_fetch refreshed the cache
    assert requests.count("GetParameter") == 2


def test_the_default_provider_is_created_on_first_use_and_reused(aws, requests):
    put("/app/url", "v1")
    assert "ssm" not in DEFAULT_PROVIDERS
    assert get_parameter("/app/url") == "v1"
    provider = DEFAULT_PROVIDERS["ssm"]
    requests.attach(provider.client)
    assert "powertools/parameters/" in provider.client.meta.config.user_agent_extra
    assert get_parameter("/app/url") == "v1"
    assert DEFAULT_PROVIDERS["ssm"] is provider
    assert requests.count() == 0


def test_max_age_expires_the_value(aws, clock, default_provider, requests):
    put("/app/url", "v1")
    default_provider("ssm")
    get_parameter("/app/url", max_age=60)
    put("/app/url", "v2")
    clock.advance(60)
    assert get_parameter("/app/url", max_age=60) == "v1"  # exactly max_age old: still fresh
    clock.advance(1)
    assert get_parameter("/app/url", max_age=60) == "v2"
    assert requests.count("GetParameter") == 2


def test_default_max_age_is_300_seconds_and_the_env_var_changes_it(aws, clock, default_provider, requests, monkeypatch):
    put("/a", "1")
    put("/b", "1")
    default_provider("ssm")
    get_parameter("/a")
    clock.advance(300)
    get_parameter("/a")
    assert requests.count() == 1
    clock.advance(1)
    get_parameter("/a")
    assert requests.count() == 2

    monkeypatch.setenv("POWERTOOLS_PARAMETERS_MAX_AGE", "5")
    get_parameter("/b")
    clock.advance(6)
    get_parameter("/b")
    assert requests.count() == 4


def test_max_age_zero_never_caches(aws, default_provider, requests):
    put("/a", "1")
    default_provider("ssm")
    get_parameter("/a", max_age=0)
    get_parameter("/a", max_age=0)
    assert requests.count() == 2


def test_malformed_max_age_env_is_a_configuration_error(aws, monkeypatch):
    put("/a", "1")
    monkeypatch.setenv("POWERTOOLS_PARAMETERS_MAX_AGE", "five")
    with pytest.raises(ConfigurationError, match="POWERTOOLS_PARAMETERS_MAX_AGE='five'"):
        get_parameter("/a")


def test_cache_key_includes_transform_and_decrypt(aws, default_provider, requests):
    put("/app/cfg.json", '{"a": 1}', "SecureString")
    default_provider("ssm")
    plain = get_parameter("/app/cfg.json", decrypt=True)
    parsed = get_parameter("/app/cfg.json", transform="json", decrypt=True)
    encrypted = get_parameter("/app/cfg.json", decrypt=False)
    assert plain == '{"a": 1}'
    assert parsed == {"a": 1}
    assert encrypted != plain
    assert requests.count() == 3
    assert get_parameter("/app/cfg.json", transform="json", decrypt=True) == {"a": 1}
    assert get_parameter("/app/cfg.json", decrypt=True) == plain
    assert requests.count() == 3


def test_decrypt_env_var(aws, default_provider, monkeypatch):
    put("/app/password", "s3cr3t-value", "SecureString")
    default_provider("ssm")
    monkeypatch.setenv("POWERTOOLS_PARAMETERS_SSM_DECRYPT", "true")
    assert get_parameter("/app/password") == "s3cr3t-value"
    monkeypatch.setenv("POWERTOOLS_PARAMETERS_SSM_DECRYPT", "maybe")
    with pytest.raises(ConfigurationError, match="POWERTOOLS_PARAMETERS_SSM_DECRYPT"):
        get_parameter("/app/password")


def test_get_parameters_by_path_recursive_and_not(aws, default_provider, requests):
    put("/svc/db/host", "db.local")
    put("/svc/db/port", "5432")
    put("/svc/flags/beta", "on")
    put("/svc/token", "abc-secret", "SecureString")
    put("/other/x", "no")
    default_provider("ssm")

    everything = get_parameters("/svc", decrypt=True)
    assert everything == {"db/host": "db.local", "db/port": "5432", "flags/beta": "on", "token": "abc-secret"}

    provider = DEFAULT_PROVIDERS["ssm"]
    top_level = provider.get_multiple("/svc/", decrypt=True)
    assert top_level == {"token": "abc-secret"}
    assert requests.count("GetParametersByPath") == 2

    assert get_parameters("/svc", decrypt=True) == everything  # cached
    assert requests.count("GetParametersByPath") == 2


def test_get_parameters_pages_through_every_result(aws, default_provider):
    for index in range(25):
        put(f"/many/p{index:02d}", str(index))
    default_provider("ssm")
    values = get_parameters("/many")
    assert values == {f"p{index:02d}": str(index) for index in range(25)}


def test_get_parameters_with_json_transform_and_a_bad_value(aws, default_provider):
    put("/cfg/good", '{"ok": true}')
    put("/cfg/bad", "{not json")
    default_provider("ssm")
    assert get_parameters("/cfg", transform="json") == {"good": {"ok": True}, "bad": None}
    from powertools.parameters import TransformParameterError

    with pytest.raises(TransformParameterError, match="Unable to transform value of 'bad' using 'json' transform"):
        get_parameters("/cfg", transform="json", raise_on_transform_error=True, force_fetch=True)


def test_get_parameters_auto_transform_by_suffix(aws, default_provider):
    put("/auto/cfg.json", '{"a": [1, 2]}')
    put("/auto/key.binary", "aGVsbG8=")
    put("/auto/plain", "text")
    default_provider("ssm")
    assert get_parameters("/auto", transform="auto") == {
        "cfg.json": {"a": [1, 2]},
        "key.binary": b"hello",
        "plain": "text",
    }


def test_missing_parameter_names_it(aws):
    with pytest.raises(GetParameterError) as info:
        get_parameter("/does/not/exist")
    assert str(info.value).startswith(
        "Failed to get parameter '/does/not/exist': An error occurred (ParameterNotFound)"
    )
    assert info.value.name == "/does/not/exist"
    assert type(info.value.__cause__).__name__ == "ParameterNotFound"


def test_missing_path_returns_an_empty_dict(aws):
    assert get_parameters("/nothing/here") == {}


def test_set_parameter_creates_overwrites_and_sets_tier_and_key(aws):
    reply = set_parameter("/new/param", "one")
    assert reply["Version"] == 1
    with pytest.raises(SetParameterError) as info:
        set_parameter("/new/param", "two")
    assert str(info.value).startswith(
        "Error setting parameter '/new/param' - An error occurred (ParameterAlreadyExists)"
    )

    reply = set_parameter("/new/param", "two", overwrite=True, tier="Advanced", description="the second")
    assert (reply["Version"], reply["Tier"]) == (2, "Advanced")
    stored = boto3.client("ssm").get_parameter(Name="/new/param")["Parameter"]
    assert (stored["Value"], stored["Version"]) == ("two", 2)

    set_parameter("/new/secret", "pa55word", parameter_type="SecureString", kms_key_id="alias/my-key")
    described = boto3.client("ssm").describe_parameters(ParameterFilters=[{"Key": "Name", "Values": ["/new/secret"]}])[
        "Parameters"
    ][0]
    assert (described["Type"], described["KeyId"]) == ("SecureString", "alias/my-key")


def test_set_parameter_stringlist_from_a_list(aws):
    set_parameter("/new/list", ["a", "b", "c"], parameter_type="StringList")
    stored = boto3.client("ssm").get_parameter(Name="/new/list")["Parameter"]
    assert (stored["Type"], stored["Value"]) == ("StringList", "a,b,c")


def test_provider_accepts_boto_config_session_and_client(aws, requests):
    put("/a", "1")
    configured = SSMProvider(boto_config=Config(connect_timeout=3, user_agent_extra="mine"))
    assert configured.client.meta.config.connect_timeout == 3
    assert configured.client.meta.config.user_agent_extra.startswith("mine powertools/parameters/")

    session = boto3.session.Session(region_name="eu-west-1")
    from_session = SSMProvider(boto3_session=session)
    assert from_session.client.meta.region_name == "eu-west-1"

    mine = requests.attach(boto3.client("ssm"))
    given = SSMProvider(boto3_client=mine)
    assert given.client is mine
    assert given.get("/a") == "1"
    assert requests.count() == 1


def test_deprecated_config_argument_warns(aws):
    from powertools.common import PowertoolsDeprecationWarning

    with pytest.warns(PowertoolsDeprecationWarning, match="boto_config"):
        provider = SSMProvider(config=Config(connect_timeout=4))
    assert provider.client.meta.config.connect_timeout == 4


def test_json_value_round_trip(aws):
    document = {"feature": {"enabled": True, "ratio": 0.5}}
    set_parameter("/doc.json", json.dumps(document))
    assert get_parameter("/doc.json", transform="auto") == document
