"""Errors raised by powertools.metrics; each message names the metric or setting at fault."""

from __future__ import annotations

from powertools.common.exceptions import PowertoolsError


class MetricsError(PowertoolsError, ValueError):
    """Base class of every metrics error."""


class MetricUnitError(MetricsError):
    """A metric unit CloudWatch doesn't accept, or a second unit for the same metric name."""


class MetricResolutionError(MetricsError):
    """A storage resolution other than 1 or 60 seconds, or a second one for the same metric name."""


class MetricValueError(MetricsError):
    """A metric value that is not a finite number."""


class InvalidTimestampError(MetricValueError):
    """A timestamp that is not epoch milliseconds / datetime, or outside CloudWatch's accepted window."""


class SchemaValidationError(MetricsError):
    """The metrics would not form a valid document: no namespace, no metrics, too many dimensions..."""


__all__ = [
    "MetricsError",
    "MetricUnitError",
    "MetricResolutionError",
    "MetricValueError",
    "InvalidTimestampError",
    "SchemaValidationError",
]
