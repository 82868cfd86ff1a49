"""Upstream's module for ``single_metric``; kept so existing imports keep working."""

from __future__ import annotations

from powertools.metrics.base import SingleMetric, single_metric

__all__ = ["SingleMetric", "single_metric"]
