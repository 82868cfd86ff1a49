"""Configuration read from environment variables.

Explicit arguments always win over environment variables; malformed values
raise ConfigurationError naming the variable and the value instead of being
silently ignored.
"""

from __future__ import annotations

import os

from powertools.common.exceptions import ConfigurationError

# Not typing.TYPE_CHECKING: importing `typing` is a cold-start cost every utility would pay.
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

SERVICE_NAME_ENV = "POWERTOOLS_SERVICE_NAME"
DEFAULT_SERVICE_NAME = "service_undefined"
DEV_ENV = "POWERTOOLS_DEV"
DEBUG_ENV = "POWERTOOLS_DEBUG"
TRACE_MIDDLEWARES_ENV = "POWERTOOLS_TRACE_MIDDLEWARES"

_TRUTHY = frozenset({"1", "true", "yes", "on", "y", "t"})
_FALSY = frozenset({"0", "false", "no", "off", "n", "f", ""})

_dev_warning_shown = False


def strtobool(value: str, *, variable: str = "value") -> bool:
    """Parse a boolean the way operators write it: 1/true/yes/on (any case) are true."""
    normalized = value.strip().lower()
    if normalized in _TRUTHY:
        return True
    if normalized in _FALSY:
        return False
    raise ConfigurationError(variable, value, "a boolean (1/true/yes/on or 0/false/no/off)")


def env_bool(variable: str, default: bool = False, choice: bool | None = None) -> bool:
    """Boolean setting: `choice` if given, else the env var, else `default`."""
    if choice is not None:
        return choice
    raw = os.environ.get(variable)
    if raw is None:
        return default
    return strtobool(raw, variable=variable)


def env_str(variable: str, default: str, choice: str | None = None) -> str:
    """String setting: `choice` if given and non-empty, else the env var, else `default`."""
    if choice:
        return choice
    return os.environ.get(variable) or default


def env_value(variable: str, parse: Callable[[str], T], expected: str, default: T, choice: T | None = None) -> T:
    """Typed setting parsed by `parse`; a value `parse` rejects raises ConfigurationError."""
    if choice is not None:
        return choice
    raw = os.environ.get(variable)
    if raw is None or raw.strip() == "":
        return default
    try:
        return parse(raw.strip())
    except (TypeError, ValueError):
        raise ConfigurationError(variable, raw, expected) from None


def env_int(variable: str, default: int, choice: int | None = None) -> int:
    return env_value(variable, int, "an integer", default, choice)


def service_name(choice: str | None = None) -> str:
    """The service name: argument, POWERTOOLS_SERVICE_NAME, then `service_undefined`."""
    return env_str(SERVICE_NAME_ENV, DEFAULT_SERVICE_NAME, choice)


def is_dev_mode() -> bool:
    """POWERTOOLS_DEV: pretty output and extra verbosity; warns once per process."""
    global _dev_warning_shown
    enabled = env_bool(DEV_ENV)
    if enabled and not _dev_warning_shown:
        import warnings

        _dev_warning_shown = True
        warnings.warn(
            "POWERTOOLS_DEV is on: output is pretty-printed and more verbose. Turn it off in production.",
            stacklevel=2,
        )
    return enabled


def is_debug() -> bool:
    """POWERTOOLS_DEBUG: the library's own debug logs go to stderr."""
    return env_bool(DEBUG_ENV)


def is_sam_local() -> bool:
    return env_bool("AWS_SAM_LOCAL")


def is_chalice_local() -> bool:
    return os.environ.get("AWS_CHALICE_CLI_MODE") == "local"
