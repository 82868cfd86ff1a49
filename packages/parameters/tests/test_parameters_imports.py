"""Import cost and public API shape: a cheap root, upstream's names and submodules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("boto3", "botocore", "jmespath", "pydantic", "logging", "json", "base64", "typing", "http.client")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_every_public_name_loads_nothing_heavy() -> None:
    code = (
        "from powertools.parameters import get_parameter, get_parameters, get_parameters_by_name, set_parameter, "
        "get_secret, get_secrets_by_name, set_secret, get_app_config, clear_caches, BaseProvider, SSMProvider, "
        "SecretsProvider, AppConfigProvider, DynamoDBProvider, AppConfigExtensionProvider, GetParameterError"
    )
    assert _loaded_after(code).isdisjoint(HEAVY)


def test_creating_providers_still_defers_boto3() -> None:
    code = (
        "from powertools.parameters import SSMProvider, SecretsProvider, AppConfigProvider, DynamoDBProvider\n"
        "SSMProvider(); SecretsProvider(); AppConfigProvider(environment='prod', application='a')\n"
        "DynamoDBProvider('table')\n"
    )
    assert _loaded_after(code).isdisjoint({"boto3", "botocore"})


def test_upstream_submodules_and_names() -> None:
    import powertools.parameters as parameters
    from powertools.parameters import appconfig, base, constants, dynamodb, exceptions, secrets, ssm, types
    from powertools.parameters.appconfig_extension import AppConfigExtensionProvider

    assert parameters.SSMProvider is ssm.SSMProvider
    assert parameters.get_parameters_by_name is ssm.get_parameters_by_name
    assert parameters.SecretsProvider is secrets.SecretsProvider
    assert parameters.get_app_config is appconfig.get_app_config
    assert parameters.DynamoDBProvider is dynamodb.DynamoDBProvider
    assert parameters.BaseProvider is base.BaseProvider
    assert parameters.clear_caches is base.clear_caches
    assert parameters.AppConfigExtensionProvider is AppConfigExtensionProvider
    assert parameters.GetParameterError is exceptions.GetParameterError
    assert callable(base.transform_value)
    assert callable(base.get_transform_method)
    assert constants.DEFAULT_MAX_AGE_SECS == "300"
    assert types.TransformOptions is not None
    upstream_all = {
        "AppConfigExtensionProvider", "AppConfigProvider", "BaseProvider", "GetParameterError", "DynamoDBProvider",
        "SecretsProvider", "SSMProvider", "TransformParameterError", "get_app_config", "get_parameter",
        "set_parameter", "get_parameters", "get_parameters_by_name", "get_secret", "get_secrets_by_name",
        "set_secret", "clear_caches",
    }  # fmt: skip
    assert upstream_all <= set(parameters.__all__)
    for name in parameters.__all__:
        assert getattr(parameters, name) is not None
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert f'\nversion = "{parameters.__version__}"\n' in pyproject


def test_errors_are_powertools_errors() -> None:
    from powertools.common import PowertoolsError
    from powertools.parameters import exceptions

    for name in (
        "GetParameterError",
        "GetSecretError",
        "TransformParameterError",
        "SetParameterError",
        "SetSecretError",
    ):
        assert issubclass(getattr(exceptions, name), PowertoolsError)
