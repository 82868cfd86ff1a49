import warnings

import pytest

from powertools.common import config
from powertools.common.exceptions import ConfigurationError


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", "Yes", "on", " On "])
def test_truthy_values(raw: str) -> None:
    assert config.strtobool(raw) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "OFF", ""])
def test_falsy_values(raw: str) -> None:
    assert config.strtobool(raw) is False


def test_malformed_boolean_names_variable_and_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_DEV", "maybe")
    with pytest.raises(ConfigurationError) as info:
        config.env_bool("POWERTOOLS_DEV")
    assert info.value.variable == "POWERTOOLS_DEV"
    assert info.value.value == "maybe"
    assert "POWERTOOLS_DEV='maybe'" in str(info.value)


def test_explicit_argument_wins_over_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "from-env")
    monkeypatch.setenv("POWERTOOLS_DEV", "maybe")
    assert config.service_name("explicit") == "explicit"
    assert config.service_name() == "from-env"
    # An explicit value means the malformed env var is never read.
    assert config.env_bool("POWERTOOLS_DEV", choice=False) is False


def test_service_name_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POWERTOOLS_SERVICE_NAME", raising=False)
    assert config.service_name() == "service_undefined"


def test_dev_mode_warns_only_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "_dev_warning_shown", False)
    monkeypatch.setenv("POWERTOOLS_DEV", "true")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert config.is_dev_mode() is True
        assert config.is_dev_mode() is True
    assert len(caught) == 1
    assert "POWERTOOLS_DEV" in str(caught[0].message)


def test_dev_mode_off_is_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "_dev_warning_shown", False)
    monkeypatch.delenv("POWERTOOLS_DEV", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert config.is_dev_mode() is False


def test_env_int_parses_defaults_and_names_a_bad_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POWERTOOLS_PARAMETERS_MAX_AGE", raising=False)
    assert config.env_int("POWERTOOLS_PARAMETERS_MAX_AGE", 300) == 300
    monkeypatch.setenv("POWERTOOLS_PARAMETERS_MAX_AGE", " 42 ")
    assert config.env_int("POWERTOOLS_PARAMETERS_MAX_AGE", 300) == 42
    assert config.env_int("POWERTOOLS_PARAMETERS_MAX_AGE", 300, choice=7) == 7
    monkeypatch.setenv("POWERTOOLS_PARAMETERS_MAX_AGE", "five")
    with pytest.raises(ConfigurationError) as info:
        config.env_int("POWERTOOLS_PARAMETERS_MAX_AGE", 300)
    assert (info.value.variable, info.value.value) == ("POWERTOOLS_PARAMETERS_MAX_AGE", "five")
    assert "an integer" in str(info.value)
