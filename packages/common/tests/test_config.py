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


def test_malformed_number_names_variable_and_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_LOGGER_SAMPLE_RATE", "abc")
    with pytest.raises(
        ConfigurationError, match=r"POWERTOOLS_LOGGER_SAMPLE_RATE='abc' is not valid: expected a number"
    ):
        config.env_float("POWERTOOLS_LOGGER_SAMPLE_RATE", 0.0)


def test_explicit_argument_wins_over_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "from-env")
    monkeypatch.setenv("POWERTOOLS_LOGGER_SAMPLE_RATE", "abc")
    assert config.service_name("explicit") == "explicit"
    assert config.service_name() == "from-env"
    # An explicit value means the malformed env var is never read.
    assert config.env_float("POWERTOOLS_LOGGER_SAMPLE_RATE", 0.0, choice=0.5) == 0.5
    assert config.env_bool("POWERTOOLS_DEV", choice=False) is False


def test_service_name_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POWERTOOLS_SERVICE_NAME", raising=False)
    assert config.service_name() == "service_undefined"


def test_int_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_SIZE", "12")
    assert config.env_int("X_SIZE", 3) == 12
    monkeypatch.setenv("X_SIZE", "1.5")
    with pytest.raises(ConfigurationError, match="expected an integer"):
        config.env_int("X_SIZE", 3)


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


def test_lambda_runtime_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAMBDA_TASK_ROOT", raising=False)
    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
    assert config.is_lambda_runtime() is False
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    assert config.is_lambda_runtime() is True
