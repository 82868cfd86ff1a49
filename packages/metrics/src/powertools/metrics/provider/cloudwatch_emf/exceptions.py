"""Upstream's location of the CloudWatch-specific errors; they live in powertools.metrics.exceptions."""

from __future__ import annotations

from powertools.metrics.exceptions import MetricResolutionError, MetricUnitError

__all__ = ["MetricResolutionError", "MetricUnitError"]
