"""Secrets Manager: ``SecretsProvider``, ``get_secret``, ``get_secrets_by_name`` and ``set_secret``.

IAM: ``secretsmanager:GetSecretValue`` (get_secret), ``secretsmanager:BatchGetSecretValue``
plus ``secretsmanager:GetSecretValue`` on each secret (get_secrets_by_name),
``secretsmanager:PutSecretValue`` and ``secretsmanager:CreateSecret`` (set_secret), and
``kms:Decrypt`` / ``kms:GenerateDataKey`` on a customer managed key.
"""

from __future__ import annotations

from powertools.parameters._clients import LazyClient, config_argument
from powertools.parameters._safety import describe
from powertools.parameters.base import _MISSING, BaseProvider, logger, resolve_max_age
from powertools.parameters.constants import DEFAULT_PROVIDERS
from powertools.parameters.exceptions import GetSecretError, SetSecretError
from powertools.parameters.transform import check_transform, transform_value

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    import boto3
    from botocore.config import Config

    from powertools.parameters.types import TransformOptions

__all__ = ["SecretsProvider", "get_secret", "get_secrets_by_name", "set_secret"]

_BATCH_SIZE = 20  # BatchGetSecretValue accepts at most 20 ids


def _error_code(exc: BaseException) -> str | None:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        return code if isinstance(code, str) else None
    return None


class SecretsProvider(BaseProvider):
    """Secrets from AWS Secrets Manager (``SecretString`` as str, ``SecretBinary`` as bytes)."""

    _kind = "secret"
    client = LazyClient("secretsmanager")

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

    def _get(self, name: str, **sdk_options: Any) -> str | bytes:
        sdk_options["SecretId"] = name
        reply = self.client.get_secret_value(**sdk_options)
        if "SecretString" in reply:
            return reply["SecretString"]
        return reply["SecretBinary"]

    def get_multiple(  # type: ignore[override]
        self,
        names: list[str],
        max_age: int | None = None,
        transform: TransformOptions = None,
        raise_on_transform_error: bool = False,
        force_fetch: bool = False,
        **sdk_options: Any,
    ) -> dict[str, Any]:
        """Several secrets by exact name or ARN, 20 per ``BatchGetSecretValue`` call.

        Each secret is cached on its own, under the same key ``get`` uses. A secret that
        can't be read raises ``GetSecretError`` naming it.
        """
        if not names or isinstance(names, str):
            raise GetSecretError("You must provide at least one secret name")
        check_transform(transform)
        age = resolve_max_age(max_age)
        values: dict[str, Any] = {}
        missing: list[str] = []
        for name in dict.fromkeys(names):
            cached = _MISSING if force_fetch else self._lookup(self._cache_key(name, transform, False, sdk_options))
            if cached is _MISSING:
                missing.append(name)
            else:
                values[name] = cached
        for start in range(0, len(missing), _BATCH_SIZE):
            fetched = self._get_multiple(missing[start : start + _BATCH_SIZE], **sdk_options)
            for name, value in fetched.items():
                if transform:
                    value = transform_value(
                        value, transform, raise_on_transform_error=raise_on_transform_error, key=name
                    )
                if value is not None:
                    self.add_to_cache(
                        key=self._cache_key(name, transform, False, sdk_options), value=value, max_age=age
                    )
                values[name] = value
        return {name: values[name] for name in names}

    def _get_multiple(self, names: list[str], **sdk_options: Any) -> dict[str, Any]:  # type: ignore[override]
        logger.debug("BatchGetSecretValue for %d secret(s)", len(names))
        request = {**sdk_options, "SecretIdList": list(names)}
        found: dict[str, Any] = {}
        failures: list[str] = []
        try:
            while True:
                reply = self.client.batch_get_secret_value(**request)
                for secret in reply.get("SecretValues", []):
                    name = next((n for n in names if n in (secret.get("Name"), secret.get("ARN"))), None)
                    if name is None:
                        continue
                    found[name] = secret["SecretString"] if "SecretString" in secret else secret.get("SecretBinary")
                for error in reply.get("Errors", []):
                    failures.append(f"{error.get('SecretId')} ({error.get('ErrorCode')})")
                if not reply.get("NextToken"):
                    break
                request["NextToken"] = reply["NextToken"]
        except Exception as exc:
            raise GetSecretError(f"Failed to retrieve secrets {names}: {describe(exc)}", name=names[0]) from exc
        missing = [name for name in names if name not in found]
        if missing:
            detail = f": {', '.join(failures)}" if failures else ""
            raise GetSecretError(f"Failed to retrieve secrets {missing}{detail}", name=missing[0])
        return found

    def set(
        self,
        name: str,
        value: str | bytes | dict[str, Any],
        *,
        client_request_token: str | None = None,
        **sdk_options: Any,
    ) -> dict[str, Any]:
        """Store a new version of ``name`` (``PutSecretValue``), creating the secret if it is missing.

        A dict is stored as JSON, bytes as ``SecretBinary``.
        """
        if isinstance(value, dict):
            import json

            from powertools.common.encoder import Encoder

            value = json.dumps(value, cls=Encoder)
        if isinstance(value, (bytes, bytearray)):
            sdk_options["SecretBinary"] = bytes(value)
        else:
            sdk_options["SecretString"] = value
        if client_request_token:
            sdk_options["ClientRequestToken"] = client_request_token
        try:
            try:
                logger.debug("Updating secret %r", name)
                reply: dict[str, Any] = self.client.put_secret_value(SecretId=name, **sdk_options)
            except Exception as exc:
                if _error_code(exc) != "ResourceNotFoundException":
                    raise
                logger.debug("Secret %r doesn't exist: creating it", name)
                reply = self.client.create_secret(Name=name, **sdk_options)
        except Exception as exc:
            reason = describe(exc, value)
            error = SetSecretError(f"Error setting secret '{name}' - {reason}", name=name)
            # botocore's own validation message quotes the value: then the original stays out.
            raise error from (exc if reason == str(exc) else None)
        return reply


def _default_provider() -> SecretsProvider:
    provider = DEFAULT_PROVIDERS.get("secrets")
    if provider is None:
        provider = DEFAULT_PROVIDERS["secrets"] = SecretsProvider()
    return provider


def get_secret(
    name: str,
    transform: TransformOptions = None,
    force_fetch: bool = False,
    max_age: int | None = None,
    **sdk_options: Any,
) -> Any:
    """One secret's value, cached for ``max_age`` seconds (``POWERTOOLS_PARAMETERS_MAX_AGE``, 300)."""
    return _default_provider().get(name, max_age=max_age, transform=transform, force_fetch=force_fetch, **sdk_options)


def get_secrets_by_name(
    names: list[str],
    transform: TransformOptions = None,
    force_fetch: bool = False,
    max_age: int | None = None,
    **sdk_options: Any,
) -> dict[str, Any]:
    """Several secrets at once: ``{name: value}`` in the order asked for."""
    if not names:
        raise GetSecretError("You must provide at least one secret name")
    return _default_provider().get_multiple(
        names, max_age=max_age, transform=transform, force_fetch=force_fetch, **sdk_options
    )


def set_secret(
    name: str,
    value: str | bytes | dict[str, Any],
    *,
    client_request_token: str | None = None,
    **sdk_options: Any,
) -> dict[str, Any]:
    """Create the secret or store a new version of it."""
    return _default_provider().set(name, value, client_request_token=client_request_token, **sdk_options)
