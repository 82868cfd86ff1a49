"""Shapes of the EMF document, for type checkers."""

from __future__ import annotations

from typing import Any, TypedDict


class _MetricNameUnit(TypedDict):
    Name: str
    Unit: str


class MetricNameUnitResolution(_MetricNameUnit, total=False):
    # Present only for high-resolution (1 second) metrics.
    StorageResolution: int


class CloudWatchEMFDirective(TypedDict):
    Namespace: str
    Dimensions: list[list[str]]
    Metrics: list[MetricNameUnitResolution]


class CloudWatchEMFMetadata(TypedDict):
    Timestamp: int
    CloudWatchMetrics: list[CloudWatchEMFDirective]


# The top level also holds dimension values, metadata and metric values by name.
CloudWatchEMFOutput = dict[str, Any]
