"""Validation and output helpers shared by the metrics providers."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

from powertools.common.config import DEV_ENV, env_bool, is_dev_mode, strtobool
from powertools.metrics.exceptions import (
    InvalidTimestampError,
    MetricResolutionError,
    MetricUnitError,
    MetricValueError,
)
from powertools.metrics.provider.cloudwatch_emf.constants import (
    EMF_MAX_TIMESTAMP_FUTURE_AGE_MS,
    EMF_MAX_TIMESTAMP_PAST_AGE_MS,
)
from powertools.metrics.provider.cloudwatch_emf.metric_properties import MetricResolution, MetricUnit

if TYPE_CHECKING:
    from datetime import datetime

METRICS_NAMESPACE_ENV = "POWERTOOLS_METRICS_NAMESPACE"
METRICS_DISABLED_ENV = "POWERTOOLS_METRICS_DISABLED"
METRICS_FUNCTION_NAME_ENV = "POWERTOOLS_METRICS_FUNCTION_NAME"

# One dict lookup resolves an enum member, its value ("Count/Second") or its name ("CountPerSecond").
_UNIT_VALUES: dict[Any, str] = {}
for _unit in MetricUnit:
    _UNIT_VALUES[_unit] = _UNIT_VALUES[_unit.value] = _UNIT_VALUES[_unit.name] = _unit.value
_RESOLUTION_VALUES: dict[Any, int] = {}
for _resolution in MetricResolution:
    _RESOLUTION_VALUES[_resolution] = _RESOLUTION_VALUES[_resolution.value] = _resolution.value
VALID_UNITS = tuple(unit.value for unit in MetricUnit)
VALID_RESOLUTIONS = tuple(resolution.value for resolution in MetricResolution)
# Error messages start with upstream's wording word for word (log searches and pytest.raises(match=)
# keep working), then name the metric and the fix.
_UNIT_OPTIONS = [unit.name for unit in MetricUnit]
_RESOLUTION_OPTIONS = [MetricResolution.Standard.value, MetricResolution.High.value]


def extract_cloudwatch_metric_unit_value(unit: MetricUnit | str, metric_name: str = "") -> str:
    """The unit's CloudWatch string; MetricUnitError naming the metric when CloudWatch has no such unit."""
    if unit.__class__ is MetricUnit:  # skips Enum.__hash__, a Python-level call, on the hot path
        return unit._value_
    try:
        return _UNIT_VALUES[unit]
    except (KeyError, TypeError):  # TypeError: an unhashable value
        raise MetricUnitError(
            f"Invalid metric unit '{unit}', expected either option: {_UNIT_OPTIONS} (metric {metric_name!r}; "
            "use a MetricUnit member, its name or its CloudWatch value such as 'Count/Second')"
        ) from None


def extract_cloudwatch_metric_resolution_value(resolution: MetricResolution | int, metric_name: str = "") -> int:
    """The resolution in seconds; MetricResolutionError naming the metric unless it is 1 or 60."""
    if type(resolution) is not bool:  # True == 1 would otherwise pass as a resolution
        try:
            return _RESOLUTION_VALUES[resolution]
        except (KeyError, TypeError):
            pass
    raise MetricResolutionError(
        f"Invalid metric resolution '{resolution}', expected either option: {_RESOLUTION_OPTIONS} "
        f"(metric {metric_name!r}; use MetricResolution.Standard (60) or MetricResolution.High (1))"
    )


def validate_emf_timestamp(timestamp: int | datetime) -> bool:
    """True when CloudWatch accepts the timestamp: 14 days past to 2 hours ahead."""
    try:
        millis = convert_timestamp_to_emf_format(timestamp)
    except InvalidTimestampError:
        return False
    now = int(time.time() * 1000)
    return now - EMF_MAX_TIMESTAMP_PAST_AGE_MS <= millis <= now + EMF_MAX_TIMESTAMP_FUTURE_AGE_MS


