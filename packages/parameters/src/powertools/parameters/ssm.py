"""SSM Parameter Store: ``SSMProvider``, ``get_parameter``, ``get_parameters``,
``get_parameters_by_name`` and ``set_parameter``.

IAM: ``ssm:GetParameter`` (get_parameter), ``ssm:GetParametersByPath`` (get_parameters),
``ssm:GetParameters`` (get_parameters_by_name), ``ssm:PutParameter`` (set_parameter), and
``kms:Decrypt`` on the key of any SecureString read with ``decrypt=True``.
"""

from __future__ import annotations

from powertools.parameters._clients import LazyClient, config_argument
from powertools.parameters._safety import describe
from powertools.parameters.base import BaseProvider
from powertools.parameters.constants import DEFAULT_PROVIDERS, SSM_DECRYPT_ENV
from powertools.parameters.exceptions import SetParameterError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    import boto3
    from botocore.config import Config

    from powertools.common.typing import LambdaContext
    from powertools.parameters.constants import SSM_PARAMETER_TIER, SSM_PARAMETER_TYPES
    from powertools.parameters.types import TransformOptions

__all__ = ["SSMProvider", "get_parameter", "get_parameters", "get_parameters_by_name", "set_parameter"]


def resolve_decrypt(decrypt: bool | None) -> bool:
    """``decrypt`` if given, else ``POWERTOOLS_PARAMETERS_SSM_DECRYPT``, else False."""
    from powertools.common.config import env_bool

    return env_bool(SSM_DECRYPT_ENV, False, decrypt)


class SSMProvider(BaseProvider):
    """Values from AWS Systems Manager Parameter Store (String, StringList, SecureString)."""

    _MAX_GET_PARAMETERS_ITEM = 10  # GetParameters accepts at most 10 names
    _ERRORS_KEY = "_errors"

    client = LazyClient("ssm")

    def __init__(
        self,
        config: Config | None = None,
        boto_config: Config | None = None,
        boto3_session: boto3.session.Session | None = None,
        boto3_client: Any = None,
    ) -> None:
        self._client_options = {"session": boto3_session, "config": config_argument(config, boto_config)}
        if boto3_client is not None:
            self.client = boto3_client
        super().__init__()

    def get(  # type: ignore[override]
        self,
        name: str,
        max_age: int | None = None,
        transform: TransformOptions = None,
        decrypt: bool | None = None,
        force_fetch: bool = False,
        **sdk_options: Any,
    ) -> str | bytes | dict[str, Any] | None:
        """One parameter; ``decrypt`` defaults to ``POWERTOOLS_PARAMETERS_SSM_DECRYPT``."""
        sdk_options["decrypt"] = resolve_decrypt(decrypt)
        return super().get(name, max_age, transform, force_fetch, **sdk_options)

    def get_multiple(  # type: ignore[override]
        self,
        path: str,
        max_age: int | None = None,
        transform: TransformOptions = None,
        raise_on_transform_error: bool = False,
        decrypt: bool | None = None,
        force_fetch: bool = False,
        recursive: bool = False,
        **sdk_options: Any,
    ) -> dict[str, Any]:
        """Every parameter under ``path``, keyed by its name relative to ``path``."""
        sdk_options["decrypt"] = resolve_decrypt(decrypt)
        sdk_options["recursive"] = recursive
        return super().get_multiple(path, max_age, transform, raise_on_transform_error, force_fetch, **sdk_options)

    def _get(self, name: str, decrypt: bool = False, **sdk_options: Any) -> str:
        sdk_options["Name"] = name
        sdk_options["WithDecryption"] = decrypt
        value: str = self.client.get_parameter(**sdk_options)["Parameter"]["Value"]
        return value

    def _get_multiple(
        self, path: str, decrypt: bool | None = None, recursive: bool = False, **sdk_options: Any
    ) -> dict[str, str]:
        sdk_options["Path"] = path
        sdk_options["WithDecryption"] = bool(decrypt)
        sdk_options["Recursive"] = recursive
        parameters: dict[str, str] = {}
        for page in self.client.get_paginator("get_parameters_by_path").paginate(**sdk_options):
            for parameter in page.get("Parameters", []):
                name = parameter["Name"]
                if name.startswith(path):
                    name = name[len(path) :]
                parameters[name.lstrip("/")] = parameter["Value"]
        return parameters

    def set(
        self,
        name: str,
        value: str | list[str],
        *,
        overwrite: bool = False,
        description: str = "",
        parameter_type: SSM_PARAMETER_TYPES = "String",
        tier: SSM_PARAMETER_TIER = "Standard",
        kms_key_id: str | None = None,
        **sdk_options: Any,
    ) -> dict[str, Any]:
        """Write a parameter (``PutParameter``); returns the service's reply (``Version``, ``Tier``).

        A list value is stored as a comma-separated StringList.
        """
        if isinstance(value, (list, tuple)):
            value = ",".join(str(item) for item in value)
        request: dict[str, Any] = {
            "Name": name,
            "Value": value,
            "Overwrite": overwrite,
            "Type": parameter_type,
            "Tier": tier,
            "Description": description,
            **sdk_options,
        }
        if kms_key_id:
            request["KeyId"] = kms_key_id
        try:
            reply: dict[str, Any] = self.client.put_parameter(**request)
        except Exception as exc:
            reason = describe(exc, value)
            error = SetParameterError(f"Error setting parameter '{name}' - {reason}", name=name)
            # botocore's own validation message quotes the value: then the original stays out.
            raise error from (exc if reason == str(exc) else None)
        return reply

    def get_parameters_by_name(
        self,
        parameters: dict[str, Any],
        transform: TransformOptions = None,
        decrypt: bool | None = None,
        max_age: int | None = None,
        raise_on_error: bool = True,
        *,
        lambda_context: LambdaContext | None = None,
    ) -> dict[str, Any]:
        """Many parameters by name, batched ``GetParameters`` calls of up to 10 names each.

        ``parameters`` maps each name to its own options (``transform``, ``decrypt``,
        ``max_age``) or ``None`` for the defaults given here. With ``raise_on_error=False``,
        names that could not be read are listed under ``"_errors"`` instead of raising.
        A throttled batch is retried with backoff, within ``lambda_context``'s remaining time
        when it is given.
        """
        from powertools.parameters._ssm_batch import BatchRead

        return BatchRead(
            self,
            transform=transform,
            decrypt=resolve_decrypt(decrypt),
            max_age=max_age,
            raise_on_error=raise_on_error,
            lambda_context=lambda_context,
        ).run(parameters)


