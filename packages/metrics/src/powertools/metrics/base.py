"""One-off metrics with their own dimensions: ``single_metric``."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from powertools.common.config import is_dev_mode
from powertools.common.warnings import PowertoolsUserWarning
from powertools.metrics.provider.cloudwatch_emf.cloudwatch import AmazonCloudWatchEMFProvider
from powertools.metrics.provider.cloudwatch_emf.metric_properties import MetricResolution, MetricUnit


class SingleMetric(AmazonCloudWatchEMFProvider):
    """A document holding exactly one metric (possibly with several values)."""

    def add_metric(
        self,
        name: str,
        unit: MetricUnit | str,
        value: float,
        resolution: MetricResolution | int = 60,
    ) -> None:
        if self.metric_set:
            # One metric, one value, as upstream: later calls are ignored (a warning says so in POWERTOOLS_DEV).
            if is_dev_mode():
                warnings.warn(
                    f"single_metric holds one metric ({next(iter(self.metric_set))!r}); {name!r} was not added. "
                    "Use Metrics to publish several.",
                    category=PowertoolsUserWarning,
                    stacklevel=2,
                )
            return
        super().add_metric(name, unit, value, resolution)


@contextmanager
def single_metric(
    name: str,
    unit: MetricUnit | str,
    value: float,
    resolution: MetricResolution | int = 60,
    namespace: str | None = None,
    default_dimensions: dict[str, Any] | None = None,
) -> Iterator[SingleMetric]:
    """Publish one metric in its own document, with dimensions that apply to it alone.

    with single_metric(name="ColdStart", unit=MetricUnit.Count, value=1, namespace="Shop") as metric:
        metric.add_dimension(name="function_version", value="$LATEST")
    """
    metric = SingleMetric(namespace=namespace, default_dimensions=dict(default_dimensions or {}))
    metric.add_metric(name=name, unit=unit, value=value, resolution=resolution)
    try:
        yield metric
    finally:
        metric.flush_metrics()


__all__ = ["MetricResolution", "MetricUnit", "SingleMetric", "single_metric"]
