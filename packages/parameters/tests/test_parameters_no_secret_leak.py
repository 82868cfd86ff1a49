"""A secret's value never reaches a log line or an exception, also with POWERTOOLS_DEBUG=1.

Every scenario reads or writes the same distinctive value through the real services
(moto, AppConfigData), succeeding and failing, while every log record is captured and
every error is formatted as a full traceback (the chained causes included).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

import powertools.common.debug as common_debug
from powertools.parameters import (
    AppConfigProvider,
    get_parameter,
    get_parameters,
    get_parameters_by_name,
    get_secret,
    get_secrets_by_name,
    set_parameter,
    set_secret,
)

SECRET = "Zebra-Quartz-4711-secret"  # appears nowhere but in the stores
NUMBER_SECRET = 47110815  # a value of the wrong type, which botocore quotes when it rejects it


@pytest.fixture
def debug_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """POWERTOOLS_DEBUG=1 as at a cold start: the debug handler is attached afresh."""
    monkeypatch.setenv("POWERTOOLS_DEBUG", "1")
    root = logging.getLogger("powertools")
    handlers, level = list(root.handlers), root.level
    monkeypatch.setattr(common_debug, "_debug_on", False)
    common_debug.enable_debug_from_env()
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def scenarios() -> list[Callable[[], Any]]:
    ssm = boto3.client("ssm")
    ssm.put_parameter(Name="/leak/secure", Value=SECRET, Type="SecureString")
    ssm.put_parameter(Name="/leak/dir/secure", Value=SECRET, Type="SecureString")
    secrets = boto3.client("secretsmanager")
    secrets.create_secret(Name="leak-string", SecretString=SECRET)
    secrets.create_secret(Name="leak-binary", SecretBinary=b"\xff" + SECRET.encode())
    return [
        lambda: get_parameter("/leak/secure", decrypt=True),
        lambda: get_parameter("/leak/secure", decrypt=True, transform="json", force_fetch=True),
        lambda: get_parameter("/leak/secure", decrypt=True, transform="binary", force_fetch=True),
        lambda: get_parameters("/leak/dir", decrypt=True, transform="json", raise_on_transform_error=True),
        lambda: get_parameters_by_name({"/leak/secure": {"transform": "json"}, "/leak/none": None}, decrypt=True),
        lambda: get_parameters_by_name({"/leak/secure": {"transform": "json"}}, decrypt=True, raise_on_error=False),
        lambda: set_parameter("/leak/secure", SECRET, parameter_type="SecureString"),  # exists, no overwrite
        lambda: set_parameter("/leak/int", NUMBER_SECRET, parameter_type="SecureString"),  # type: ignore[arg-type]
        lambda: get_secret("leak-string"),
        lambda: get_secret("leak-string", transform="json", force_fetch=True),
        lambda: get_secret("leak-binary", transform="json"),  # not UTF-8: the decode error quotes a byte
        lambda: get_secrets_by_name(["leak-string", "leak-binary", "leak-gone"]),
        lambda: set_secret("leak-string", SECRET, client_request_token="c" * 32),
        lambda: set_secret("leak-string", SECRET + "-2", client_request_token="c" * 32),  # token reused
        lambda: set_secret("leak-int", NUMBER_SECRET),  # type: ignore[arg-type]
    ]


def run_all(appconfig_data: Any) -> list[str]:
    appconfig_data.put_configuration("leak", "prod", "creds", f"password={SECRET}", content_type="text/plain")
    calls = [*scenarios(), lambda: AppConfigProvider("prod", "leak").get("creds", transform="json")]
    formatted = []
    for call in calls:
        try:
            call()
        except Exception as exc:
            formatted.append("".join(traceback.format_exception(exc)))
    return formatted


def test_no_secret_in_any_output_with_debug_on(aws, appconfig_data, debug_on, caplog, capfd):
    # Nothing lowered: what the process emits with only POWERTOOLS_DEBUG=1 set is what counts.
    errors = run_all(appconfig_data)

    assert len(errors) >= 12  # the failing scenarios did fail
    for text in errors:
        assert SECRET not in text, text
        assert str(NUMBER_SECRET) not in text, text
    output = capfd.readouterr()
    assert "Fetching parameter '/leak/secure'" in output.err  # the debug log is on and written
    assert SECRET not in output.err
    assert SECRET not in output.out
    records = [record.getMessage() for record in caplog.records]
    assert any("powertools" in record.name for record in caplog.records)
    assert not [message for message in records if SECRET in message]


def test_no_secret_in_our_records_with_every_logger_at_debug(aws, appconfig_data, debug_on, caplog):
    """With the root logger at DEBUG botocore logs raw HTTP bodies itself (its own behaviour,
    the same under upstream); every record of ours stays clean."""
    caplog.set_level(logging.DEBUG)
    run_all(appconfig_data)
    ours = [record for record in caplog.records if record.name.startswith("powertools")]
    assert len(ours) >= 10
    assert not [record.getMessage() for record in ours if SECRET in record.getMessage()]
