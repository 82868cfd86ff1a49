"""powertools.metrics: CloudWatch Embedded Metric Format metrics for AWS Lambda.

Importing the package is cheap: each name below loads its module on first use.
"""

from __future__ import annotations

from powertools.common.lazy import lazy_exports

# Not typing.TYPE_CHECKING: importing `typing` would add to every cold start.
TYPE_CHECKING = False

__version__ = "0.1.2"

_EXPORTS = {
    "Metrics": ".metrics",
    "EphemeralMetrics": ".metrics",
    "single_metric": ".base",
    "SingleMetric": ".base",
    "MetricUnit": ".provider.cloudwatch_emf.metric_properties",
    "MetricResolution": ".provider.cloudwatch_emf.metric_properties",
    "MetricsError": ".exceptions",
    "MetricUnitError": ".exceptions",
    "MetricResolutionError": ".exceptions",
    "MetricValueError": ".exceptions",
    "InvalidTimestampError": ".exceptions",
    "SchemaValidationError": ".exceptions",
}

__all__ = [
    "Metrics",
    "EphemeralMetrics",
    "single_metric",
    "SingleMetric",
    "MetricUnit",
    "MetricResolution",
    "MetricsError",
    "MetricUnitError",
    "MetricResolutionError",
    "MetricValueError",
    "InvalidTimestampError",
    "SchemaValidationError",
    "__version__",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from powertools.metrics.base import SingleMetric, single_metric
    from powertools.metrics.exceptions import (
        InvalidTimestampError,
        MetricResolutionError,
        MetricsError,
        MetricUnitError,
        MetricValueError,
        SchemaValidationError,
    )
    from powertools.metrics.metrics import EphemeralMetrics, Metrics
    from powertools.metrics.provider.cloudwatch_emf.metric_properties import MetricResolution, MetricUnit
