"""Log level resolution: explicit argument, POWERTOOLS_LOG_LEVEL, LOG_LEVEL and Lambda's ALC.

Precedence (as upstream): Lambda Advanced Logging Controls (``AWS_LAMBDA_LOG_LEVEL``)
win, because the runtime drops anything below them anyway; then the ``level``
argument; then ``POWERTOOLS_LOG_LEVEL``; then the legacy ``LOG_LEVEL``; then INFO.
"""

from __future__ import annotations

import logging
import os
import warnings

from powertools.common.exceptions import ConfigurationError

POWERTOOLS_LOG_LEVEL_ENV = "POWERTOOLS_LOG_LEVEL"
LEGACY_LOG_LEVEL_ENV = "LOG_LEVEL"
LAMBDA_LOG_LEVEL_ENV = "AWS_LAMBDA_LOG_LEVEL"

# Lambda's ALC level names -> Python logging level names.
LAMBDA_ADVANCED_LOGGING_LEVELS = {
    "TRACE": "DEBUG",
    "DEBUG": "DEBUG",
    "INFO": "INFO",
    "WARN": "WARNING",
    "ERROR": "ERROR",
    "FATAL": "CRITICAL",
}

_NAMES = {"DEBUG": 10, "INFO": 20, "WARN": 30, "WARNING": 30, "ERROR": 40, "FATAL": 50, "CRITICAL": 50, "NOTSET": 0}
_EXPECTED = "a log level name (DEBUG, INFO, WARNING, ERROR, CRITICAL), or a non-negative int in code"


def to_level_number(value: str | int, source: str) -> int:
    """``"debug"``, ``"WARN"`` or ``10`` -> 10/30/10; anything else (``"10"`` too) raises ConfigurationError."""
    if isinstance(value, bool):  # bool is an int; True as a level is a bug, not DEBUG+1
        raise ConfigurationError(source, value, _EXPECTED)
    if isinstance(value, int):
        if value < 0:
            raise ConfigurationError(source, value, _EXPECTED)
        return value
    if isinstance(value, str):
        name = value.strip().upper()
        if name in _NAMES:
            return _NAMES[name]
        custom = logging.getLevelName(name)  # levels registered with logging.addLevelName
        if isinstance(custom, int):
            return custom
        # "50" is not a level name: upstream (logging) rejects it, and so do we (a number must be an int).
    raise ConfigurationError(source, value, _EXPECTED)


def lambda_log_level() -> int | None:
    """The level Lambda's Advanced Logging Controls let through, if configured."""
    raw = os.environ.get(LAMBDA_LOG_LEVEL_ENV)
    if not raw:
        return None
    name = LAMBDA_ADVANCED_LOGGING_LEVELS.get(raw.strip().upper())
    return _NAMES[name] if name else None


def powertools_log_level(level: str | int | None) -> tuple[int, str] | None:
    """The level asked for by argument or env var, with where it came from."""
    if level is not None and level != "":
        return to_level_number(level, "level"), "level"
    for variable in (POWERTOOLS_LOG_LEVEL_ENV, LEGACY_LOG_LEVEL_ENV):
        raw = os.environ.get(variable)
        if raw and raw.strip():
            return to_level_number(raw, variable), variable
    return None


def resolve_log_level(level: str | int | None, buffer_level: int | None = None) -> int:
    """The effective level; warns when Lambda's ALC would drop records the Logger emits."""
    alc = lambda_log_level()
    requested = powertools_log_level(level)
    if alc is not None and requested is not None:
        if alc > requested[0]:
            warnings.warn(
                f"Current log level ({logging.getLevelName(requested[0])}) does not match AWS Lambda Advanced "
                f"Logging Controls minimum log level ({logging.getLevelName(alc)}). "
                "This can lead to data loss, consider adjusting them.",
                UserWarning,
                stacklevel=4,
            )
        if buffer_level is not None and alc > buffer_level:
            warn_alc_filters_buffer(stacklevel=4)
    if alc is not None:
        return alc
    return requested[0] if requested is not None else logging.INFO


def warn_alc_filters_buffer(stacklevel: int = 3) -> None:
    from powertools.logger.exceptions import PowertoolsUserWarning

    warnings.warn(
        "Advanced Logging Controls (ALC) Log Level is less verbose than Log Buffering Log Level. "
        "Buffered logs will be filtered by ALC",
        PowertoolsUserWarning,
        stacklevel=stacklevel,
    )