def _default_provider() -> SSMProvider:
    provider = DEFAULT_PROVIDERS.get("ssm")
    if provider is None:
        provider = DEFAULT_PROVIDERS["ssm"] = SSMProvider()
    return provider


def get_parameter(
    name: str,
    transform: TransformOptions = None,
    decrypt: bool | None = None,
    force_fetch: bool = False,
    max_age: int | None = None,
    **sdk_options: Any,
) -> Any:
    """One SSM parameter, cached for ``max_age`` seconds (``POWERTOOLS_PARAMETERS_MAX_AGE``, 300)."""
    return _default_provider().get(
        name, max_age=max_age, transform=transform, decrypt=decrypt, force_fetch=force_fetch, **sdk_options
    )


def get_parameters(
    path: str,
    transform: TransformOptions = None,
    recursive: bool = True,
    decrypt: bool | None = None,
    force_fetch: bool = False,
    max_age: int | None = None,
    raise_on_transform_error: bool = False,
    **sdk_options: Any,
) -> dict[str, Any]:
    """Every SSM parameter under ``path`` (recursively by default), keyed by relative name."""
    return _default_provider().get_multiple(
        path,
        max_age=max_age,
        transform=transform,
        raise_on_transform_error=raise_on_transform_error,
        decrypt=decrypt,
        force_fetch=force_fetch,
        recursive=recursive,
        **sdk_options,
    )


def get_parameters_by_name(
    parameters: dict[str, Any],
    transform: TransformOptions = None,
    decrypt: bool | None = None,
    max_age: int | None = None,
    raise_on_error: bool = True,
    *,
    lambda_context: LambdaContext | None = None,
) -> dict[str, Any]:
    """Many SSM parameters by name with per-name options; see ``SSMProvider.get_parameters_by_name``."""
    return _default_provider().get_parameters_by_name(
        parameters,
        transform=transform,
        decrypt=decrypt,
        max_age=max_age,
        raise_on_error=raise_on_error,
        lambda_context=lambda_context,
    )


def set_parameter(
    name: str,
    value: str | list[str],
    *,
    overwrite: bool = False,
    description: str = "",
    parameter_type: SSM_PARAMETER_TYPES = "String",
    tier: SSM_PARAMETER_TIER = "Standard",
    kms_key_id: str | None = None,
    **sdk_options: Any,
) -> dict[str, Any]:
    """Create or (with ``overwrite=True``) replace an SSM parameter."""
    return _default_provider().set(
        name,
        value,
        overwrite=overwrite,
        description=description,
        parameter_type=parameter_type,
        tier=tier,
        kms_key_id=kms_key_id,
        **sdk_options,
    )
