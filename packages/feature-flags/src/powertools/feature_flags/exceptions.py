"""Errors raised by feature flags (upstream: aws_lambda_powertools.utilities.feature_flags.exceptions)."""

from __future__ import annotations

from powertools.common.exceptions import PowertoolsError


class ConfigurationStoreError(PowertoolsError):
    """The store could not fetch or parse the configuration; ``evaluate`` then returns the default."""


class SchemaValidationError(PowertoolsError):
    """The feature flags configuration does not follow the schema; the message names where."""


class StoreClientError(PowertoolsError):
    """The store refused the request (e.g. access denied); propagated to the caller, never defaulted."""


class InvalidContextError(PowertoolsError, TypeError):
    """``context`` given to ``evaluate`` / ``get_enabled_features`` is not a mapping."""