def convert_timestamp_to_emf_format(timestamp: int | datetime) -> int:
    """Epoch milliseconds from an int (already milliseconds) or a datetime (naive means local time)."""
    datetime_module = sys.modules.get("datetime")  # a datetime can only exist once its module is loaded
    if datetime_module is not None and isinstance(timestamp, datetime_module.datetime):
        return round(timestamp.timestamp() * 1000)
    if isinstance(timestamp, int) and not isinstance(timestamp, bool):
        return timestamp
    raise InvalidTimestampError(
        f"Invalid metrics timestamp {timestamp!r}: expected epoch milliseconds (int) or a datetime"
    )


def resolve_timestamp(timestamp: int | datetime) -> int:
    """Epoch milliseconds, or InvalidTimestampError when CloudWatch would drop the metrics."""
    millis = convert_timestamp_to_emf_format(timestamp)
    if not validate_emf_timestamp(millis):
        raise InvalidTimestampError(
            f"Invalid metrics timestamp {timestamp!r}: CloudWatch accepts at most 14 days in the past "
            "and 2 hours in the future, and would drop these metrics"
        )
    return millis


def to_metric_value(name: str, value: Any) -> float:
    """The value as a float; MetricValueError naming the metric for non-numbers, NaN and infinity."""
    kind = type(value)
    if kind is float or kind is int:
        number = float(value)
    else:
        import numbers  # only for Decimal, Fraction, numpy scalars...

        if not isinstance(value, numbers.Number) or isinstance(value, complex):
            raise MetricValueError(f"{value} is not a valid number (metric {name!r}; pass an int or a float)")
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            raise MetricValueError(f"{value} is not a valid number (metric {name!r}; pass an int or a float)") from None
    if number - number != 0.0:  # NaN and infinity; cheaper than math.isfinite's import and call
        raise MetricValueError(f"{value} is not a valid number (metric {name!r}; CloudWatch needs a finite value)")
    return number


def is_metrics_disabled() -> bool:
    """POWERTOOLS_METRICS_DISABLED when set; otherwise POWERTOOLS_DEV disables metrics output."""
    raw = os.environ.get(METRICS_DISABLED_ENV)
    if raw is not None and raw.strip():
        return strtobool(raw, variable=METRICS_DISABLED_ENV)
    return env_bool(DEV_ENV)


def emit(document: Any) -> None:
    """Print one document as a single log line (indented in POWERTOOLS_DEV), unless metrics are disabled."""
    environ = os.environ
    disabled = environ.get(METRICS_DISABLED_ENV)
    dev = environ.get(DEV_ENV)
    if disabled is None and dev is None:  # the production case: two lookups, no parsing
        sys.stdout.write(encode_compact(document) + "\n")
        return
    if is_metrics_disabled():
        return
    if is_dev_mode():
        text = _json().dumps(document, indent=4, allow_nan=False, default=_encode_other)
    else:
        text = encode_compact(document)
    sys.stdout.write(text + "\n")


def _encode_other(value: Any) -> Any:
    """Metadata values plain JSON can't hold (Decimal, datetime, UUID...) go through powertools' Encoder."""
    from powertools.common.encoder import Encoder

    return Encoder().default(value)


def _json() -> Any:
    # json loads on the first flush, not at import: cold starts that never publish don't pay for it.
    import json

    return json


_compact: Any = None


def encode_compact(document: Any) -> str:
    """Compact JSON, non-ASCII escaped as upstream does, NaN refused; the C encoder is built once."""
    global _compact
    if _compact is None:
        encoder_module = _json().encoder
        if encoder_module.c_make_encoder is not None:
            make = encoder_module.c_make_encoder
            chunks = make(
                None, _encode_other, encoder_module.encode_basestring_ascii, None, ":", ",", False, False, False
            )
            _compact = lambda value: "".join(chunks(value, 0))  # noqa: E731
        else:  # pragma: no cover - Python built without the _json accelerator
            plain = _json().JSONEncoder(separators=(",", ":"), allow_nan=False, default=_encode_other)
            _compact = plain.encode
    return _compact(document)
