"""The CloudWatch Embedded Metric Format provider (the default)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from powertools.common.lazy import lazy_exports

_EXPORTS = {
    "AmazonCloudWatchEMFProvider": ".cloudwatch",
    "MetricUnit": ".metric_properties",
    "MetricResolution": ".metric_properties",
}

__all__ = ["AmazonCloudWatchEMFProvider", "MetricUnit", "MetricResolution"]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from powertools.metrics.provider.cloudwatch_emf.cloudwatch import AmazonCloudWatchEMFProvider
    from powertools.metrics.provider.cloudwatch_emf.metric_properties import MetricResolution, MetricUnit
