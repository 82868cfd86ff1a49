"""Errors and warnings raised by powertools.logger."""

from __future__ import annotations

from powertools.common.exceptions import ConfigurationError, PowertoolsError

# Re-exported: one warning category shared by every powertools package.
from powertools.common.warnings import PowertoolsUserWarning as PowertoolsUserWarning


class InvalidLoggerSamplingRateError(ConfigurationError):
    """The sampling rate (argument or POWERTOOLS_LOGGER_SAMPLE_RATE) is not a number between 0 and 1."""


class OrphanedChildLoggerError(PowertoolsError, RuntimeError):
    """A child Logger changed keys before its parent Logger (same service) was created."""


class InvalidLogKeyError(PowertoolsError, TypeError):
    """A key that maps a standard log attribute (level, location, timestamp, name, ...) was given a non-string value."""

    def __init__(self, key: str, value: object) -> None:
        self.key = key
        self.value = value
        super().__init__(
            f"Log key {key!r} overrides a standard log attribute and must be a %-style string "
            f"such as '%(funcName)s:%(lineno)d', got {type(value).__name__} {value!r}"
        )
