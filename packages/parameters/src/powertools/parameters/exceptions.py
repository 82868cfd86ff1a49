"""Errors raised by the parameters utility (same class names as upstream's).

Messages name the parameter, secret or configuration profile that failed (also on
``error.name``), and never contain a value that was read or written.
"""

from __future__ import annotations

from powertools.common.exceptions import PowertoolsError


class _NamedError(PowertoolsError):
    def __init__(self, *args: object, name: str | None = None) -> None:
        super().__init__(*args)
        self.name = name


class GetParameterError(_NamedError):
    """A provider could not read a value (missing, access denied, throttled, ...)."""


class GetSecretError(_NamedError):
    """Secrets Manager could not return the secrets asked for by ``get_secrets_by_name``."""


class TransformParameterError(_NamedError):
    """A value was read but the ``json`` / ``binary`` / ``auto`` transform failed."""


class SetParameterError(_NamedError):
    """SSM Parameter Store refused to write a parameter."""


class SetSecretError(_NamedError):
    """Secrets Manager refused to create or update a secret."""
