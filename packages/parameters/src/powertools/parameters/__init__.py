"""Cached values from SSM Parameter Store, Secrets Manager, AppConfig and DynamoDB
(upstream: aws_lambda_powertools.utilities.parameters).

from powertools.parameters import get_parameter, get_secret, get_app_config

Importing this package is cheap: each name loads its module on first use, and boto3 is
imported when the first client is created, not before.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.1.1"

_EXPORTS = {
    "AppConfigProvider": ".appconfig",
    "get_app_config": ".appconfig",
    "AppConfigExtensionProvider": ".appconfig_extension",
    "BaseProvider": ".base",
    "clear_caches": ".base",
    "DynamoDBProvider": ".dynamodb",
    "GetParameterError": ".exceptions",
    "GetSecretError": ".exceptions",
    "SetParameterError": ".exceptions",
    "SetSecretError": ".exceptions",
    "TransformParameterError": ".exceptions",
    "SecretsProvider": ".secrets",
    "get_secret": ".secrets",
    "get_secrets_by_name": ".secrets",
    "set_secret": ".secrets",
    "SSMProvider": ".ssm",
    "get_parameter": ".ssm",
    "get_parameters": ".ssm",
    "get_parameters_by_name": ".ssm",
    "set_parameter": ".ssm",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.parameters.appconfig import AppConfigProvider, get_app_config
    from powertools.parameters.appconfig_extension import AppConfigExtensionProvider
    from powertools.parameters.base import BaseProvider, clear_caches
    from powertools.parameters.dynamodb import DynamoDBProvider
    from powertools.parameters.exceptions import (
        GetParameterError,
        GetSecretError,
        SetParameterError,
        SetSecretError,
        TransformParameterError,
    )
    from powertools.parameters.secrets import SecretsProvider, get_secret, get_secrets_by_name, set_secret
    from powertools.parameters.ssm import (
        SSMProvider,
        get_parameter,
        get_parameters,
        get_parameters_by_name,
        set_parameter,
    )
